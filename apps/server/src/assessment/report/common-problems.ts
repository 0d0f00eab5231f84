// The monthly report's section on common problems (共性问题与趋势研判): the month told in words for
// leaders, two charts (the main categories against last month; the hotspots against what their
// places usually see) and the tables behind them. Data: analysis/monthly.ts.
import type { EChartsOption } from "echarts";
import type { CommonProblemsMonth } from "../../analysis/monthly.ts";
import { renderChart } from "./charts.ts";
import type { Block, ReportSection } from "./pdf.ts";

const STATUS_ZH: Record<string, string> = {
  open: "待研判",
  acknowledged: "已研判",
  tasked: "已派治理任务",
  dismissed: "已忽略",
};
const CASE_STATUS_ZH: Record<string, string> = {
  reported: "待立案",
  registered: "待派遣",
  dispatched: "待签收",
  accepted: "处置中",
  returned: "已退回",
  handled: "待核查",
  closed: "已结案",
  evaluated: "已评价",
  rejected: "不予立案",
  merged: "已并案",
};
const KIND_ZH: Record<string, string> = { hotspot: "共性问题", trend: "趋势异常" };

const one = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "—");

/** The month in words: what dominated, what rose, where problems kept coming back, what was done. */
export function commonProblemsText(m: CommonProblemsMonth): string {
  if (!m.analysedAt) return "共性问题分析尚未运行(服务启动后即运行,此后每小时一次),暂无本月分析结果。";
  const parts: string[] = [];
  const diff = m.total - m.previousTotal;
  const change =
    m.previousTotal > 0
      ? `,较上月${diff >= 0 ? "增加" : "减少"} ${Math.abs((diff / m.previousTotal) * 100).toFixed(1)}%`
      : "";
  parts.push(`本月${m.division.name}共发现有效问题 ${m.total} 件(不含并案与不予立案)${change}。`);
  if (m.categories.length) {
    const top3 = m.categories.slice(0, 3).map((c) => `${c.name}(${c.count} 件)`);
    const share =
      m.total > 0 ? ((m.categories.slice(0, 3).reduce((s, c) => s + c.count, 0) / m.total) * 100).toFixed(1) : "0";
    parts.push(`问题最多的类别是${top3.join("、")},合计占 ${share}%。`);
  }
  if (m.rising.length) {
    const list = m.rising.map((r) => `${r.name}(${r.count} 件,约为前三个月同期水平的 ${one(r.ratio)} 倍)`);
    parts.push(`明显上升的类别:${list.join("、")}。`);
  } else parts.push("与前三个月相比,没有类别出现统计上显著的上升。");
  if (m.hotspots.length) {
    const list = m.hotspots
      .slice(0, 3)
      .map((h) => `${h.place}的${h.categoryName}(${h.observed} 件,通常约 ${one(h.expected)} 件)`);
    parts.push(
      `同一地点反复发生的共性问题 ${m.hotspots.length} 处,最突出的是${list.join(";")}。建议针对根源开展专项治理。`,
    );
  } else parts.push("本月未发现同一地点同类问题明显高于常态的共性问题。");
  const a = m.alerts;
  if (a.total) {
    parts.push(
      `本月共有预警 ${a.total} 条(共性问题 ${a.byKind.hotspot ?? 0} 条、趋势异常 ${a.byKind.trend ?? 0} 条),` +
        `已派治理任务 ${a.byStatus.tasked ?? 0} 条,已研判 ${a.byStatus.acknowledged ?? 0} 条,` +
        `已忽略 ${a.byStatus.dismissed ?? 0} 条,待研判 ${a.byStatus.open ?? 0} 条。`,
    );
  }
  return parts.join("");
}

function categoriesChart(m: CommonProblemsMonth): EChartsOption {
  const rows = m.categories.slice(0, 8);
  return {
    title: { text: "主要问题类别:本月与上月", left: "center", textStyle: { fontSize: 13 } },
    legend: { data: ["本月", "上月"], bottom: 0 },
    grid: { left: 44, right: 16, top: 36, bottom: 80 },
    xAxis: {
      type: "category",
      data: rows.map((c) => (c.name.length > 8 ? `${c.name.slice(0, 8)}…` : c.name)),
      axisLabel: { interval: 0, rotate: 35, fontSize: 9 },
    },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: "本月", type: "bar", data: rows.map((c) => c.count), barMaxWidth: 18 },
      { name: "上月", type: "bar", data: rows.map((c) => c.previous), barMaxWidth: 18 },
    ],
  };
}

function hotspotChart(m: CommonProblemsMonth): EChartsOption {
  const rows = m.hotspots.slice(0, 8);
  const label = (h: (typeof rows)[number]) => {
    const where = h.place.split(" / ").pop() ?? h.place;
    const text = `${where}·${h.categoryName}`;
    return text.length > 12 ? `${text.slice(0, 12)}…` : text;
  };
  return {
    title: { text: "共性问题热点:实际与常态", left: "center", textStyle: { fontSize: 13 } },
    legend: { data: ["本月件数", "常态预期"], bottom: 0 },
    grid: { left: 44, right: 16, top: 36, bottom: 90 },
    xAxis: { type: "category", data: rows.map(label), axisLabel: { interval: 0, rotate: 35, fontSize: 9 } },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: "本月件数", type: "bar", data: rows.map((h) => h.observed), barMaxWidth: 18 },
      { name: "常态预期", type: "bar", data: rows.map((h) => Math.round(h.expected * 10) / 10), barMaxWidth: 18 },
    ],
  };
}

export async function commonProblemsBlocks(m: CommonProblemsMonth): Promise<Block[]> {
  const blocks: Block[] = [{ kind: "text", text: commonProblemsText(m) }];
  const charts = [];
  if (m.categories.length)
    charts.push({ svg: await renderChart(categoriesChart(m), 250, 250), width: 250, height: 250 });
  if (m.hotspots.length) charts.push({ svg: await renderChart(hotspotChart(m), 250, 250), width: 250, height: 250 });
  if (charts.length) blocks.push({ kind: "charts", charts });
  blocks.push({
    kind: "table",
    columns: [
      { label: "地点", weight: 4 },
      { label: "问题类别", weight: 2.6 },
      { label: "本月", weight: 1, align: "right" },
      { label: "常态预期", weight: 1.2, align: "right" },
      { label: "倍数", weight: 1, align: "right" },
    ],
    rows: m.hotspots.map((h) => [h.place, h.categoryName, String(h.observed), one(h.expected), one(h.ratio)]),
    empty: "本月未发现共性问题热点",
  });
  if (m.alerts.top.length) {
    blocks.push({
      kind: "table",
      columns: [
        { label: "类型", weight: 1.3 },
        { label: "地点", weight: 3.4 },
        { label: "问题类别", weight: 2.4 },
        { label: "件数/预期", weight: 1.5, align: "right" },
        { label: "状态", weight: 1.6 },
        { label: "治理任务", weight: 2.6 },
      ],
      rows: m.alerts.top.map((a) => [
        KIND_ZH[a.kind] ?? a.kind,
        a.place,
        a.categoryName,
        `${a.observed}/${one(a.expected)}`,
        STATUS_ZH[a.status] ?? a.status,
        a.taskCode ? `${a.taskCode} ${CASE_STATUS_ZH[a.taskStatus ?? ""] ?? a.taskStatus ?? ""}` : "—",
      ]),
    });
  }
  return blocks;
}

/** The section, numbered by the report. */
export async function commonProblemsReportSection(title: string, m: CommonProblemsMonth): Promise<ReportSection> {
  return { title, blocks: await commonProblemsBlocks(m) };
}
