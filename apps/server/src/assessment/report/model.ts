// The monthly report's content in words and numbers: sections of key figures, charts and ranking
// tables, built from the gathered data. Layout is pdf.ts's business.

import type { IndicatorKey } from "@civicgrid/domain";
import { changeBetween, computeIndicators, type Indicators, LOWER_IS_BETTER } from "@civicgrid/domain";
import { FIGURES } from "@civicgrid/shared";
import type { AssessmentRow, FigureKey, Ranking } from "../ranking.ts";
import { areaChart, dailyChart, renderChart, shareChart } from "./charts.ts";
import { commonProblemsReportSection } from "./common-problems.ts";
import type { ReportData } from "./data.ts";
import type { Block, FigureCell, ReportModel, ReportSection, TableColumn } from "./pdf.ts";

const LEVEL_ZH: Record<string, string> = { district: "区县", township: "街道乡镇", community: "社区村", grid: "网格" };
const SUMMARY_FIGURES: readonly IndicatorKey[] = [
  "reported",
  "registered",
  "closed",
  "closureRate",
  "onTimeClosureRate",
  "onTimeHandlingRate",
  "reworkRate",
  "accurateDispatchRate",
  "overdue",
  "responseRate",
  "resolutionRate",
  "satisfactionRate",
  "avgHandlingDays",
  "resolvedRate",
  "evaluated",
];
const isRate = (key: FigureKey) => FIGURES[key].kind === "rate";

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`);

export function show(key: FigureKey, v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  if (isRate(key)) return pct(v);
  if (key === "avgHandlingDays" || key === "reportsPerPatrol") return v.toFixed(2);
  return String(Math.round(v));
}

/** "▲ 1.2 个百分点" / "▼ 3.0%" / "持平" / "—", with whether it is good news. */
export function changeCell(key: FigureKey, v: number | null | undefined): Pick<FigureCell, "change" | "tone"> {
  if (v === null || v === undefined) return { change: "环比 —", tone: "neutral" };
  if (Math.abs(v) < 0.05) return { change: "环比持平", tone: "neutral" };
  const unit = isRate(key) ? " 个百分点" : key === "avgHandlingDays" ? " 个工作日" : "%";
  const text = `环比 ${v > 0 ? "▲" : "▼"} ${Math.abs(v).toFixed(key === "avgHandlingDays" ? 2 : 1)}${unit}`;
  const judged = isRate(key) || key === "avgHandlingDays" || key === "overdue";
  if (!judged) return { change: text, tone: "neutral" };
  const better = LOWER_IS_BETTER.has(key as IndicatorKey) ? v < 0 : v > 0;
  return { change: text, tone: better ? "good" : "bad" };
}

export function monthLabel(month: string): string {
  const [y, m] = month.split("-");
  return `${y}年${Number(m)}月`;
}

export async function buildReportModel(data: ReportData, now: Date): Promise<ReportModel> {
  const current = computeIndicators(data.summary.current);
  const change = changeBetween(current, computeIndicators(data.summary.previous));
  const sections: ReportSection[] = [
    overview(data, current, change),
    await trends(data),
    // common problems and trends (共性问题, docs/analysis.md)
    ...(await commonProblemsSection(data)),
    await areasSection(data),
    rankingSection("五、部门单位", data.units, "units", 20),
    rankingSection("六、网格员", data.gridWorkers, "people", 10),
    definitions(),
  ];
  const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
  return {
    title: `${data.division.name}综合评价月报`,
    subtitle: `${monthLabel(data.month)}(${data.periods.current.from} 至 ${data.periods.current.to}),环比上月;生成于 ${stamp}`,
    footer: `${data.division.name} · ${monthLabel(data.month)} · CivicGrid 综合评价`,
    sections,
  };
}

/** 三、共性问题与趋势研判 (analysis/monthly.ts, report/common-problems.ts); none without the data. */
export async function commonProblemsSection(data: ReportData): Promise<ReportSection[]> {
  if (!data.commonProblems) return [];
  return [await commonProblemsReportSection("三、共性问题与趋势研判", data.commonProblems)];
}

function overview(data: ReportData, i: Indicators, change: Record<string, number | null>): ReportSection {
  const text =
    `本月${data.division.name}共受理上报问题 ${i.reported} 件,立案 ${i.registered} 件,` +
    `截至报告生成时已结案 ${i.closed} 件,结案率 ${pct(i.closureRate)},按期结案率 ${pct(i.onTimeClosureRate)};` +
    `在办 ${i.open} 件,其中超期 ${i.overdue} 件。12345 三率:响应率 ${pct(i.responseRate)},` +
    `解决率 ${pct(i.resolutionRate)},满意率 ${pct(i.satisfactionRate)}。` +
    `问题发现 ${i.found} 件、解决 ${i.resolved} 件,问题解决率 ${pct(i.resolvedRate)}。`;
  const cells: FigureCell[] = SUMMARY_FIGURES.map((key) => ({
    label: FIGURES[key].zh,
    value: show(key, i[key]),
    ...changeCell(key, change[key]),
  }));
  return {
    title: "一、总体情况",
    blocks: [
      { kind: "text", text },
      { kind: "figures", cells },
    ],
  };
}

async function trends(data: ReportData): Promise<ReportSection> {
  const [daily, categories, sources] = await Promise.all([
    renderChart(dailyChart(data.daily), 500, 220),
    renderChart(shareChart("问题类别构成", data.categories), 250, 230),
    renderChart(shareChart("问题来源渠道", data.sources), 250, 230),
  ]);
  return {
    title: "二、趋势与构成",
    blocks: [
      { kind: "charts", charts: [{ svg: daily, width: 500, height: 220 }] },
      {
        kind: "charts",
        charts: [
          { svg: categories, width: 250, height: 230 },
          { svg: sources, width: 250, height: 230 },
        ],
      },
    ],
  };
}

async function areasSection(data: ReportData): Promise<ReportSection> {
  const rows = data.areas.rows;
  const blocks: Block[] = [];
  if (rows.length > 0 && rows.length <= 40) {
    const bars = [...rows]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => ({ name: r.name, reported: r.figures.reported, closureRate: r.figures.closureRate }));
    blocks.push({
      kind: "charts",
      charts: [{ svg: await renderChart(areaChart(bars), 500, 250), width: 500, height: 250 }],
    });
  }
  blocks.push(rankingTable(data.areas, 50));
  return { title: `四、${LEVEL_ZH[data.areas.level] ?? ""}排名(按上报数)`, blocks };
}

function rankingSection(title: string, ranking: Ranking, kind: "units" | "people", limit: number): ReportSection {
  const active: Ranking = { ...ranking, rows: ranking.rows.filter((r) => r.figures.reported > 0) };
  const blocks: Block[] = [rankingTable(active, limit)];
  if (kind === "people" && active.rows.length > 0) {
    blocks.unshift({ kind: "text", text: "按本人上报的问题数排名;巡查发现率为巡查中上报数 ÷ 巡查次数。" });
  }
  return { title: `${title}(按上报数,前 ${limit} 名)`, blocks };
}

const TABLE: readonly { key: FigureKey; label: string; weight: number }[] = [
  { key: "reported", label: "上报", weight: 1 },
  { key: "closed", label: "结案", weight: 1 },
  { key: "closureRate", label: "结案率", weight: 1.2 },
  { key: "onTimeClosureRate", label: "按期结案率", weight: 1.4 },
  { key: "satisfactionRate", label: "满意率", weight: 1.2 },
  { key: "overdue", label: "超期", weight: 0.9 },
];

function rankingTable(ranking: Ranking, limit: number): Block {
  const columns: TableColumn[] = [
    { label: "排名", weight: 0.8, align: "center" },
    { label: "名称", weight: 3.6 },
    ...TABLE.map((c) => ({ label: c.label, weight: c.weight, align: "right" as const })),
    { label: "结案率环比", weight: 1.6, align: "right" },
  ];
  const rows = ranking.rows
    .slice(0, limit)
    .map((r: AssessmentRow) => [
      r.rank === null ? "—" : String(r.rank),
      r.name,
      ...TABLE.map((c) => show(c.key, r.figures[c.key])),
      changeCell("closureRate", r.change.closureRate).change.replace("环比 ", ""),
    ]);
  return { kind: "table", columns, rows, empty: "本月无数据" };
}

function definitions(): ReportSection {
  const text = [
    "统计口径:按问题上报日期计入当月,各项状态截至报告生成时;环比为与上一自然月相比(比率为百分点,数量为百分比)。",
    "结案率 = 结案数 ÷ 立案数;按期结案率 = 按期结案数 ÷ 应结案数(已结案或已超期);按期处置率 = 按期处置反馈数 ÷ 应处置数;",
    "返工率 = 核查不通过(返工)的案件数 ÷ 已处置数;准确派遣率 = (派遣次数 − 退回次数) ÷ 派遣次数;",
    "响应率 = 时限内签收数 ÷ 派遣数;解决率 = 评价为已解决数 ÷ 评价数;满意率 = (满意 + 基本满意) ÷ 评价数;",
    "问题解决率 = 已办结问题数 ÷ (已办结 + 超期未办结);平均处置用时 = 派遣至处置反馈的工作日数的平均值。详见 docs/indicators.md。",
  ].join("\n");
  return { title: "附:指标说明", blocks: [{ kind: "text", text }] };
}
