// An alert in words, in the user's language: what was seen, what is usual, how unlikely by chance.
import type { MessageKey, useI18n } from "../../i18n/index.tsx";
import type { Alert, AlertDetail } from "./types.ts";

type T = ReturnType<typeof useI18n>["t"];

export const STATUS_COLOR: Record<string, string> = {
  open: "red",
  acknowledged: "gold",
  tasked: "blue",
  dismissed: "default",
};

/** A figure with one decimal (the expectation, the ratio). */
export const one = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toFixed(1));

/** "1/3,000,000" style odds for a p-value (below one in a billion: "< 1e-9"). */
export function oddsText(p: number): string {
  if (!(p > 0)) return "< 1e-12";
  if (p < 1e-9) return p.toExponential(0);
  if (p >= 0.01) return p.toFixed(2);
  return `1/${Math.round(1 / p).toLocaleString("en-US")}`;
}

export function windowText(a: Pick<Alert, "kind" | "window">, t: T): string {
  return a.kind === "trend" ? t("anLastWeek") : t("anWindowDays", { days: a.window.days });
}

export function explainAlert(a: Alert | AlertDetail, t: T): string {
  const method = t(`anMethod_${a.method}` as MessageKey);
  const vars = {
    place: a.placeName,
    category: a.category.name,
    observed: a.observed,
    expected: one(a.expected),
    ratio: one(a.ratio),
    window: windowText(a, t),
    method,
    p: oddsText(a.pValue),
    upper: one("explanation" in a ? a.explanation.upper : null),
  };
  return a.kind === "trend" ? t("anExplainTrend", vars) : t("anExplainHotspot", vars);
}
