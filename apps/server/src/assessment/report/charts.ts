// Charts of the monthly report, drawn on the server with ECharts' server-side rendering into SVG
// strings (no canvas, no browser), then placed into the PDF as vectors (svg-to-pdfkit).
import type { EChartsOption } from "echarts";

const PALETTE = ["#1677ff", "#52c41a", "#faad14", "#f5222d", "#722ed1", "#13c2c2", "#eb2f96", "#8c8c8c"];

/** ECharts is large: loaded on the first report, not at start-up. */
let echartsModule: Promise<typeof import("echarts")> | null = null;

export async function renderChart(option: EChartsOption, width: number, height: number): Promise<string> {
  echartsModule ??= import("echarts");
  const echarts = await echartsModule;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: "sans-serif" }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface DailyPoint {
  day: string;
  reported: number;
  closed: number;
}

/** Reports and closures per day of the month. */
export function dailyChart(points: readonly DailyPoint[]): EChartsOption {
  return {
    title: { text: "每日上报与结案", left: "center", textStyle: { fontSize: 13 } },
    legend: { data: ["上报", "结案"], bottom: 0 },
    grid: { left: 44, right: 16, top: 36, bottom: 48 },
    xAxis: { type: "category", data: points.map((p) => p.day.slice(5)), axisLabel: { fontSize: 9 } },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: "上报", type: "line", data: points.map((p) => p.reported), showSymbol: false },
      { name: "结案", type: "line", data: points.map((p) => p.closed), showSymbol: false },
    ],
  };
}

export interface Share {
  name: string;
  value: number;
}

/**
 * A breakdown (categories, channels) as a ring: shares inside, names in the legend (outside labels
 * need a measured text width, which server-side rendering only estimates, and get pushed off).
 */
export function shareChart(title: string, shares: readonly Share[]): EChartsOption {
  return {
    title: { text: title, left: "center", textStyle: { fontSize: 13 } },
    legend: { bottom: 0, itemWidth: 10, itemHeight: 8, textStyle: { fontSize: 9 } },
    series: [
      {
        type: "pie",
        radius: ["30%", "62%"],
        center: ["50%", "48%"],
        label: { position: "inside", formatter: "{d}%", fontSize: 8, color: "#fff" },
        data: shares.map((s) => ({ name: s.name, value: s.value })),
      },
    ],
  };
}

export interface AreaBar {
  name: string;
  reported: number;
  closureRate: number | null;
}

/** The areas below the division: reports (bars) and closure rate (line, right axis). */
export function areaChart(areas: readonly AreaBar[]): EChartsOption {
  return {
    title: { text: "下辖区域上报数与结案率", left: "center", textStyle: { fontSize: 13 } },
    legend: { data: ["上报数", "结案率"], bottom: 0 },
    grid: { left: 44, right: 44, top: 36, bottom: 72 },
    xAxis: {
      type: "category",
      data: areas.map((a) => a.name),
      axisLabel: { interval: 0, rotate: areas.length > 6 ? 40 : 0, fontSize: 9 },
    },
    yAxis: [
      { type: "value", minInterval: 1 },
      { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    ],
    series: [
      { name: "上报数", type: "bar", data: areas.map((a) => a.reported), barMaxWidth: 28 },
      {
        name: "结案率",
        type: "line",
        yAxisIndex: 1,
        data: areas.map((a) => (a.closureRate === null ? null : Math.round(a.closureRate * 1000) / 10)),
      },
    ],
  };
}
