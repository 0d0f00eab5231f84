// Sign-in for grid workers; other staff are sent to the workbench, which is made for their work.
import { Alert, Button, Form, Input, Result, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError } from "../../lib/api.ts";
import { useOnline } from "../hooks.ts";
import { useSession } from "../session.tsx";

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <div className="m-login">
      <div className="m-login-card">{children}</div>
    </div>
  );
}

export function LoginScreen() {
  const { signIn } = useSession();
  const { t, lang, setLang } = useI18n();
  const online = useOnline();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username.trim(), v.password);
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Frame>
      <img src="/m/icon.svg" alt="" width={56} height={56} style={{ borderRadius: 12 }} />
      <Typography.Title level={3} style={{ margin: "12px 0 4px" }}>
        {t("mAppName")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("mSignInHint")}</Typography.Paragraph>
      {!online && <Alert type="warning" showIcon title={t("mSignInOffline")} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} data-testid="login-error" />}
      <Form layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        <Form.Item name="username" label={t("username")} rules={[{ required: true, message: t("required") }]}>
          <Input autoComplete="username" autoCapitalize="none" autoCorrect="off" />
        </Form.Item>
        <Form.Item name="password" label={t("password")} rules={[{ required: true, message: t("required") }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} className="m-big-button">
          {t("signIn")}
        </Button>
      </Form>
      <Button type="link" onClick={() => setLang(lang === "zh" ? "en" : "zh")} style={{ marginTop: 8 }}>
        {t("language")}
      </Button>
    </Frame>
  );
}

export function NotForThisRole() {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  return (
    <Frame>
      <Result
        status="info"
        title={t("mNotGridWorker")}
        subTitle={t("mNotGridWorkerHint", { name: me?.displayName ?? "" })}
        extra={[
          <Button type="primary" key="wb" href="/" data-testid="m-go-workbench">
            {t("mOpenWorkbench")}
          </Button>,
          <Button key="out" onClick={() => void signOut()}>
            {t("mSignOut")}
          </Button>,
        ]}
      />
    </Frame>
  );
}
