// How a figure and its change read in the ranking table.
import { LOWER_IS_BETTER_FIGURES } from "@civicgrid/shared";
import { type FigureKey, kindOf } from "./types.ts";

export function figureText(key: FigureKey, v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  switch (kindOf(key)) {
    case "rate":
      return `${(v * 100).toFixed(1)}%`;
    case "days":
    case "ratio":
      return v.toFixed(2);
    case "count":
      return String(Math.round(v));
  }
}

export interface ChangeView {
  text: string;
  /** good news, bad news, or just more or less */
  tone: "good" | "bad" | "neutral";
}

/** "▲2.1" (points for rates), "▼12.5%" (counts), "▲0.40" (days); null when there is nothing to compare. */
export function changeView(key: FigureKey, v: number | null | undefined): ChangeView | null {
  if (v === null || v === undefined) return null;
  const kind = kindOf(key);
  const digits = kind === "days" || kind === "ratio" ? 2 : 1;
  if (Math.abs(v) < 10 ** -digits / 2) return { text: "—", tone: "neutral" };
  const text = `${v > 0 ? "▲" : "▼"}${Math.abs(v).toFixed(digits)}${kind === "count" ? "%" : ""}`;
  if (kind === "count" && !LOWER_IS_BETTER_FIGURES.includes(key)) return { text, tone: "neutral" };
  const better = LOWER_IS_BETTER_FIGURES.includes(key) ? v < 0 : v > 0;
  return { text, tone: better ? "good" : "bad" };
}
