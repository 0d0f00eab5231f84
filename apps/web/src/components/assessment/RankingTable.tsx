// One ranking: rank, name (a link into the areas below it), where it sits, then each figure with its
// change against the previous period underneath (▲▼, green when better, red when worse). Sorting is
// done by the server over the whole table, so ranks stay true across pages.

import { FIGURES, SUBJECT_KINDS } from "@civicgrid/shared";
import { Table, type TableColumnsType, Typography } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useI18n } from "../../i18n/index.tsx";
import { changeView, figureText } from "./format.ts";
import type { FigureKey, RankingPage, RankingRow, TabKey } from "./types.ts";
import { figuresOf } from "./types.ts";

const TONE_COLOR = { good: "#389e0d", bad: "#cf1322", neutral: "#8c8c8c" } as const;

interface Props {
  tab: TabKey;
  data: RankingPage | undefined;
  loading: boolean;
  onSort: (sort: FigureKey, order: "asc" | "desc" | undefined) => void;
  onPage: (page: number, pageSize: number) => void;
  onDrill?: (row: RankingRow) => void;
}

function Figure({ k, row }: { k: FigureKey; row: RankingRow }) {
  const change = changeView(k, row.change[k]);
  return (
    <div data-testid={`fig-${k}`} style={{ whiteSpace: "nowrap" }}>
      <div>{figureText(k, row.figures[k])}</div>
      {change && (
        <div style={{ fontSize: 11, color: TONE_COLOR[change.tone] }} data-testid={`chg-${k}`}>
          {change.text}
        </div>
      )}
    </div>
  );
}

export function RankingTable({ tab, data, loading, onSort, onPage, onDrill }: Props) {
  const { t, lang } = useI18n();
  const figures = figuresOf(tab);
  const columns: TableColumnsType<RankingRow> = [
    {
      key: "rank",
      title: t("asRank"),
      dataIndex: "rank",
      width: 64,
      fixed: "left",
      render: (r: number | null) => r ?? "—",
    },
    {
      key: "name",
      title: t("asName"),
      dataIndex: "name",
      fixed: "left",
      width: 200,
      render: (name: string, row) =>
        row.hasChildren && onDrill ? (
          <Typography.Link onClick={() => onDrill(row)} data-testid="assessment-drill">
            {name}
          </Typography.Link>
        ) : (
          name
        ),
    },
    {
      key: "context",
      title: t("asContext"),
      width: 160,
      render: (_: unknown, row) => (
        <span>
          {row.context ?? "—"}
          {tab === "units" && (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              {SUBJECT_KINDS[row.kind]?.[lang] ?? row.kind}
            </Typography.Text>
          )}
        </span>
      ),
    },
    ...figures.map((k) => ({
      key: k,
      title: FIGURES[k][lang],
      width: 108,
      align: "right" as const,
      sorter: true,
      sortOrder: data?.sort === k ? (data.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null,
      render: (_: unknown, row: RankingRow) => <Figure k={k} row={row} />,
    })),
  ];
  const summary = data?.summary;
  return (
    <Table<RankingRow>
      data-testid="assessment-table"
      rowKey="code"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: 420 + figures.length * 108 }}
      sortDirections={["descend", "ascend"]}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        onChange: onPage,
      }}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action !== "sort") return;
        const s = sorter as SorterResult<RankingRow>;
        if (!s.columnKey) return;
        onSort(s.columnKey as FigureKey, s.order === "ascend" ? "asc" : s.order === "descend" ? "desc" : undefined);
      }}
      summary={
        summary
          ? () => (
              <Table.Summary fixed="top">
                <Table.Summary.Row data-testid="assessment-summary">
                  <Table.Summary.Cell index={0}>—</Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>
                    <strong>{t("asSummaryRow", { name: summary.name })}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} />
                  {figures.map((k, i) => (
                    <Table.Summary.Cell key={k} index={i + 3} align="right">
                      <Figure k={k} row={summary} />
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            )
          : undefined
      }
    />
  );
}
