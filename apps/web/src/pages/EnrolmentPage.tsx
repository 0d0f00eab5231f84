// The only screen of an enrolment-only session: the account must set up TOTP before anything else.
import { GateScreen } from "../components/identity/GateScreen.tsx";
import { TotpEnrolment } from "../components/identity/TotpEnrolment.tsx";
import { useI18n } from "../i18n/index.tsx";
import { useAuth } from "../lib/auth.tsx";

export function EnrolmentPage() {
  const { refresh } = useAuth();
  const { t } = useI18n();
  return (
    <GateScreen testId="enrolment-page" title={t("idEnrolTitle")} hint={t("idEnrolRequired")} hintType="info">
      <TotpEnrolment onEnrolled={() => void refresh()} />
    </GateScreen>
  );
}
