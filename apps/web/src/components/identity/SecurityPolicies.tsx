// The security admin's part of identity: the TOTP policy for centre roles, and resets of another
// account's second factor or of an admin account's password (shown once).
import { App, Button, Card, Form, Input, Space, Switch, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { ApiError, post, put } from "../../lib/api.ts";
import { ErrorAlert } from "../admin/ErrorAlert.tsx";
import { PasswordModal } from "../admin/PasswordModal.tsx";
import { useFetch } from "../admin/useFetch.ts";

interface Policies {
  totpRequiredForCentres: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

export function SecurityPolicies() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const policies = useFetch<Policies>("/security/policies");
  const [saving, setSaving] = useState(false);
  const [secret, setSecret] = useState<{ user: string; password: string } | null>(null);
  const [form] = Form.useForm<{ username: string }>();
  const fail = (err: unknown) => message.error(err instanceof ApiError ? err.text(lang) : String(err));

  const toggle = async (on: boolean) => {
    setSaving(true);
    try {
      await put("/security/policies", { totpRequiredForCentres: on });
      policies.reload();
      message.success(t("admSaved"));
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };
  const resetTotp = async () => {
    const { username } = await form.validateFields();
    try {
      await post("/security/accounts/reset-totp", { username });
      message.success(t("idResetTotpDone", { user: username }));
    } catch (err) {
      fail(err);
    }
  };
  const resetPassword = async () => {
    const { username } = await form.validateFields();
    try {
      const r = await post<{ password: string }>("/security/accounts/reset-password", { username });
      setSecret({ user: username, password: r.password });
    } catch (err) {
      fail(err);
    }
  };
  const p = policies.data;

  return (
    <>
      <Card size="small" title={t("idPolicies")} style={{ marginBottom: 16 }} data-testid="security-policies">
        <ErrorAlert error={policies.error} onRetry={policies.reload} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t("idPolicyAdmins")}
        </Typography.Paragraph>
        <Space>
          <Switch
            checked={p?.totpRequiredForCentres ?? false}
            loading={saving || policies.loading}
            onChange={(v) => void toggle(v)}
            aria-label={t("idPolicyCentres")}
            data-testid="policy-totp-centres"
          />
          <span>{t("idPolicyCentres")}</span>
        </Space>
        {p?.updatedBy && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {t("idPolicyUpdated", { time: dayjs(p.updatedAt).format("YYYY-MM-DD HH:mm"), user: p.updatedBy })}
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title={t("idAccountResets")} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t("idAccountResetsHint")}
        </Typography.Paragraph>
        <Form form={form} layout="inline">
          <Form.Item
            name="username"
            rules={[{ required: true, pattern: /^[a-z0-9_.-]{3,64}$/, message: t("required") }]}
          >
            <Input placeholder={t("idUsername")} aria-label={t("idUsername")} style={{ width: 200 }} />
          </Form.Item>
          <Button onClick={() => void resetTotp()}>{t("idResetTotp")}</Button>
          <Button onClick={() => void resetPassword()} style={{ marginLeft: 8 }}>
            {t("idResetPassword")}
          </Button>
        </Form>
      </Card>
      {secret && <PasswordModal username={secret.user} password={secret.password} onClose={() => setSecret(null)} />}
    </>
  );
}
