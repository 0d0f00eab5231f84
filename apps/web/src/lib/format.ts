// Formatting helpers of the case screens: dates, places and the time left before a deadline.
import dayjs from "dayjs";
import type { MessageKey } from "../i18n/index.tsx";
import type { CaseSummary } from "./types.ts";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function fmtTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format("YYYY-MM-DD HH:mm") : "—";
}

/** District / township / community, skipping the parts that are unknown. */
export function placeText(c: Pick<CaseSummary, "districtName" | "townshipName" | "communityName">): string {
  return [c.districtName, c.townshipName, c.communityName].filter(Boolean).join(" / ") || "—";
}

/** "2天3小时" / "5小时12分" / "12分钟": the two largest units are enough to act on. */
export function durationText(ms: number, t: T): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t("durDaysHours", { d, h });
  if (h > 0) return t("durHoursMinutes", { h, m });
  return t("durMinutes", { m });
}

// the statuses on which the handling deadline runs (the server's OPEN_FOR_SLA)
const SLA_OPEN = new Set(["reported", "registered", "dispatched", "accepted", "returned"]);

export type TimeLevel = "ok" | "warn" | "overdue" | "none";

export interface TimeLeft {
  level: TimeLevel;
  text: string;
}

/** Time left on a case: green, amber once past warnAt, red once past dueAt; none when not running. */
export function timeLeft(c: Pick<CaseSummary, "status" | "deadlines">, now: number, t: T): TimeLeft {
  const due = c.deadlines.dueAt ? Date.parse(c.deadlines.dueAt) : Number.NaN;
  if (!SLA_OPEN.has(c.status) || Number.isNaN(due)) return { level: "none", text: "—" };
  if (now >= due) return { level: "overdue", text: t("timeOverdueBy", { d: durationText(now - due, t) }) };
  const warn = c.deadlines.warnAt ? Date.parse(c.deadlines.warnAt) : Number.NaN;
  const level: TimeLevel = !Number.isNaN(warn) && now >= warn ? "warn" : "ok";
  return { level, text: t("timeRemaining", { d: durationText(due - now, t) }) };
}

export const TIME_CLASS: Record<TimeLevel, string> = {
  ok: "cg-time-ok",
  warn: "cg-time-warn",
  overdue: "cg-time-overdue",
  none: "",
};
