// The public shape of an alert (共性问题 / 趋势异常): where, what, the figures that raised it in
// words a reader can check (observed against expected over a window), its status and its task.
import type { CategoryTree } from "../analysis/categories.ts";
import { type AlertLevel, placeChain, placeName } from "../analysis/place-chain.ts";
import type { AnalysisAlertRow } from "../db/schema.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import { gridsOfCommunity } from "../stats/screen-scope.ts";
import type { getAnalysisAlert } from "../use-cases/get-analysis-alert.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const r3 = (v: number) => Math.round(v * 1000) / 1000;
const round = (v: number | null) => (v === null ? null : r3(v));

/** A point for the map: the centre of the grid's or the community's outline box (trends: none). */
export function alertLocation(
  places: PlaceDirectory,
  level: string,
  code: string,
): { lat: number; lng: number } | null {
  const grids = level === "grid" ? [code] : level === "community" ? gridsOfCommunity(places, code) : [];
  const box = grids.length ? places.gridBounds(grids) : null;
  return box ? { lat: (box.minY + box.maxY) / 2, lng: (box.minX + box.maxX) / 2 } : null;
}

export function presentAlert(row: AnalysisAlertRow, places: PlaceDirectory, categories: CategoryTree) {
  const chain = placeChain(places, row.level as AlertLevel, row.code);
  return {
    id: row.id,
    kind: row.kind,
    level: row.level,
    code: row.code,
    placeName: chain ? placeName(places, chain) : row.code,
    communityCode: row.community_code,
    districtCode: row.district_code,
    location: alertLocation(places, row.level, row.code),
    category: {
      code: row.category_code,
      name: categories.name(row.category_code) ?? row.category_code,
      level: row.category_level,
      classCode: categories.classOf(row.category_code) || null,
    },
    window: { days: row.window_days, from: row.window_from, to: row.window_to },
    observed: row.observed,
    expected: r3(row.expected),
    ratio: round(row.ratio),
    pValue: row.p_value,
    qValue: row.q_value,
    score: r3(row.score),
    peakScore: r3(row.peak_score),
    method: row.method,
    status: row.status,
    active: row.active,
    firstSeenAt: row.first_seen_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    endedAt: iso(row.ended_at),
    statusChangedAt: iso(row.status_changed_at),
    statusNote: row.status_note,
    taskCaseId: row.task_case_id,
    version: row.version,
  };
}

export function presentAlertDetail(detail: Awaited<ReturnType<typeof getAnalysisAlert>>, places: PlaceDirectory) {
  const { alert, categories } = detail;
  const d = alert.detail ?? {};
  const num = (k: string) => (typeof d[k] === "number" ? (d[k] as number) : null);
  return {
    ...presentAlert(alert, places, categories),
    explanation: {
      baselineWeeks: Array.isArray(d.baselineWeeks) ? (d.baselineWeeks as number[]).slice(0, 20) : null,
      upper: round(num("upper")),
      z: round(num("z")),
      baselineCount: num("baselineCount"),
      baselineDays: num("baselineDays"),
      expectedFromCity: round(num("expectedFromCity")),
      expectedFromOwnPast: round(num("expectedFromOwnPast")),
    },
    series: detail.series,
    caseCount: detail.caseCount,
    points: detail.points.map((p) => ({ id: p.id, code: p.code, lat: p.lat, lng: p.lng, status: p.status })),
    task: detail.task
      ? {
          id: detail.task.id,
          code: detail.task.code,
          title: detail.task.title,
          status: detail.task.status,
          ownerUnit: detail.task.owner_unit_code
            ? {
                code: detail.task.owner_unit_code,
                name: places.unit(detail.task.owner_unit_code)?.name ?? detail.task.owner_unit_code,
              }
            : null,
        }
      : null,
  };
}
