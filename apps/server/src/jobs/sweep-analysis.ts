// The analysis sweep (共性问题 / 分析研判): recount the recent days (all days once a day), detect
// hotspots and trend anomalies, store them as alerts, and tell the live screens about new ones.
// Idempotent (docs/analysis.md): a second run on the same data changes nothing but figures to the
// same values. Runs hourly from the sweeper; a run takes about a second on the demo's year.

import { loadCategoryTree } from "../analysis/categories.ts";
import { recountAnalysis } from "../analysis/counts.ts";
import { detectHotspotSignals, detectTrendSignals } from "../analysis/detect.ts";
import { storeSignals } from "../analysis/store-alerts.ts";
import type { Services } from "../services.ts";

export const ANALYSIS_EVERY_MS = 3_600_000;

export interface AlertRaised {
  id: string;
  kind: "hotspot" | "trend";
  level: string;
  code: string;
  categoryCode: string;
  observed: number;
  expected: number;
  cityCode: string;
  districtCode: string | null;
  townshipCode: string | null;
  communityCode: string | null;
  gridCode: string | null;
}

export interface AnalysisSweepResult {
  full: boolean;
  countRows: number;
  hotspots: number;
  trends: number;
  raised: number;
  updated: number;
  resumed: number;
  ended: number;
  ms: number;
}

export async function sweepAnalysis({
  services,
  full,
}: {
  services: Services;
  /** recount every day (default: when the last full recount is a day old) */
  full?: boolean;
}): Promise<AnalysisSweepResult> {
  const started = performance.now();
  const { db, places, clock } = services;
  const now = clock.now();
  const counted = await recountAnalysis(db, now, { full });
  const categories = await loadCategoryTree(db);
  const ctx = { db, places, categories, now, countsFrom: counted.countsFrom };
  const [hotspots, trends] = await Promise.all([detectHotspotSignals(ctx), detectTrendSignals(ctx)]);
  const stored = await storeSignals(db, [...hotspots, ...trends], now);
  await db.updateTable("analysis_state").set({ swept_at: now }).execute();
  for (const a of stored.raised) {
    const event: AlertRaised = {
      id: a.id,
      kind: a.kind,
      level: a.level,
      code: a.code,
      categoryCode: a.category_code,
      observed: a.observed,
      expected: a.expected,
      cityCode: a.city_code,
      districtCode: a.district_code,
      townshipCode: a.township_code,
      communityCode: a.community_code,
      gridCode: a.grid_code,
    };
    services.events.emit("alert", event);
  }
  return {
    full: counted.full,
    countRows: counted.rows,
    hotspots: hotspots.length,
    trends: trends.length,
    raised: stored.raised.length,
    updated: stored.updated,
    resumed: stored.resumed,
    ended: stored.ended,
    ms: Math.round(performance.now() - started),
  };
}
