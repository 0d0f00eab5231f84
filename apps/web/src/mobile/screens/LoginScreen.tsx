// Sign-in for grid workers; other staff are sent to the workbench, which is made for their work. An
// account with TOTP gives its code (or a recovery code) in a second step after the password.
import { Alert, Button, Form, Input, Result, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError } from "../../lib/api.ts";
import { useOnline } from "../hooks.ts";
import { useSession } from "../session.tsx";

const TOTP_SHAPE = /^\d{6}$/;
const RECOVERY_SHAPE = /^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/;

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <div className="m-login">
      <div className="m-login-card">{children}</div>
    </div>
  );
}

export function LoginScreen() {
  const { signIn, verifyCode } = useSession();
  const { t, lang, setLang } = useI18n();
  const online = useOnline();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** set after a right password on an account with TOTP: the code step is showing */
  const [challenge, setChallenge] = useState<string | null>(null);
  /** the code step takes a recovery code (text keyboard) instead of the 6 digits (number pad) */
  const [recovery, setRecovery] = useState(false);

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      // a challenge that expired or was used up: back to the password
      if (err instanceof ApiError && ["MFA_CHALLENGE_INVALID", "ACCOUNT_LOCKED"].includes(err.body.code)) {
        setChallenge(null);
      }
      setError(err instanceof ApiError ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  };
  const onFinish = (v: { username: string; password: string }) =>
    attempt(async () => {
      const step = await signIn(v.username.trim(), v.password);
      if (step) {
        setRecovery(false);
        setChallenge(step.challenge);
      }
    });
  const onCode = (v: { code: string }) =>
    attempt(async () => {
      if (challenge) await verifyCode(challenge, v.code.replace(/\s+/g, ""));
    });

  return (
    <Frame>
      <img src="/m/icon.svg" alt="" width={56} height={56} style={{ borderRadius: 12 }} />
      <Typography.Title level={3} style={{ margin: "12px 0 4px" }}>
        {t("mAppName")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("mSignInHint")}</Typography.Paragraph>
      {!online && <Alert type="warning" showIcon title={t("mSignInOffline")} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} data-testid="login-error" />}
      {challenge ? (
        <Form layout="vertical" onFinish={onCode} requiredMark={false} size="large" data-testid="m-totp-step">
          <Typography.Paragraph>{t(recovery ? "mRecoveryHint" : "mTotpHint")}</Typography.Paragraph>
          <Form.Item
            key={recovery ? "recovery" : "totp"}
            name="code"
            label={t(recovery ? "mRecoveryCode" : "mTotpCode")}
            rules={[
              { required: true, message: t("required") },
              {
                // spaces are dropped before sending; a recovery code looks like k7m2p-9xq4r
                validator: (_, v: string | undefined) =>
                  !v || (recovery ? RECOVERY_SHAPE : TOTP_SHAPE).test(v.replace(/\s+/g, ""))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t(recovery ? "mRecoveryFormat" : "mTotpFormat"))),
              },
            ]}
          >
            {recovery ? (
              <Input
                autoFocus
                autoComplete="off"
                autoCapitalize="none"
                autoCorrect="off"
                maxLength={16}
                data-testid="m-totp-code"
              />
            ) : (
              <Input
                autoFocus
                autoComplete="one-time-code"
                inputMode="numeric"
                pattern="[0-9 ]*"
                maxLength={7}
                data-testid="m-totp-code"
              />
            )}
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} className="m-big-button">
            {t("mTotpVerify")}
          </Button>
          <Button type="link" block onClick={() => setRecovery(!recovery)} data-testid="m-totp-recovery">
            {t(recovery ? "mUseTotp" : "mUseRecovery")}
          </Button>
          <Button
            type="link"
            block
            onClick={() => {
              setChallenge(null);
              setError(null);
            }}
          >
            {t("mTotpBack")}
          </Button>
        </Form>
      ) : (
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
      )}
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
