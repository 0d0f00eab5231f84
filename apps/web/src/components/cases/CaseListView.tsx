// Filters, table and export of a case list, all driven by the URL query. Used by the inbox (with a
// bucket) and by the case list (without).
import { DownloadOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex } from "antd";
import { type ReactNode, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import {
  apiFilters,
  apiListQuery,
  type CaseFilters as Filters,
  readFilters,
  writeFilters,
} from "../../lib/caseQuery.ts";
import { downloadFile } from "../../lib/download.ts";
import { useLoad } from "../../lib/hooks.ts";
import type { CaseSummary, Page } from "../../lib/types.ts";
import { CaseFilters } from "./CaseFilters.tsx";
import { CaseTable } from "./CaseTable.tsx";
import { errorText } from "./errors.ts";

export function CaseListView({ header, refreshKey = 0 }: { header?: ReactNode; refreshKey?: number }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const query = qs(apiListQuery(filters));
  const list = useLoad(`${query}#${refreshKey}`, () => get<Page<CaseSummary>>(`/cases${query}`));
  const [exporting, setExporting] = useState(false);

  const update = (patch: Partial<Filters>) => {
    // any filter change starts again from the first page
    const next = { ...filters, page: 1, ...patch };
    setParams(writeFilters(next), { replace: false });
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const res = await downloadFile(`/cases/export${qs(apiFilters(filters))}`, "cases.xlsx");
      if (res.truncated) message.warning(t("exportTruncated"));
      else message.success(t("exportDone"));
    } catch (e) {
      message.error(errorText(e, lang, t));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card size="small" className="cg-list-card">
      {header}
      <Flex justify="space-between" align="flex-start" gap={8} style={{ marginBottom: 12 }}>
        <CaseFilters
          value={filters}
          onChange={update}
          onReset={() =>
            setParams(
              writeFilters({
                bucket: filters.bucket,
                status: [],
                sort: filters.sort,
                page: 1,
                pageSize: filters.pageSize,
              }),
            )
          }
        />
        <Flex gap={8} style={{ flex: "none" }}>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("refresh")} title={t("refresh")} />
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportXlsx()}
            data-testid="export-xlsx"
          >
            {t("export")}
          </Button>
        </Flex>
      </Flex>
      {list.error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(list.error, lang, t)}
          action={<Button onClick={list.reload}>{t("retry")}</Button>}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <CaseTable
        data={list.data}
        loading={list.loading}
        sort={filters.sort}
        onChange={(page, pageSize, sort) => setParams(writeFilters({ ...filters, page, pageSize, sort }))}
      />
    </Card>
  );
}
