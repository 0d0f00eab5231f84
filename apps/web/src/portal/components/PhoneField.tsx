// An optional phone, verified by a one-time code: "send code" asks the server (which, in demo mode,
// writes the code to its log), then counts down before it may be asked again.
import { Button, Form, Input, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, post } from "../../lib/api.ts";

export const PHONE_PATTERN = /^1[3-9][0-9]{9}$/;
const RESEND_SECONDS = 60;

export function PhoneField() {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance();
  const phone = Form.useWatch<string | undefined>("phone", form)?.trim() ?? "";
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [wait, setWait] = useState(0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  const send = async () => {
    setError(null);
    try {
      await form.validateFields(["phone"]);
    } catch {
      return;
    }
    setSending(true);
    try {
      const res = await post<{ phone: string; expiresInSeconds: number }>("/public/otp", { phone });
      setSentTo(res.phone);
      setWait(RESEND_SECONDS);
    } catch (e) {
      setError(e instanceof ApiError ? e.text(lang) : t("unexpectedError"));
      if (e instanceof ApiError && e.body.code === "RATE_LIMITED") setWait(RESEND_SECONDS);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Form.Item label={t("pPhone")} required={false}>
        <Space.Compact style={{ width: "100%" }}>
          <Form.Item
            name="phone"
            noStyle
            rules={[{ pattern: PHONE_PATTERN, message: t("pPhoneInvalid") }]}
            normalize={(v: string) => v.replace(/[^0-9]/g, "").slice(0, 11)}
          >
            <Input inputMode="tel" autoComplete="tel" maxLength={11} data-testid="p-phone" />
          </Form.Item>
          <Button
            onClick={send}
            loading={sending}
            disabled={wait > 0 || !PHONE_PATTERN.test(phone)}
            data-testid="p-send-code"
          >
            {wait > 0 ? t("pResendIn", { s: wait }) : t("pSendCode")}
          </Button>
        </Space.Compact>
      </Form.Item>
      {error && (
        <Typography.Text
          type="danger"
          style={{ display: "block", marginTop: -16, marginBottom: 12 }}
          data-testid="p-otp-error"
        >
          {error}
        </Typography.Text>
      )}
      {sentTo && (
        <>
          <Typography.Text
            type="secondary"
            style={{ display: "block", marginTop: -16, marginBottom: 12 }}
            data-testid="p-code-sent"
          >
            {t("pCodeSent", { phone: sentTo })}
          </Typography.Text>
          <Form.Item
            name="otpCode"
            label={t("pCode")}
            rules={[{ required: PHONE_PATTERN.test(phone), pattern: /^[0-9]{6}$/, message: t("pCodeRequired") }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="p-otp-code" />
          </Form.Item>
        </>
      )}
    </>
  );
}
