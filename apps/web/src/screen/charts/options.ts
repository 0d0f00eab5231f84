// The screen's chart options, built from the API's figures. Colours match the dark stage; long names
// are cut on the axis and shown whole in the tooltip.
import type { useI18n } from "../../i18n/index.tsx";
import type { Charts, RankingRow } from "../types.ts";
import type { ChartOption } from "./EChart.tsx";

type T = ReturnType<typeof useI18n>["t"];

const AXIS = { color: "#8fb4e0", fontSize: 13 };
const SPLIT = { lineStyle: { color: "rgba(64,158,255,0.12)" } };
const BASE = {
  backgroundColor: "transparent",
  textStyle: { fontFamily: "inherit" },
  tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, confine: true },
  animationDuration: 400,
} as const;

const cut = (s: string, n = 9) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function dailyOption(daily: Charts["daily"], t: T): ChartOption {
  return {
    ...BASE,
    tooltip: { ...BASE.tooltip, axisPointer: { type: "line" } },
    legend: { top: 0, right: 8, textStyle: { color: "#b7d2f5" }, itemWidth: 14, itemHeight: 8 },
    grid: { left: 44, right: 12, top: 30, bottom: 24 },
    xAxis: {
      type: "category",
      boundaryGap: false,
      data: daily.map((d) => d.day.slice(5)),
      axisLabel: AXIS,
      axisLine: { lineStyle: { color: "#2b4c7e" } },
    },
    yAxis: { type: "value", axisLabel: AXIS, splitLine: SPLIT, minInterval: 1 },
    series: [
      {
        name: t("scReported"),
        type: "line",
        smooth: 0.3,
        smoothMonotone: "x",
        symbol: "none",
        data: daily.map((d) => d.reported),
        lineStyle: { color: "#3fa9f5", width: 2 },
        itemStyle: { color: "#3fa9f5" },
        areaStyle: { color: "rgba(63,169,245,0.18)" },
      },
      {
        name: t("scClosed"),
        type: "line",
        smooth: 0.3,
        smoothMonotone: "x",
        symbol: "none",
        data: daily.map((d) => d.closed),
        lineStyle: { color: "#52c41a", width: 2 },
        itemStyle: { color: "#52c41a" },
      },
    ],
  };
}

function hbar(names: string[], values: number[], color: string, name: string): ChartOption {
  return {
    ...BASE,
    grid: { left: 8, right: 44, top: 6, bottom: 6, containLabel: true },
    xAxis: { type: "value", axisLabel: { show: false }, splitLine: SPLIT },
    yAxis: {
      type: "category",
      inverse: true,
      data: names,
      axisLabel: { ...AXIS, formatter: (v: string) => cut(v) },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#2b4c7e" } },
    },
    series: [
      {
        name,
        type: "bar",
        data: values,
        barMaxWidth: 14,
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: "right", color: "#d6e8ff", fontSize: 12 },
      },
    ],
  };
}

export function categoriesOption(categories: Charts["categories"], t: T): ChartOption {
  return hbar(
    categories.map((c) => c.name),
    categories.map((c) => c.count),
    "#36cfc9",
    t("scCount"),
  );
}

export function overdueOption(rows: Charts["overdueByUnit"], t: T): ChartOption {
  return hbar(
    rows.map((r) => r.unitName),
    rows.map((r) => r.count),
    "#ff7875",
    t("scOverdue"),
  );
}

const SOURCE_COLORS = ["#3fa9f5", "#36cfc9", "#faad14", "#9254de", "#ff7a45", "#73d13d", "#f759ab", "#597ef7"];

export function sourcesOption(sources: Charts["sources"], t: T): ChartOption {
  return {
    ...BASE,
    color: SOURCE_COLORS,
    tooltip: { trigger: "item", confine: true, formatter: "{b}: {c} ({d}%)" },
    legend: {
      orient: "vertical",
      right: 4,
      top: "middle",
      textStyle: { color: "#b7d2f5", fontSize: 13 },
      itemWidth: 10,
      itemHeight: 10,
    },
    series: [
      {
        type: "pie",
        radius: ["42%", "70%"],
        center: ["32%", "52%"],
        label: { show: false },
        itemStyle: { borderColor: "#07162e", borderWidth: 2 },
        data: sources.map((s) => ({ name: t(`source_${s.source}` as Parameters<T>[0]), value: s.count })),
      },
    ],
  };
}

/** The children of the level shown, by cases reported; a click on a bar drills into that child. */
export function rankingOption(rows: RankingRow[], t: T): ChartOption {
  return {
    ...BASE,
    legend: { top: 0, right: 8, textStyle: { color: "#b7d2f5" }, itemWidth: 14, itemHeight: 8 },
    grid: { left: 8, right: 36, top: 26, bottom: 4, containLabel: true },
    xAxis: { type: "value", axisLabel: { show: false }, splitLine: SPLIT },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { ...AXIS, formatter: (v: string) => cut(v) },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: "#2b4c7e" } },
      triggerEvent: true,
    },
    series: [
      {
        name: t("scReported"),
        type: "bar",
        data: rows.map((r) => r.reported),
        barMaxWidth: 10,
        itemStyle: { color: "#3fa9f5" },
        label: { show: true, position: "right", color: "#d6e8ff", fontSize: 11 },
        cursor: "pointer",
      },
      {
        name: t("scOverdue"),
        type: "bar",
        data: rows.map((r) => r.overdue),
        barMaxWidth: 10,
        itemStyle: { color: "#ff7875" },
        cursor: "pointer",
      },
    ],
  };
}
