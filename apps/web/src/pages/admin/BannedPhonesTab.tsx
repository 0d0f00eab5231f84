// 手机号禁用: the citizens' portal's ban list — bar a phone with a reason, search, lift a bar.
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, Modal, Popconfirm, Space, Table, Typography } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../components/admin/ErrorAlert.tsx";
import { tablePagination } from "../../components/admin/paging.ts";
import { asApiError, useFetch } from "../../components/admin/useFetch.ts";
import { useI18n } from "../../i18n/index.tsx";
import { api, post, qs } from "../../lib/api.ts";
import { fmtTime } from "../../lib/format.ts";
import type { Page } from "../../lib/types.ts";

interface BannedPhone {
  /** the entry's id: the number itself is only shown masked */
  id: string;
  phone: string;
  reason: string;
  bannedAt: string;
  bannedBy: { username: string; displayName: string } | null;
}

function AddModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ phone: string; reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await post("/admin/banned-phones", { phone: values.phone.trim(), reason: values.reason.trim() });
      onSaved();
    } catch (e) {
      setError(asApiError(e).text(lang));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t("banAdd")}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okText={t("banAdd")}
      cancelText={t("cancel")}
      okButtonProps={{ danger: true }}
    >
      <Form form={form} layout="vertical" data-testid="ban-form">
        <Form.Item
          name="phone"
          label={t("banPhone")}
          rules={[{ required: true, pattern: /^1[3-9][0-9]{9}$/, message: t("banPhoneInvalid") }]}
        >
          <Input maxLength={11} inputMode="tel" data-testid="ban-phone" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("banReason")}
          rules={[{ required: true, whitespace: true, message: t("banReasonRequired") }]}
        >
          <Input.TextArea rows={2} maxLength={200} data-testid="ban-reason" />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}

export function BannedPhonesTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [adding, setAdding] = useState(false);
  const list = useFetch<Page<BannedPhone>>(`/admin/banned-phones${qs({ q, page, pageSize })}`);

  const lift = async (b: BannedPhone) => {
    try {
      await api("DELETE", `/admin/banned-phones/${encodeURIComponent(b.id)}`);
      message.success(t("banLifted"));
      list.reload();
    } catch (e) {
      message.error(asApiError(e).text(lang));
    }
  };

  return (
    <div data-testid="banned-phones">
      <Typography.Paragraph type="secondary">{t("banIntro")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("banSearch")}
          aria-label={t("banSearch")}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 220 }}
        />
        <Button type="primary" danger icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="ban-add">
          {t("banAdd")}
        </Button>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<BannedPhone>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={tablePagination(t, page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: t("banPhone"), dataIndex: "phone", width: 140 },
          { title: t("banReason"), dataIndex: "reason" },
          {
            title: t("banBy"),
            dataIndex: "bannedBy",
            width: 180,
            render: (v: BannedPhone["bannedBy"]) => v?.displayName ?? "",
          },
          { title: t("banAt"), dataIndex: "bannedAt", width: 150, render: (v: string) => fmtTime(v) },
          {
            title: t("admOperations"),
            key: "ops",
            width: 110,
            render: (_: unknown, b: BannedPhone) => (
              <Popconfirm
                title={t("banLiftConfirm", { phone: b.phone })}
                onConfirm={() => lift(b)}
                okText={t("admConfirm")}
                cancelText={t("cancel")}
              >
                <Button type="link" size="small" data-testid={`ban-lift-${b.phone}`}>
                  {t("banLift")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {adding && (
        <AddModal
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            message.success(t("banAdded"));
            list.reload();
          }}
        />
      )}
    </div>
  );
}
