import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../i18n/index.tsx";
import { ApiError } from "../lib/api.ts";
import { useAuth } from "../lib/auth.tsx";

export function LoginPage() {
  const { signIn } = useAuth();
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username, v.password);
    } catch (err) {
      setError(err instanceof ApiError ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  };

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
      <Card style={{ width: 380, maxWidth: "92vw" }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("appName")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("signInTitle")}</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
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
        <Button
          type="link"
          size="small"
          style={{ marginTop: 8, padding: 0 }}
          onClick={() => setLang(lang === "zh" ? "en" : "zh")}
        >
          {t("language")}
        </Button>
      </Card>
    </div>
  );
}
