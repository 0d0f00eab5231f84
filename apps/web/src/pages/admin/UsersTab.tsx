// 用户: accounts with filters; create, edit roles/unit (and a grid worker's grids), enable/disable,
// reset password (shown once).
import { PlusOutlined } from "@ant-design/icons";
import { ROLES } from "@civicgrid/shared";
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../components/admin/ErrorAlert.tsx";
import { PasswordModal } from "../../components/admin/PasswordModal.tsx";
import { tablePagination } from "../../components/admin/paging.ts";
import { isAdminRole } from "../../components/admin/roles.ts";
import type { AdminUser } from "../../components/admin/types.ts";
import { UnitPicker } from "../../components/admin/UnitPicker.tsx";
import { asApiError, useFetch } from "../../components/admin/useFetch.ts";
import { useI18n } from "../../i18n/index.tsx";
import { api, post, qs } from "../../lib/api.ts";
import { useAuth } from "../../lib/auth.tsx";
import { fmtTime } from "../../lib/format.ts";
import type { Page } from "../../lib/types.ts";
import { UserFormModal } from "./UserFormModal.tsx";

export function UsersTab() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [q, setQ] = useState("");
  const [role, setRole] = useState<string>();
  const [active, setActive] = useState<string>();
  const [unitCode, setUnitCode] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<AdminUser | "new" | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const list = useFetch<Page<AdminUser>>(`/admin/users${qs({ q, role, active, unitCode, page, pageSize })}`);
  const filtered = (fn: () => void) => {
    fn();
    setPage(1);
  };

  const toggle = async (u: AdminUser) => {
    try {
      await api("PATCH", `/admin/users/${encodeURIComponent(u.id)}`, { active: !u.active });
      message.success(u.active ? t("admUserDisabled") : t("admUserEnabled"));
      list.reload();
    } catch (e) {
      message.error(asApiError(e).text(lang));
    }
  };

  const resetPassword = async (u: AdminUser) => {
    try {
      const r = await post<{ password: string }>(`/admin/users/${encodeURIComponent(u.id)}/reset-password`, {});
      setShown({ username: u.username, password: r.password });
    } catch (e) {
      message.error(asApiError(e).text(lang));
    }
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("admUserSearch")}
          aria-label={t("admUserSearch")}
          onSearch={(v) => filtered(() => setQ(v.trim()))}
          style={{ width: 220 }}
          data-testid="users-search"
        />
        <Select
          allowClear
          placeholder={t("admRole")}
          aria-label={t("admRole")}
          value={role}
          onChange={(v) => filtered(() => setRole(v))}
          options={ROLES.map((r) => ({ value: r, label: t(`role_${r}`) }))}
          style={{ width: 170 }}
        />
        <Select
          allowClear
          placeholder={t("admState")}
          aria-label={t("admState")}
          value={active}
          onChange={(v) => filtered(() => setActive(v))}
          options={[
            { value: "true", label: t("admActive") },
            { value: "false", label: t("admInactive") },
          ]}
          style={{ width: 110 }}
        />
        <div style={{ width: 260 }}>
          <UnitPicker allowClear value={unitCode} onChange={(v) => filtered(() => setUnitCode(v))} />
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="user-create">
          {t("admUserCreate")}
        </Button>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<AdminUser>
        data-testid="users-table"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1150 }}
        pagination={tablePagination(t, page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: t("username"), dataIndex: "username", width: 150 },
          { title: t("admDisplayName"), dataIndex: "displayName", width: 170 },
          {
            title: t("admRoles"),
            dataIndex: "roles",
            render: (roles: AdminUser["roles"]) =>
              roles.map((r) => (
                <Tag key={r} color={isAdminRole(r) ? "purple" : "blue"}>
                  {t(`role_${r}`)}
                </Tag>
              )),
          },
          { title: t("unit"), dataIndex: "unitName", render: (v: string | null, u) => v ?? u.unitCode },
          {
            title: t("admGrids"),
            dataIndex: "grids",
            width: 100,
            render: (grids: AdminUser["grids"], u) => {
              if (!u.roles.includes("grid_worker") && !grids.length) return null;
              if (!grids.length) return <Typography.Text type="warning">{t("admGridsNone")}</Typography.Text>;
              return (
                <Tooltip title={grids.map((g) => g.name).join("、")}>
                  <Tag data-testid={`user-grids-${u.username}`}>{t("admGridsN", { n: grids.length })}</Tag>
                </Tooltip>
              );
            },
          },
          {
            title: t("admState"),
            dataIndex: "active",
            width: 80,
            render: (v: boolean) => (v ? <Tag color="green">{t("admActive")}</Tag> : <Tag>{t("admInactive")}</Tag>),
          },
          { title: t("admCreatedAt"), dataIndex: "createdAt", width: 140, render: (v: string) => fmtTime(v) },
          {
            title: t("admOperations"),
            key: "ops",
            width: 210,
            fixed: "right",
            render: (_: unknown, u: AdminUser) => {
              const self = u.id === me?.id;
              return (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    {t("admEdit")}
                  </Button>
                  <Popconfirm
                    title={u.active ? t("admUserDisableConfirm", { username: u.username }) : t("admUserEnableConfirm")}
                    onConfirm={() => toggle(u)}
                    okText={t("admConfirm")}
                    cancelText={t("cancel")}
                    disabled={self}
                  >
                    <Button type="link" size="small" danger={u.active} disabled={self}>
                      {u.active ? t("admDisable") : t("admEnable")}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t("admResetPasswordConfirm", { username: u.username })}
                    onConfirm={() => resetPassword(u)}
                    okText={t("admConfirm")}
                    cancelText={t("cancel")}
                  >
                    <Button type="link" size="small" data-testid={`reset-password-${u.username}`}>
                      {t("admResetPassword")}
                    </Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]}
      />
      {editing ? (
        <UserFormModal
          user={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(created) => {
            setEditing(null);
            message.success(t("admSaved"));
            if (created) setShown(created);
            list.reload();
          }}
        />
      ) : null}
      {shown ? <PasswordModal {...shown} onClose={() => setShown(null)} /> : null}
    </div>
  );
}
