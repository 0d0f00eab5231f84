// TOTP enrolment: the server makes a secret (QR code of the otpauth:// URI and the base32 text),
// a code from the app confirms it, and the ten recovery codes are shown once.
import { Alert, Button, Form, Input, QRCode, Space, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, post } from "../../lib/api.ts";

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="recovery-codes">
      <Typography.Title level={5}>{t("idRecoveryTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("idRecoveryHint")}</Typography.Paragraph>
      <pre
        style={{ background: "#f5f5f5", padding: 12, columns: 2, fontSize: 15, lineHeight: 1.8 }}
        data-testid="recovery-code-list"
      >
        {codes.join("\n")}
      </pre>
      <Button type="primary" onClick={onDone} data-testid="recovery-saved">
        {t("idRecoverySaved")}
      </Button>
    </div>
  );
}

export function TotpEnrolment({ onEnrolled }: { onEnrolled: () => void }) {
  const { t, lang } = useI18n();
  const [secret, setSecret] = useState<{ secret: string; uri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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

  if (codes) return <RecoveryCodes codes={codes} onDone={onEnrolled} />;
  return (
    <div data-testid="totp-enrolment">
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      {!secret ? (
        <Button
          type="primary"
          loading={busy}
          data-testid="totp-start"
          onClick={() => run(async () => setSecret(await post("/me/totp/enrolment")))}
        >
          {t("idEnrolStart")}
        </Button>
      ) : (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <Typography.Text>{t("idEnrolStep1")}</Typography.Text>
          <QRCode value={secret.uri} size={180} />
          <Typography.Text>
            {t("idEnrolSecret")}:{" "}
            <Typography.Text code copyable data-testid="totp-secret">
              {secret.secret}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text>{t("idEnrolStep2")}</Typography.Text>
          <Form
            layout="inline"
            onFinish={(v: { code: string }) =>
              run(async () =>
                setCodes(
                  (await post<{ recoveryCodes: string[] }>("/me/totp/enrolment/confirm", { code: v.code.trim() }))
                    .recoveryCodes,
                ),
              )
            }
          >
            <Form.Item name="code" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t("idTotpStepHint") }]}>
              <Input
                aria-label={t("idTotpCode")}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                style={{ width: 140 }}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
              {t("idConfirm")}
            </Button>
          </Form>
        </Space>
      )}
    </div>
  );
}
