// The reason dialog in front of every reveal of personal data (the reporter, a me-too caller): the
// server refuses reasons under 4 characters and records the reason in the audit log.

import type { Role } from "@civicgrid/shared";
import { Alert, Button, Form, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { post } from "../../lib/api.ts";
import { useAuth } from "../../lib/auth.tsx";
import { errorText } from "./errors.ts";

/** The roles with pii:unmask (packages/domain permissions): only they see a reveal button. */
const MAY_REVEAL: Role[] = ["hotline_agent", "city_centre", "district_centre", "township_centre"];

export function useMayReveal(): boolean {
  const { me } = useAuth();
  return me?.roles.some((r) => MAY_REVEAL.includes(r)) ?? false;
}

export interface RevealDialogProps<T> {
  open: boolean;
  title: string;
  hint: string;
  /** the API path (below /api/v1) that takes { reason } and answers the values */
  path: string;
  onRevealed: (values: T) => void;
  onClose: () => void;
}

export function RevealDialog<T>({ open, title, hint, path, onRevealed, onClose }: RevealDialogProps<T>) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reveal = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      onRevealed(await post<T>(path, { reason: reason.trim() }));
      onClose();
    } catch (e) {
      setError(errorText(e, lang, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void reveal(v)} preserve={false}>
        <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
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
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="reveal-submit">
            {t("submit")}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
