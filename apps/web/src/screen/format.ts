// Figures as the big screen shows them: grouped thousands, rates as percentages with one decimal,
// and "—" for a rate whose denominator is zero (the API sends null, never NaN).
import type { ScopeLevel } from "./types.ts";

export function fmtCount(n: number | null | undefined, lang: "zh" | "en"): string {
  if (n === null || n === undefined) return "—";
  return n.toLocaleString(lang === "zh" ? "zh-CN" : "en-US");
}

export function fmtRate(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return "—";
  return `${(r * 100).toFixed(1)}%`;
}

export function fmtTime(iso: string, lang: "zh" | "en"): string {
  return new Date(iso).toLocaleTimeString(lang === "zh" ? "zh-CN" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
    timeZone: "Asia/Shanghai",
  });
}

/** The level of a division code (12 digits, NBS) or a grid code (14 digits). */
export function levelOf(code: string): ScopeLevel {
  if (code.length === 14) return "grid";
  if (code.endsWith("00000000")) return "city";
  if (code.endsWith("000000")) return "district";
  if (code.endsWith("000")) return "township";
  return "community";
}

export const DIVISION_OR_GRID = /^(?:\d{12}|\d{14})$/;
