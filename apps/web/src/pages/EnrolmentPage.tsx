// The only screen of an enrolment-only session: the account must set up TOTP before anything else.
import { Alert, Button, Card, Typography } from "antd";
import { TotpEnrolment } from "../components/identity/TotpEnrolment.tsx";
import { useI18n } from "../i18n/index.tsx";
import { useAuth } from "../lib/auth.tsx";

export function EnrolmentPage() {
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
      <Card style={{ width: 520, maxWidth: "94vw" }} data-testid="enrolment-page">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t("idEnrolTitle")}
        </Typography.Title>
        <Alert type="info" showIcon title={t("idEnrolRequired")} style={{ marginBottom: 16 }} />
        <Typography.Paragraph type="secondary">{me?.displayName}</Typography.Paragraph>
        <TotpEnrolment onEnrolled={() => void refresh()} />
        <Button type="link" style={{ padding: 0, marginTop: 16 }} onClick={() => void signOut()}>
          {t("signOut")}
        </Button>
      </Card>
    </div>
  );
}
