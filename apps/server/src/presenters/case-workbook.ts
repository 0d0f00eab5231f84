// The case export as an XLSX workbook: one sheet, Chinese headers, statuses and sources in Chinese,
// times in Anshan local time (UTC+8, no daylight saving) as real Excel dates so they sort and filter.
import ExcelJS from "exceljs";
import type { PlaceDirectory } from "../places/directory.ts";
import { isOverdue } from "./case.ts";
import { SOURCE_ZH, STATUS_ZH } from "./labels-zh.ts";

export interface ExportCaseRow {
  code: string;
  title: string;
  status: string;
  source: string;
  category_code: string | null;
  category_name: string | null;
  district_code: string;
  township_code: string;
  community_code: string;
  grid_code: string;
  owner_unit_code: string | null;
  reported_at: Date;
  due_at: Date | null;
}

export const EXPORT_HEADERS = [
  "案件编号",
  "标题",
  "状态",
  "类别",
  "来源",
  "区县",
  "街道",
  "社区",
  "网格",
  "主办单位",
  "上报时间",
  "处置时限",
  "是否超期",
] as const;

const WIDTHS = [22, 40, 10, 24, 12, 12, 16, 18, 20, 30, 18, 18, 10];
const LOCAL_OFFSET_MS = 8 * 3600_000;
const DATE_FORMAT = "yyyy-mm-dd hh:mm";
const DATE_COLUMNS = new Set<string>(["上报时间", "处置时限"]);

/** Excel has no time zones: write the local wall-clock time. */
const local = (d: Date | null) => (d ? new Date(d.getTime() + LOCAL_OFFSET_MS) : null);

export async function caseWorkbook(rows: ExportCaseRow[], places: PlaceDirectory, now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CivicGrid";
  workbook.created = now;
  const sheet = workbook.addWorksheet("案件", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_HEADERS.map((header, i) => ({
    header,
    width: WIDTHS[i],
    ...(DATE_COLUMNS.has(header) ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  const name = (code: string) => places.division(code)?.name ?? code;
  for (const r of rows) {
    sheet.addRow([
      r.code,
      r.title,
      STATUS_ZH[r.status as keyof typeof STATUS_ZH] ?? r.status,
      r.category_name ?? r.category_code ?? "",
      SOURCE_ZH[r.source as keyof typeof SOURCE_ZH] ?? r.source,
      name(r.district_code),
      name(r.township_code),
      name(r.community_code),
      places.gridName(r.grid_code) ?? r.grid_code,
      r.owner_unit_code ? (places.unit(r.owner_unit_code)?.name ?? r.owner_unit_code) : "",
      local(r.reported_at),
      local(r.due_at),
      isOverdue(r, now) ? "是" : "否",
    ]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_HEADERS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** cases-YYYYMMDD.xlsx, dated in local time. */
export function exportFilename(now: Date): string {
  return `cases-${local(now)!.toISOString().slice(0, 10).replaceAll("-", "")}.xlsx`;
}
