// 问题类别与权责清单: categories (GB/T 47678.5 components and matters, 12345 taxonomy) with each
// leaf's responsibility entry — who handles it, at which level, within how many working days.
import { App, Button, Checkbox, Input, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../components/admin/ErrorAlert.tsx";
import { handlerLabel, label } from "../../components/admin/labels.ts";
import { tablePagination } from "../../components/admin/paging.ts";
import type { Category } from "../../components/admin/types.ts";
import { useFetch } from "../../components/admin/useFetch.ts";
import { useI18n } from "../../i18n/index.tsx";
import { qs } from "../../lib/api.ts";
import type { Page } from "../../lib/types.ts";
import { ResponsibilityModal } from "./ResponsibilityModal.tsx";

const KINDS = ["component_class", "component", "matter_class", "matter", "hotline"] as const;

export function CategoriesTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [kind, setKind] = useState<string>();
  const [q, setQ] = useState("");
  const [leafOnly, setLeafOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Category | null>(null);
  const list = useFetch<Page<Category>>(
    `/categories${qs({ kind, q, leafOnly: leafOnly || undefined, page, pageSize })}`,
  );

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t("admCategoryKind")}
          aria-label={t("admCategoryKind")}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={KINDS.map((k) => ({ value: k, label: label(t, "admCatKind_", k) }))}
          style={{ width: 160 }}
          data-testid="category-kind"
        />
        <Input.Search
          allowClear
          placeholder={t("admCategorySearch")}
          aria-label={t("admCategorySearch")}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 240 }}
          data-testid="category-search"
        />
        <Checkbox
          checked={leafOnly}
          onChange={(e) => {
            setLeafOnly(e.target.checked);
            setPage(1);
          }}
        >
          {t("admLeafOnly")}
        </Checkbox>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Category>
        data-testid="categories-table"
        rowKey="code"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={tablePagination(t, page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: t("admCategoryCode"), dataIndex: "code", width: 110 },
          { title: t("admCategoryName"), dataIndex: "name" },
          {
            title: t("admCategoryKind"),
            dataIndex: "kind",
            width: 110,
            render: (v: string) => <Tag>{label(t, "admCatKind_", v)}</Tag>,
          },
          {
            title: t("admParentCategory"),
            dataIndex: "parentCode",
            width: 110,
            render: (v: string | null) => v ?? "—",
          },
          {
            title: t("admHandler"),
            key: "handler",
            width: 190,
            render: (_: unknown, c: Category) =>
              c.responsibility ? (
                <Tag
                  color={c.responsibility.handlerKind === "territorial" ? "green" : "blue"}
                  style={{ whiteSpace: "normal", marginInlineEnd: 0 }}
                >
                  {handlerLabel(t, c.responsibility.handlerKind)}
                </Tag>
              ) : (
                "—"
              ),
          },
          {
            title: t("admHandlingLevel"),
            key: "level",
            width: 110,
            render: (_: unknown, c: Category) =>
              c.responsibility ? label(t, "admLevel_", c.responsibility.level) : "—",
          },
          {
            title: t("admLimitDays"),
            key: "limit",
            width: 110,
            render: (_: unknown, c: Category) =>
              c.responsibility ? t("admWorkingDaysN", { n: c.responsibility.limitDays }) : "—",
          },
          {
            title: t("admOperations"),
            key: "ops",
            width: 90,
            fixed: "right",
            render: (_: unknown, c: Category) =>
              c.responsibility ? (
                <Button type="link" size="small" onClick={() => setEditing(c)} data-testid={`edit-resp-${c.code}`}>
                  {t("admEdit")}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing ? (
        <ResponsibilityModal
          category={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success(t("admSaved"));
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}
