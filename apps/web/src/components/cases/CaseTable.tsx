// The case table shared by the inbox and the case list: server-side paging and sorting, the time
// left recomputed every minute, horizontal scroll on narrow screens.
import type { CaseSource } from "@civicgrid/shared";
import { Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType, SorterResult } from "antd/es/table/interface";
import { Link } from "react-router-dom";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import type { Sort } from "../../lib/caseQuery.ts";
import { useCategoryNames } from "../../lib/categories.ts";
import { fmtTime, placeText } from "../../lib/format.ts";
import { useNow } from "../../lib/hooks.ts";
import type { CaseSummary, Page } from "../../lib/types.ts";
import { StatusTag, TimeLeftText } from "./StatusTag.tsx";

type SortField = "reportedAt" | "dueAt" | "updatedAt";

interface Props {
  data: Page<CaseSummary> | undefined;
  loading: boolean;
  sort: Sort;
  onChange: (page: number, pageSize: number, sort: Sort) => void;
}

export function CaseTable({ data, loading, sort, onChange }: Props) {
  const { t } = useI18n();
  const now = useNow();
  const categories = useCategoryNames();
  const order = (field: SortField) =>
    sort === field ? ("ascend" as const) : sort === `-${field}` ? ("descend" as const) : null;

  const columns: ColumnsType<CaseSummary> = [
    {
      title: t("caseCode"),
      dataIndex: "code",
      width: 170,
      fixed: "left",
      render: (code: string, c) => (
        <Link to={`/cases/${c.id}`} data-testid="case-link" data-code={code}>
          {code}
        </Link>
      ),
    },
    {
      title: t("title"),
      dataIndex: "title",
      width: 230,
      ellipsis: { showTitle: false },
      render: (title: string, c) => (
        <Space size={4}>
          {c.supervised && <Tag color="magenta">{t("supervised")}</Tag>}
          {(c.meTooCount ?? 0) > 0 && (
            <Tag color="geekblue" title={t("dupMeTooTitle")} data-testid="case-row-me-too">
              {t("dupMeToo", { n: c.meTooCount ?? 0 })}
            </Tag>
          )}
          <Tooltip title={title} placement="topLeft">
            <span>{title}</span>
          </Tooltip>
        </Space>
      ),
    },
    {
      title: t("status"),
      dataIndex: "status",
      width: 90,
      render: (_: unknown, c) => <StatusTag status={c.status} />,
    },
    {
      title: t("timeLeft"),
      key: "dueAt",
      width: 140,
      sorter: true,
      sortOrder: order("dueAt"),
      render: (_: unknown, c) => <TimeLeftText c={c} now={now} />,
    },
    {
      title: t("place"),
      key: "place",
      width: 210,
      ellipsis: true,
      render: (_: unknown, c) => placeText(c),
    },
    {
      title: t("category"),
      dataIndex: "categoryCode",
      width: 130,
      ellipsis: true,
      render: (code: string | null, c) =>
        code ? ((c as { categoryName?: string }).categoryName ?? categories.get(code) ?? code) : "—",
    },
    {
      title: t("source"),
      dataIndex: "source",
      width: 110,
      render: (s: CaseSource) => t(`source_${s}` as MessageKey),
    },
    {
      title: t("owner"),
      key: "owner",
      width: 170,
      ellipsis: true,
      render: (_: unknown, c) => c.ownerUnit?.name ?? "—",
    },
    {
      title: t("reportedAt"),
      dataIndex: "reportedAt",
      key: "reportedAt",
      width: 150,
      sorter: true,
      sortOrder: order("reportedAt"),
      render: fmtTime,
    },
    {
      title: t("updatedAt"),
      dataIndex: "updatedAt",
      key: "updatedAt",
      width: 150,
      sorter: true,
      sortOrder: order("updatedAt"),
      render: fmtTime,
    },
  ];

  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1580 }}
      data-testid="case-table"
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t("totalCases", { n: total }),
      }}
      onChange={(p, _f, sorter) => {
        const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CaseSummary> | undefined;
        const field = s?.columnKey as SortField | undefined;
        // a click that clears the sort returns to the default (newest first)
        const next: Sort = field && s?.order ? (`${s.order === "descend" ? "-" : ""}${field}` as Sort) : "-reportedAt";
        const sortChanged = next !== sort;
        onChange(sortChanged ? 1 : (p.current ?? 1), p.pageSize ?? 20, next);
      }}
      locale={{ emptyText: <Typography.Text type="secondary">{t("noData")}</Typography.Text> }}
    />
  );
}
