// Alerts as a table: where, what, how many against the usual, since when, and the verdict. A row
// opens the alert; the selected one is highlighted.
import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/interface";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { fmtTime } from "../../lib/format.ts";
import type { Page } from "../../lib/types.ts";
import { one, STATUS_COLOR, windowText } from "./format.ts";
import type { Alert } from "./types.ts";

interface Props {
  data: Page<Alert> | undefined;
  loading: boolean;
  selectedId: string | null;
  onSelect: (a: Alert) => void;
  onPage: (page: number, pageSize: number) => void;
  testId: string;
}

export function AlertTable({ data, loading, selectedId, onSelect, onPage, testId }: Props) {
  const { t } = useI18n();
  const columns: ColumnsType<Alert> = [
    {
      title: t("anPlace"),
      dataIndex: "placeName",
      width: 220,
      ellipsis: { showTitle: false },
      // the last two parts (community / grid, or the district) say where; the whole path on hover
      render: (name: string, a) => (
        <Typography.Link data-testid="alert-open" data-id={a.id} title={name} onClick={() => onSelect(a)}>
          {name.split(" / ").slice(-2).join(" / ")}
        </Typography.Link>
      ),
    },
    { title: t("anCategory"), dataIndex: ["category", "name"], width: 170, ellipsis: { showTitle: true } },
    {
      title: `${t("anObserved")} / ${t("anExpected")}`,
      key: "figures",
      width: 110,
      align: "right",
      render: (_: unknown, a) => (
        <span data-testid="alert-figures">
          <b>{a.observed}</b> / {one(a.expected)}
        </span>
      ),
    },
    { title: t("anRatio"), dataIndex: "ratio", width: 70, align: "right", render: (r: number | null) => `${one(r)}×` },
    { title: t("anWindow"), key: "window", width: 90, render: (_: unknown, a) => windowText(a, t) },
    { title: t("anFirstSeen"), dataIndex: "firstSeenAt", width: 140, render: (v: string) => fmtTime(v) },
    {
      title: t("anStatus"),
      key: "status",
      width: 150,
      render: (_: unknown, a) => (
        <>
          <Tag color={STATUS_COLOR[a.status]}>{t(`anStatus_${a.status}` as MessageKey)}</Tag>
          {!a.active && <Tag>{t("anEnded")}</Tag>}
        </>
      ),
    },
  ];
  return (
    <Table<Alert>
      size="small"
      rowKey="id"
      data-testid={testId}
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{ emptyText: t("anNone") }}
      onRow={(a) =>
        ({
          onClick: () => onSelect(a),
          style: a.id === selectedId ? { background: "#e6f4ff" } : undefined,
          "data-testid": "alert-row",
          "data-id": a.id,
        }) as never
      }
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 10,
        total: data?.total ?? 0,
        size: "small",
        showSizeChanger: false,
        onChange: onPage,
      }}
      scroll={{ x: 900 }}
    />
  );
}
