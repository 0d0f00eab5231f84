// The single screen an account sees while it owes something before the workbench (a password of its
// own, TOTP enrolment): a card with the reason, the account's name, the task and a way to sign out.
import { Alert, Button, Card, Typography } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { useAuth } from "../../lib/auth.tsx";

export interface GateScreenProps {
  testId: string;
  title: string;
  hint: string;
  hintType: "info" | "warning";
  children: ReactNode;
}

export function GateScreen({ testId, title, hint, hintType, children }: GateScreenProps) {
  const { me, signOut } = useAuth();
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
      <Card style={{ width: 520, maxWidth: "94vw" }} data-testid={testId}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        <Alert type={hintType} showIcon title={hint} style={{ marginBottom: 16 }} />
        <Typography.Paragraph type="secondary">{me?.displayName}</Typography.Paragraph>
        {children}
        <Button type="link" style={{ padding: 0, marginTop: 16 }} onClick={() => void signOut()}>
          {t("signOut")}
        </Button>
      </Card>
    </div>
  );
}
