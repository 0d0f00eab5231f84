// Open311 接入: the client applications allowed to POST to /open311/v2 (docs/open311.md). Create
// (the API key is shown once), disable or enable; the key itself is never listed.
import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../components/admin/ErrorAlert.tsx";
import { tablePagination } from "../../components/admin/paging.ts";
import { SecretOnceModal } from "../../components/admin/SecretOnceModal.tsx";
import { asApiError, useFetch } from "../../components/admin/useFetch.ts";
import { useI18n } from "../../i18n/index.tsx";
import { api, post, qs } from "../../lib/api.ts";
import { fmtTime } from "../../lib/format.ts";
import type { Page } from "../../lib/types.ts";

interface Open311Client {
  id: string;
  name: string;
  keyPrefix: string;
  active: boolean;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  requestCount: number;
}

export function Open311ClientsTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ name: string; apiKey: string } | null>(null);
  const list = useFetch<Page<Open311Client>>(`/admin/open311-clients${qs({ page, pageSize })}`);
  const endpoint = `${window.location.origin}/open311/v2`;

  const toggle = async (c: Open311Client) => {
    try {
      await api("PATCH", `/admin/open311-clients/${encodeURIComponent(c.id)}`, { active: !c.active });
      message.success(c.active ? t("o311Disabled") : t("o311Enabled"));
      list.reload();
    } catch (e) {
      message.error(asApiError(e).text(lang));
    }
  };

  return (
    <div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t("o311Intro", { url: endpoint })}
        description={t("o311Docs")}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="o311-create">
          {t("o311Create")}
        </Button>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Open311Client>
        data-testid="o311-table"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("o311Empty") }}
        scroll={{ x: 900 }}
        pagination={tablePagination(t, page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: t("o311Name"), dataIndex: "name" },
          {
            title: t("o311KeyPrefix"),
            dataIndex: "keyPrefix",
            width: 130,
            render: (v: string) => <Typography.Text code>{`${v}…`}</Typography.Text>,
          },
          {
            title: t("admState"),
            dataIndex: "active",
            width: 80,
            render: (v: boolean) => (v ? <Tag color="green">{t("admActive")}</Tag> : <Tag>{t("admInactive")}</Tag>),
          },
          { title: t("o311Requests"), dataIndex: "requestCount", width: 90, align: "right" },
          {
            title: t("o311LastUsed"),
            dataIndex: "lastUsedAt",
            width: 140,
            render: (v: string | null) => (v ? fmtTime(v) : t("o311Never")),
          },
          {
            title: t("o311CreatedBy"),
            dataIndex: "createdBy",
            width: 130,
            render: (v: string | null) => v ?? t("o311CreatedBySystem"),
          },
          { title: t("admCreatedAt"), dataIndex: "createdAt", width: 140, render: (v: string) => fmtTime(v) },
          {
            title: t("admOperations"),
            key: "ops",
            width: 90,
            fixed: "right",
            render: (_: unknown, c: Open311Client) => (
              <Popconfirm
                title={c.active ? t("o311DisableConfirm", { name: c.name }) : t("o311EnableConfirm")}
                onConfirm={() => toggle(c)}
                okText={t("admConfirm")}
                cancelText={t("cancel")}
              >
                <Button type="link" size="small" danger={c.active} data-testid={`o311-toggle-${c.id}`}>
                  {c.active ? t("admDisable") : t("admEnable")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {creating ? (
        <CreateClientModal
          onClose={() => setCreating(false)}
          onCreated={(name, apiKey) => {
            setCreating(false);
            setShown({ name, apiKey });
            message.success(t("o311Created"));
            list.reload();
          }}
        />
      ) : null}
      {shown ? <KeyModal {...shown} onClose={() => setShown(null)} /> : null}
    </div>
  );
}

function CreateClientModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (name: string, apiKey: string) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async () => {
    const { name } = await form.validateFields();
    setSaving(true);
    setError(undefined);
    try {
      const r = await post<{ client: Open311Client; apiKey: string }>("/admin/open311-clients", { name: name.trim() });
      onCreated(r.client.name, r.apiKey);
    } catch (e) {
      setError(asApiError(e).text(lang));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t("o311Create")}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t("admConfirm")}
      cancelText={t("cancel")}
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "o311-create-ok" } as ButtonProps}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="name"
          label={t("o311Name")}
          rules={[{ required: true, whitespace: true, message: t("o311NameRequired") }, { max: 100 }]}
        >
          <Input maxLength={100} autoFocus data-testid="o311-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The new key, shown exactly once with a copy button (only its digest is stored). */
function KeyModal({ name, apiKey, onClose }: { name: string; apiKey: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <SecretOnceModal
      title={t("o311KeyTitle", { name })}
      warning={t("o311KeyOnce")}
      doneLabel={t("o311KeyDone")}
      secret={apiKey}
      testIds={{ modal: "o311-key-modal", secret: "o311-key", done: "o311-key-done" }}
      long
      onClose={onClose}
    />
  );
}
