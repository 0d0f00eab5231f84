// A ranking as an XLSX workbook: one sheet with the ranked rows (figures, then their change against
// the previous period), one sheet saying which period, sort and definitions it shows. Rates are real
// Excel percentages, changes plain numbers (percentage points for rates, per cent for counts).
import { type AssessmentTable, FIGURES, SUBJECT_KINDS, TABLE_FIGURES } from "@civicgrid/shared";
import ExcelJS from "exceljs";
import type { FigureKey, Ranking } from "../assessment/ranking.ts";

const TITLES: Record<AssessmentTable, string> = {
  areas: "区域综合评价",
  units: "部门单位综合评价",
  grid_worker: "网格员综合评价",
  handler: "处置人员综合评价",
};

/** The change column's header: what unit the change is in. */
export function changeHeader(key: FigureKey): string {
  const kind = FIGURES[key].kind;
  const unit = kind === "rate" ? "百分点" : kind === "count" ? "%" : kind === "days" ? "工作日" : "差值";
  return `${FIGURES[key].zh}环比(${unit})`;
}

export const FIXED_HEADERS = ["排名", "名称", "类型", "所属"] as const;

export async function assessmentWorkbook(table: AssessmentTable, ranking: Ranking, now: Date): Promise<Buffer> {
  const figures = TABLE_FIGURES[table];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CivicGrid";
  workbook.created = now;
  const sheet = workbook.addWorksheet(TITLES[table], { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  sheet.columns = [
    { header: FIXED_HEADERS[0], width: 6 },
    { header: FIXED_HEADERS[1], width: 28 },
    { header: FIXED_HEADERS[2], width: 12 },
    { header: FIXED_HEADERS[3], width: 24 },
    ...figures.map((key) => ({
      header: FIGURES[key].zh,
      width: 12,
      style: { numFmt: FIGURES[key].kind === "rate" ? "0.00%" : FIGURES[key].kind === "count" ? "0" : "0.00" },
    })),
    ...figures.map((key) => ({ header: changeHeader(key), width: 14, style: { numFmt: "+0.00;-0.00;0.00" } })),
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of ranking.rows) {
    const f: Partial<Record<FigureKey, number | null>> = row.figures;
    sheet.addRow([
      row.rank,
      row.name,
      SUBJECT_KINDS[row.kind]?.zh ?? row.kind,
      row.context ?? "",
      ...figures.map((key) => f[key] ?? null),
      ...figures.map((key) => row.change[key] ?? null),
    ]);
  }
  const columns = FIXED_HEADERS.length + figures.length * 2;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };

  const about = workbook.addWorksheet("说明");
  about.columns = [{ width: 16 }, { width: 60 }];
  about.addRows([
    ["统计时段", `${ranking.period.from} 至 ${ranking.period.to}`],
    ["对比时段", `${ranking.previous.from} 至 ${ranking.previous.to}(等长的上一时段)`],
    ["排序", `${FIGURES[ranking.sort].zh} ${ranking.order === "asc" ? "升序" : "降序"}`],
    ["统计口径", "按上报日期统计的案件,截至导出时的状态;指标定义见 docs/indicators.md"],
    ["导出时间", new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ")],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** assessment-<table>-<from>-<to>.xlsx */
export function assessmentFilename(table: AssessmentTable, ranking: Ranking): string {
  return `assessment-${table.replace("_", "-")}-${ranking.period.from}-${ranking.period.to}.xlsx`;
}
