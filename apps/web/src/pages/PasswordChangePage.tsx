// The only screen of an admin account whose password another admin set (created or reset for it):
// it must choose its own before anything else; TOTP enrolment, if due, comes next (App.tsx).
import { Alert, Button, Card, Typography } from "antd";
import { ChangePasswordForm } from "../components/identity/ChangePasswordForm.tsx";
import { useI18n } from "../i18n/index.tsx";
import { useAuth } from "../lib/auth.tsx";

export function PasswordChangePage() {
  const { me, refresh, signOut } = useAuth();
  const { t } = useI18n();
  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "#f0f2f5",
      }}
    >
      <Card style={{ width: 520, maxWidth: "94vw" }} data-testid="password-change-page">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t("idMustChangeTitle")}
        </Typography.Title>
        <Alert type="warning" showIcon title={t("idMustChangeHint")} style={{ marginBottom: 16 }} />
        <Typography.Paragraph type="secondary">{me?.displayName}</Typography.Paragraph>
        <ChangePasswordForm currentLabel={t("idMustChangeCurrent")} onChanged={() => void refresh()} />
        <Button type="link" style={{ padding: 0, marginTop: 16 }} onClick={() => void signOut()}>
          {t("signOut")}
        </Button>
      </Card>
    </div>
  );
}
