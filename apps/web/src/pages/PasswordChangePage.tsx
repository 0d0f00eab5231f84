// The only screen of an admin account whose password another admin set (created or reset for it):
// it must choose its own before anything else; TOTP enrolment, if due, comes next (App.tsx).
import { ChangePasswordForm } from "../components/identity/ChangePasswordForm.tsx";
import { GateScreen } from "../components/identity/GateScreen.tsx";
import { useI18n } from "../i18n/index.tsx";
import { useAuth } from "../lib/auth.tsx";

export function PasswordChangePage() {
  const { refresh } = useAuth();
  const { t } = useI18n();
  return (
    <GateScreen
      testId="password-change-page"
      title={t("idMustChangeTitle")}
      hint={t("idMustChangeHint")}
      hintType="warning"
    >
      <ChangePasswordForm currentLabel={t("idMustChangeCurrent")} onChanged={() => void refresh()} />
    </GateScreen>
  );
}
