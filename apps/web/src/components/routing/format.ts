// Formatting of the models page: shares as per cent, and a unit model's seat ("district:water") in words.
import type { MessageKey, useI18n } from "../../i18n/index.tsx";

type T = ReturnType<typeof useI18n>["t"];

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
