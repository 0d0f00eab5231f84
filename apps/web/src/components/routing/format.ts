// Formatting of the models page: shares as per cent, and a unit model's seat ("district:water") in words.
import type { MessageKey, useI18n } from "../../i18n/index.tsx";
import type { ModelVersion } from "./types.ts";

type T = ReturnType<typeof useI18n>["t"];

/** Why a version is (not) active, in the user's language (the stored note is a technical record). */
export function versionNote(t: T, v: ModelVersion): string {
  const parts: string[] = [];
  const c = v.comparison;
  if (c?.basis === "first") parts.push(t("rtCmpFirst"));
  else if (c) {
    const vars = {
      n: c.cases,
      cc: share(c.candidate.category),
      ca: share(c.active?.category),
      uc: share(c.candidate.unit),
      ua: share(c.active?.unit),
    };
    parts.push(t(c.basis === "fresh-held-out" ? "rtCmpFresh" : "rtCmpRecorded", vars));
    parts.push(t(c.notWorse ? "rtCmpNotWorse" : "rtCmpWorse"));
  }
  if (v.activatedBy) parts.push(t("rtActivatedBy", { name: v.activatedBy }));
  return parts.join(";") || "—";
}

export const share = (x: number | null | undefined, digits = 1) =>
  typeof x === "number" ? `${(x * 100).toFixed(digits)}%` : "—";

const CENTRE_KINDS = new Set(["community_station", "township_centre", "district_centre"]);

/** "district:water" → 区(县) · 水务; "community:community_station" → 社区(村)网格化工作站. */
export function seatText(t: T, seat: string): string {
  if (seat === "other") return t("rtSeatOther");
  const [level, kind] = seat.split(":");
  if (!kind) return seat;
  if (CENTRE_KINDS.has(kind)) return t(`admUnitType_${kind}` as MessageKey);
  return `${t(`admLevel_${level}` as MessageKey)} · ${t(`admDeptKind_${kind}` as MessageKey)}`;
}
