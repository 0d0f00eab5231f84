// Shapes of the case helpers: dispatch and assign pickers, and map markers.
import type { DivisionLevel } from "@civicgrid/shared";
import type { CaseRow } from "../db/schema.ts";
import type { Unit } from "../places/directory.ts";
import { isOverdue } from "./case.ts";

const GROUP_LABELS: Record<DivisionLevel, { zh: string; en: string }> = {
  community: { zh: "社区(村)", en: "Community" },
  township: { zh: "街道(乡镇)", en: "Township" },
  district: { zh: "区(县)", en: "District" },
  city: { zh: "市级", en: "City" },
};

const FALLBACK_REASON = { zh: "按权责清单推荐", en: "Suggested by the responsibility list" };

export function presentDispatchOptions(options: {
  suggested: Unit | null;
  reason: { zh: string; en: string } | null;
  groups: { level: DivisionLevel; units: Unit[] }[];
}) {
  return {
    suggested: options.suggested
      ? { unitCode: options.suggested.code, name: options.suggested.name, reason: options.reason ?? FALLBACK_REASON }
      : null,
    groups: options.groups.map((g) => ({
      key: g.level,
      label: GROUP_LABELS[g.level],
      units: g.units.map((u) => ({ code: u.code, name: u.name, type: u.type, departmentKind: u.departmentKind })),
    })),
  };
}

export function presentAssignOptions(units: Unit[]) {
  return { units: units.map((u) => ({ code: u.code, name: u.name, type: u.type })) };
}

export function presentCaseMarker(
  row: Pick<CaseRow, "id" | "code" | "title" | "status" | "lat" | "lng" | "due_at" | "reported_at">,
  now: Date,
) {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status: row.status,
    lat: row.lat,
    lng: row.lng,
    overdue: isOverdue(row, now),
    reportedAt: row.reported_at.toISOString(),
  };
}
