// Sign-in: username and password, then a TOTP code when the account has one; on a fresh non-demo
// install (no account yet) the first-time setup form instead, which creates the system admin.
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { useI18n } from "../i18n/index.tsx";
import { ApiError, get, post } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";

function Frame({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "linear-gradient(160deg,#0f2f66,#1f5fbf)",
      }}
    >
      <Card style={{ width: 400, maxWidth: "92vw" }}>{children}</Card>
    </div>
  );
}

export function LoginPage() {
  const { signIn, verifyCode, notice } = useAuth();
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<string | null>(null);
  const [setupRequired, setSetupRequired] = useState(false);

  useEffect(() => {
    get<{ setupRequired: boolean }>("/auth/setup")
      .then((r) => setSetupRequired(r.setupRequired))
      .catch(() => {});
  }, []);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  };

  const onPassword = (v: { username: string; password: string }) =>
    run(async () => {
      const step = await signIn(v.username, v.password);
      if (!step.done) setChallenge(step.challenge);
    });
  const onCode = (v: { code: string }) =>
    run(async () => {
      try {
        await verifyCode(challenge as string, v.code.trim());
      } catch (err) {
        // an expired or locked-out challenge cannot be retried: back to the password
        if (err instanceof ApiError && ["MFA_CHALLENGE_INVALID", "ACCOUNT_LOCKED"].includes(err.body.code)) {
          setChallenge(null);
        }
        throw err;
      }
    });
  const onSetup = (v: { setupCode: string; username: string; displayName: string; password: string }) =>
    run(async () => {
      await post("/auth/setup", v);
      setSetupRequired(false);
      setInfo(t("idSetupDone"));
    });

  const alerts = (
    <>
      {notice === "expired" && !error && !challenge && (
        <Alert
          type="warning"
          title={t("idSessionExpired")}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="session-expired"
        />
      )}
      {info && <Alert type="success" title={info} showIcon style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} data-testid="login-error" />}
    </>
  );

  let body: ReactNode;
  if (setupRequired) {
    body = (
      <>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t("idSetupTitle")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("idSetupHint")}</Typography.Paragraph>
        {alerts}
        <Form layout="vertical" onFinish={onSetup} requiredMark={false} data-testid="setup-form">
          <Form.Item name="setupCode" label={t("idSetupCode")} rules={[{ required: true, message: t("required") }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="username"
            label={t("username")}
            rules={[{ required: true, pattern: /^[a-z0-9_.-]{3,64}$/, message: t("required") }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="displayName" label={t("idDisplayName")} rules={[{ required: true, message: t("required") }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("idNewPassword")}
            extra={t("idPasswordRule")}
            rules={[{ required: true, min: 12, message: t("idPasswordRule") }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("idCreateAdmin")}
          </Button>
        </Form>
      </>
    );
  } else if (challenge) {
    body = (
      <>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t("idTotpStepTitle")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("idTotpStepHint")}</Typography.Paragraph>
        {alerts}
        <Form layout="vertical" onFinish={onCode} requiredMark={false}>
          <Form.Item name="code" label={t("idTotpCode")} rules={[{ required: true, message: t("required") }]}>
            <Input autoComplete="one-time-code" inputMode="text" autoFocus maxLength={16} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("idVerify")}
          </Button>
        </Form>
        <Button type="link" size="small" style={{ marginTop: 8, padding: 0 }} onClick={() => setChallenge(null)}>
          {t("idBack")}
        </Button>
      </>
    );
  } else {
    body = (
      <>
        <Typography.Paragraph type="secondary">{t("signInTitle")}</Typography.Paragraph>
        {alerts}
        <Form layout="vertical" onFinish={onPassword} requiredMark={false}>
          <Form.Item name="username" label={t("username")} rules={[{ required: true, message: t("required") }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t("password")} rules={[{ required: true, message: t("required") }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("signIn")}
          </Button>
        </Form>
      </>
    );
  }

  return (
    <Frame>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("appName")}
      </Typography.Title>
      {body}
      <Button
        type="link"
        size="small"
        style={{ marginTop: 8, padding: 0 }}
        onClick={() => setLang(lang === "zh" ? "en" : "zh")}
      >
        {t("language")}
      </Button>
    </Frame>
  );
}
