// The reporter's phone: masked by the server; hotline agents and centres may see the reporter's full
// details (name, phone, ID number, exact address) after giving a reason (POST
// /cases/:id/reporter/reveal, audited with that reason).

import { EyeOutlined } from "@ant-design/icons";
import type { Role } from "@civicgrid/shared";
import { Alert, Button, Form, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { post } from "../../lib/api.ts";
import { useAuth } from "../../lib/auth.tsx";
import { errorText } from "./errors.ts";

interface Revealed {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
}

const MAY_REVEAL: Role[] = ["hotline_agent", "city_centre", "district_centre", "township_centre"];

export function ReporterPhone({ caseId, masked }: { caseId: string; masked: string }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const full = revealed?.phone ?? null;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = me?.roles.some((r) => MAY_REVEAL.includes(r)) ?? false;

  const reveal = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      setRevealed(await post<Revealed>(`/cases/${caseId}/reporter/reveal`, { reason: reason.trim() }));
      setOpen(false);
    } catch (e) {
      setError(errorText(e, lang, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={8} wrap>
      <Typography.Text data-testid="reporter-phone" copyable={full ? { text: full } : false}>
        {full ?? masked}
      </Typography.Text>
      {revealed && (
        <Typography.Text type="secondary" data-testid="reporter-revealed">
          {[
            revealed.name && `${t("reporterName")}: ${revealed.name}`,
            revealed.idNumber && `${t("reporterIdNumber")}: ${revealed.idNumber}`,
            revealed.address && `${t("exactAddress")}: ${revealed.address}`,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Typography.Text>
      )}
      {allowed && !revealed && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="reveal-phone">
          {t("revealPhone")}
        </Button>
      )}
      <Modal open={open} title={t("revealPhone")} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void reveal(v)} preserve={false}>
          <Typography.Paragraph type="secondary">{t("revealPhoneHint")}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="reason"
            label={t("reason")}
            rules={[
              { required: true, whitespace: true, message: t("fieldRequired", { field: t("reason") }) },
              {
                validator: async (_r, v: string | undefined) => {
                  if (v && [...v.trim()].length < 4) throw new Error(t("revealReasonMin"));
                },
              },
            ]}
          >
            <Input.TextArea rows={2} maxLength={200} showCount data-testid="reveal-reason" />
          </Form.Item>
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setOpen(false)}>{t("cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="reveal-submit">
              {t("submit")}
            </Button>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}
