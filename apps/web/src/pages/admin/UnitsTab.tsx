// 单位: all units with filters; create, rename, enable/disable (PATCH /admin/units/:code).
import { PlusOutlined } from "@ant-design/icons";
import { UNIT_TYPES } from "@civicgrid/shared";
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { DivisionPicker } from "../../components/admin/DivisionPicker.tsx";
import { ErrorAlert } from "../../components/admin/ErrorAlert.tsx";
import { label } from "../../components/admin/labels.ts";
import { tablePagination } from "../../components/admin/paging.ts";
import { asApiError, useFetch } from "../../components/admin/useFetch.ts";
import { useI18n } from "../../i18n/index.tsx";
import { api, qs } from "../../lib/api.ts";
import type { Page, Unit } from "../../lib/types.ts";
import { UnitFormModal } from "./UnitFormModal.tsx";

export function UnitsTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState("");
  const [type, setType] = useState<string>();
  const [divisionCode, setDivisionCode] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Unit | "new" | null>(null);
  const list = useFetch<Page<Unit>>(`/admin/units${qs({ q, type, divisionCode, page, pageSize })}`);

  const setActive = async (u: Unit, active: boolean) => {
    try {
      await api("PATCH", `/admin/units/${encodeURIComponent(u.code)}`, { active });
      message.success(active ? t("admUnitEnabled") : t("admUnitDisabled"));
      list.reload();
    } catch (e) {
      message.error(asApiError(e).text(lang));
    }
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("admUnitSearch")}
          aria-label={t("admUnitSearch")}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 240 }}
          data-testid="units-search"
        />
        <Select
          allowClear
          placeholder={t("admUnitType")}
          aria-label={t("admUnitType")}
          value={type}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
          options={UNIT_TYPES.map((ut) => ({ value: ut, label: label(t, "admUnitType_", ut) }))}
          style={{ width: 180 }}
        />
        <div style={{ width: 240 }}>
          <DivisionPicker
            value={divisionCode}
            onChange={(v) => {
              setDivisionCode(v);
              setPage(1);
            }}
          />
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="unit-create">
          {t("admUnitCreate")}
        </Button>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Unit>
        data-testid="units-table"
        rowKey="code"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={tablePagination(t, page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: t("admUnitCode"), dataIndex: "code", width: 200 },
          { title: t("admUnitName"), dataIndex: "name" },
          {
            title: t("admUnitType"),
            dataIndex: "type",
            width: 140,
            render: (v: string) => label(t, "admUnitType_", v),
          },
          { title: t("admLevel"), dataIndex: "level", width: 90, render: (v: string) => label(t, "admLevel_", v) },
          { title: t("admDivision"), dataIndex: "divisionName", width: 140, render: (v: string | null) => v ?? "—" },
          {
            title: t("admDepartmentKind"),
            dataIndex: "departmentKind",
            width: 140,
            render: (v: string | null) => (v ? label(t, "admDeptKind_", v) : "—"),
          },
          {
            title: t("admState"),
            dataIndex: "active",
            width: 80,
            render: (v: boolean) => (v ? <Tag color="green">{t("admActive")}</Tag> : <Tag>{t("admInactive")}</Tag>),
          },
          {
            title: t("admOperations"),
            key: "ops",
            width: 150,
            fixed: "right",
            render: (_: unknown, u: Unit) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(u)}>
                  {t("admRename")}
                </Button>
                <Popconfirm
                  title={
                    u.active
                      ? t("admUnitDisableConfirm", { name: u.name })
                      : t("admUnitEnableConfirm", { name: u.name })
                  }
                  onConfirm={() => setActive(u, !u.active)}
                  okText={t("admConfirm")}
                  cancelText={t("cancel")}
                >
                  <Button type="link" size="small" danger={u.active}>
                    {u.active ? t("admDisable") : t("admEnable")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing ? (
        <UnitFormModal
          unit={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}
