// The row-by-row report of a committed import: what became a case, what was imported before, and
// what is wrong with each refused row (field and reason, in the user's language).
import { Segmented, Space, Statistic, Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import type { HotlineImport, ImportReportRow } from "./types.ts";

const COLOURS = { created: "green", invalid: "red", duplicate: "default" } as const;

export function ImportReport({ result }: { result: HotlineImport }) {
  const { t, lang } = useI18n();
  const [only, setOnly] = useState<"all" | "problems">("problems");
  const report = result.report ?? [];
  const rows = only === "all" ? report : report.filter((r) => r.status !== "created");
  const fieldName = (f: string) => (f === "row" ? t("hlImpRow") : t(`hlField_${f}` as MessageKey));
  return (
    <div data-testid="import-report">
      <Space size={32} style={{ marginBottom: 12 }} wrap>
        <Statistic title={t("hlImpCreated")} value={result.counts.created} data-testid="import-created" />
        <Statistic title={t("hlImpInvalid")} value={result.counts.invalid} data-testid="import-invalid" />
        <Statistic title={t("hlImpDuplicate")} value={result.counts.duplicate} data-testid="import-duplicate" />
        <Segmented
          value={only}
          onChange={(v) => setOnly(v as "all" | "problems")}
          options={[
            { value: "problems", label: t("hlImpOnlyProblems") },
            { value: "all", label: t("hlImpAllRows") },
          ]}
        />
      </Space>
      <Table<ImportReportRow>
        size="small"
        rowKey="line"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(r) => ({ "data-testid": "import-report-row", "data-status": r.status }) as never}
        columns={[
          { title: t("hlImpLine"), dataIndex: "line", width: 70 },
          { title: t("hlField_ticketNo"), dataIndex: "ticketNo", width: 160 },
          {
            title: t("status"),
            dataIndex: "status",
            width: 100,
            render: (s: ImportReportRow["status"]) => (
              <Tag color={COLOURS[s]}>{t(`hlImpStatus_${s}` as MessageKey)}</Tag>
            ),
          },
          {
            title: t("hlCase"),
            dataIndex: "caseCode",
            width: 190,
            render: (code: string | undefined, r) =>
              code && r.caseId ? <Link to={`/cases/${r.caseId}`}>{code}</Link> : "—",
          },
          {
            title: t("hlImpProblems"),
            dataIndex: "problems",
            render: (ps: ImportReportRow["problems"]) =>
              ps.map((p) => (
                <span key={`${p.field}:${p.code}`} className="cg-hl-problem">
                  {fieldName(p.field)}: {lang === "zh" ? p.message : p.messageEn}
                </span>
              )),
          },
        ]}
      />
    </div>
  );
}
