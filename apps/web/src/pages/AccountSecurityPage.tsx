// 账号安全: change my password, my two-step verification (enrol, new recovery codes, turn off where
// the policy allows).
import { App, Button, Card, Descriptions, Input, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../components/admin/ErrorAlert.tsx";
import { useFetch } from "../components/admin/useFetch.ts";
import { ChangePasswordForm } from "../components/identity/ChangePasswordForm.tsx";
import { RecoveryCodes, TotpEnrolment } from "../components/identity/TotpEnrolment.tsx";
import { useI18n } from "../i18n/index.tsx";
import { ApiError, post } from "../lib/api.ts";

interface AccountSecurity {
  totpEnabled: boolean;
  totpEnabledAt: string | null;
  totpRequired: boolean;
  recoveryCodesLeft: number;
}

function askPassword(t: ReturnType<typeof useI18n>["t"], title: string, onOk: (password: string) => Promise<void>) {
  let value = "";
  Modal.confirm({
    title,
    content: (
      <Input.Password autoFocus placeholder={t("idPasswordToConfirm")} onChange={(e) => (value = e.target.value)} />
    ),
    onOk: () => onOk(value),
  });
}

export function AccountSecurityPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const state = useFetch<AccountSecurity>("/me/security");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const fail = (err: unknown) => message.error(err instanceof ApiError ? err.text(lang) : String(err));

  const s = state.data;

  return (
    <div data-testid="account-security-page" style={{ maxWidth: 720 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("idAccountSecurity")}
      </Typography.Title>
      <ErrorAlert error={state.error} onRetry={state.reload} />
      <Card size="small" title={t("idTotp")} style={{ marginBottom: 16 }}>
        {codes ? (
          <RecoveryCodes
            codes={codes}
            onDone={() => {
              setCodes(null);
              state.reload();
            }}
          />
        ) : enrolling ? (
          <TotpEnrolment
            onEnrolled={() => {
              setEnrolling(false);
              state.reload();
            }}
          />
        ) : s ? (
          <Space direction="vertical">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t("idTotp")}>
                <Tag color={s.totpEnabled ? "green" : "default"}>{s.totpEnabled ? t("idTotpOn") : t("idTotpOff")}</Tag>
                {s.totpRequired && <Tag color="orange">{t("idTotpRequired")}</Tag>}
              </Descriptions.Item>
              {s.totpEnabled && (
                <Descriptions.Item label="">{t("idRecoveryLeft", { n: s.recoveryCodesLeft })}</Descriptions.Item>
              )}
            </Descriptions>
            {!s.totpEnabled && (
              <Button type="primary" onClick={() => setEnrolling(true)}>
                {t("idEnrolStart")}
              </Button>
            )}
            {s.totpEnabled && (
              <Space>
                <Button
                  onClick={() =>
                    askPassword(t, t("idRegenerate"), async (password) => {
                      try {
                        setCodes(
                          (await post<{ recoveryCodes: string[] }>("/me/totp/recovery-codes", { password }))
                            .recoveryCodes,
                        );
                      } catch (err) {
                        fail(err);
                      }
                    })
                  }
                >
                  {t("idRegenerate")}
                </Button>
                {!s.totpRequired && (
                  <Button
                    danger
                    onClick={() =>
                      askPassword(t, t("idDisableTotp"), async (password) => {
                        try {
                          await post("/me/totp/disable", { password });
                          message.success(t("idTotpDisabled"));
                          state.reload();
                        } catch (err) {
                          fail(err);
                        }
                      })
                    }
                  >
                    {t("idDisableTotp")}
                  </Button>
                )}
              </Space>
            )}
          </Space>
        ) : null}
      </Card>
      <Card size="small" title={t("idChangePassword")}>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
