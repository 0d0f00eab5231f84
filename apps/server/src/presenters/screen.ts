// The big screen's public shapes. The screen hangs in a hall: people appear by a masked name (陈*),
// cases by code, category and place only.
import { maskName } from "../pii/mask.ts";
import type { getScreenCharts } from "../use-cases/get-screen-charts.ts";
import type { getScreenSummary } from "../use-cases/get-screen-summary.ts";
import type { listScreenPoints } from "../use-cases/list-screen-points.ts";
import type { listScreenWorkers } from "../use-cases/list-screen-workers.ts";
import { isOverdue } from "./case.ts";

type Summary = Awaited<ReturnType<typeof getScreenSummary>>;
type Charts = Awaited<ReturnType<typeof getScreenCharts>>;
type Workers = Awaited<ReturnType<typeof listScreenWorkers>>;
type Points = Awaited<ReturnType<typeof listScreenPoints>>;

/** 裕华社区网格员 陈静 → 陈*: the person's name (after the post, when there is one), masked. */
export function maskPersonName(displayName: string): string {
  const text = displayName.trim();
  return maskName(text.slice(text.lastIndexOf(" ") + 1));
}

function presentScope(scope: Summary["scope"]) {
  return {
    level: scope.level,
    code: scope.code,
    name: scope.name,
    breadcrumb: scope.breadcrumb,
    children: scope.children,
  };
}

export function presentScreenSummary(s: Summary) {
  const auto = s.autoDispatch;
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);
  return {
    scope: presentScope(s.scope),
    kpis: s.kpis,
    period: s.period,
    autoDispatch: { ...auto, share: round(auto.share), precision: round(auto.precision) },
    asOf: s.asOf.toISOString(),
  };
}

export function presentScreenCharts(c: Charts) {
  const { scope, asOf, ...rest } = c;
  return { scope: presentScope(scope), ...rest, asOf: asOf.toISOString() };
}

export function presentScreenWorkers(w: Workers) {
  return {
    items: w.items.map(({ displayName, ...rest }) => ({ ...rest, name: maskPersonName(displayName) })),
  };
}

export function presentScreenPoints(p: Points) {
  return {
    items: p.rows.map((r) => ({
      id: r.id,
      code: r.code,
      lat: r.lat,
      lng: r.lng,
      status: r.status,
      // the case list's flag: open and past its deadline (the sweep marks it within minutes)
      overdue: isOverdue(r, p.asOf),
      categoryName: r.category_name,
      reportedAt: r.reported_at.toISOString(),
    })),
    total: p.total,
    truncated: p.truncated,
  };
}
