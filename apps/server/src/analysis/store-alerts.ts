// Signals → alerts, idempotently: one live alert per key. A signal seen again updates its alert; a
// signal back within its window after it ended takes up the same alert again (a dismissal stands);
// a new one is raised; a live alert whose signal is gone ends. Running the same sweep twice changes
// figures to the same values and raises nothing. One transaction under an advisory lock, so two
// servers' sweeps take turns.
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { AnalysisAlertRow } from "../db/schema.ts";
import type { Signal } from "./detect.ts";

export interface StoreResult {
  /** alerts raised by this sweep (new keys, or keys back after their grace) */
  raised: AnalysisAlertRow[];
  updated: number;
  resumed: number;
  ended: number;
}

function figures(s: Signal) {
  return {
    level: s.level,
    code: s.code,
    category_code: s.categoryCode,
    category_level: s.categoryLevel,
    city_code: s.chain.city,
    district_code: s.chain.district,
    township_code: s.chain.township,
    community_code: s.chain.community,
    grid_code: s.chain.grid,
    window_days: s.windowDays,
    window_from: s.windowFrom,
    window_to: s.windowTo,
    observed: s.observed,
    expected: s.expected,
    ratio: s.ratio,
    p_value: s.pValue,
    q_value: s.qValue,
    score: s.score,
    method: s.method,
    detail: JSON.stringify(s.detail),
  };
}

export async function storeSignals(db: Db, signals: readonly Signal[], now: Date): Promise<StoreResult> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('civicgrid.analysis.alerts'))`.execute(trx);
    const result: StoreResult = { raised: [], updated: 0, resumed: 0, ended: 0 };
    const live = await trx.selectFrom("analysis_alerts").select(["id", "key"]).where("active", "=", true).execute();
    const liveByKey = new Map(live.map((a) => [a.key, a.id]));
    const seen = new Set<string>();
    const fresh = signals.filter((s) => {
      if (seen.has(s.key)) return false; // one signal per key (the detector already keeps one)
      seen.add(s.key);
      return true;
    });
    // alerts of the other keys that ended recently enough to be taken up again
    const others = fresh.filter((s) => !liveByKey.has(s.key)).map((s) => s.key);
    const ended = others.length
      ? await trx
          .selectFrom("analysis_alerts")
          .select(["id", "key", "ended_at", "window_days"])
          .where("key", "in", others)
          .where("active", "=", false)
          .orderBy("ended_at", "desc")
          .execute()
      : [];
    const latestEnded = new Map<string, (typeof ended)[number]>();
    for (const e of ended) if (!latestEnded.has(e.key)) latestEnded.set(e.key, e);

    for (const s of fresh) {
      const id = liveByKey.get(s.key);
      if (id) {
        await trx
          .updateTable("analysis_alerts")
          .set({
            ...figures(s),
            peak_score: sql`greatest(peak_score, ${s.score}::float8)`,
            last_seen_at: now,
            version: sql`version + 1`,
          })
          .where("id", "=", id)
          .execute();
        result.updated++;
        continue;
      }
      const before = latestEnded.get(s.key);
      const grace = before?.ended_at
        ? now.getTime() - before.ended_at.getTime() <= before.window_days * 86_400_000
        : false;
      if (before && grace) {
        await trx
          .updateTable("analysis_alerts")
          .set({
            ...figures(s),
            peak_score: sql`greatest(peak_score, ${s.score}::float8)`,
            active: true,
            ended_at: null,
            last_seen_at: now,
            version: sql`version + 1`,
          })
          .where("id", "=", before.id)
          .execute();
        result.resumed++;
        continue;
      }
      const row = await trx
        .insertInto("analysis_alerts")
        .values({ key: s.key, kind: s.kind, ...figures(s), peak_score: s.score, first_seen_at: now, last_seen_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      result.raised.push(row);
    }
    const gone = live.filter((a) => !seen.has(a.key)).map((a) => a.id);
    if (gone.length) {
      const r = await trx
        .updateTable("analysis_alerts")
        .set({ active: false, ended_at: now, version: sql`version + 1` })
        .where("id", "in", gone)
        .executeTakeFirst();
      result.ended = Number(r.numUpdatedRows);
    }
    return result;
  });
}
