// The handlers' ranking (处置人员): the staff who wrote feedback (处置反馈) on cases of the viewer's
// area, by the day of the feedback. Each feedback counts once: on time when given before the case's
// deadline as it stood then, reworked when the next verification failed, its handling time in working
// days from the dispatch before it; the ratings are those of the cases they fed back on.
import { emptyCounts, type IndicatorCounts, type WorkCalendar } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { scopeCondition, scopeOf } from "../access/case-scope.ts";
import { handlingWorkDays } from "../cases/apply-patch.ts";
import type { Db } from "../db/connect.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import { endOf, type Periods, spanOf, startOf } from "./period.ts";
import { type Extras, type FigureKey, type Ranking, rank } from "./ranking.ts";

export interface HandlerRankingOptions {
  db: Db;
  places: PlaceDirectory;
  calendar: WorkCalendar;
  actor: Actor;
  periods: Periods;
  sort: FigureKey;
  order?: "asc" | "desc";
}

interface FeedbackRow {
  user_id: string;
  case_id: string;
  at: Date;
  due_at: Date | null;
  dispatched_at: Date | null;
  verify_to: string | null;
  rating: string | null;
  solved: boolean | null;
  status: string;
}

interface Tally {
  counts: IndicatorCounts;
  feedbacks: number;
  cases: Set<string>;
}

export async function rankHandlers(o: HandlerRankingOptions): Promise<Ranking> {
  const span = spanOf(o.periods);
  const currentStart = startOf(o.periods.current.from);
  const rows = await o.db
    .selectFrom("case_events as e")
    .innerJoin("cases", "cases.id", "e.case_id")
    .where("e.action", "=", "feedback")
    .where("e.actor_user_id", "is not", null)
    .where("e.at", ">=", startOf(span.from))
    .where("e.at", "<", endOf(span.to))
    .where(scopeCondition(scopeOf(o.actor)))
    .select([
      "e.actor_user_id as user_id",
      "e.case_id",
      "e.at",
      "cases.rating",
      "cases.solved",
      "cases.status",
      // the deadline the feedback was measured against is the one the event recorded
      sql<Date | null>`coalesce((e.data->'after'->>'dueAt')::timestamptz, cases.due_at)`.as("due_at"),
      sql<Date | null>`(select d.at from case_events d where d.case_id = e.case_id and d.seq < e.seq
        and d.action = 'dispatch' order by d.seq desc limit 1)`.as("dispatched_at"),
      sql<string | null>`(select v.to_status from case_events v where v.case_id = e.case_id and v.seq > e.seq
        and v.action = 'verify' order by v.seq limit 1)`.as("verify_to"),
    ])
    .execute();
  const tallies = new Map<string, { current: Tally; previous: Tally }>();
  for (const r of rows as FeedbackRow[]) {
    let t = tallies.get(r.user_id);
    if (!t) {
      t = { current: emptyTally(), previous: emptyTally() };
      tallies.set(r.user_id, t);
    }
    add(r.at >= currentStart ? t.current : t.previous, r, o.calendar);
  }
  const ids = [...tallies.keys()];
  const users = ids.length
    ? await o.db.selectFrom("users").select(["id", "display_name", "unit_code"]).where("id", "in", ids).execute()
    : [];
  const inputs = users
    .sort((a, b) => a.display_name.localeCompare(b.display_name, "zh-CN") || a.id.localeCompare(b.id))
    .map((u) => {
      const t = tallies.get(u.id) as { current: Tally; previous: Tally };
      return {
        subject: {
          code: u.id,
          name: u.display_name,
          kind: "handler",
          context: o.places.unit(u.unit_code)?.name ?? null,
          hasChildren: false,
        },
        counts: { current: t.current.counts, previous: t.previous.counts },
        extras: { current: extrasOf(t.current), previous: extrasOf(t.previous) },
      };
    });
  return rank(inputs, o.periods, o.sort, o.order);
}

function emptyTally(): Tally {
  return { counts: emptyCounts(), feedbacks: 0, cases: new Set() };
}

function extrasOf(t: Tally): Extras {
  return { feedbacks: t.feedbacks, cases: t.cases.size };
}

function add(t: Tally, r: FeedbackRow, calendar: WorkCalendar) {
  const c = t.counts;
  t.feedbacks++;
  c.handled++;
  c.dueToHandle++;
  if (r.due_at === null || r.at <= r.due_at) c.handledOnTime++;
  if (r.verify_to === "accepted") c.reworked++;
  const days = handlingWorkDays(calendar, r.dispatched_at, r.at);
  if (days !== null) {
    c.handlingDaysSum += days;
    c.handlingDaysN++;
  }
  // the outcome of each case counts once per handler and period
  if (t.cases.has(r.case_id)) return;
  t.cases.add(r.case_id);
  if (r.status === "closed" || r.status === "evaluated") c.closed++;
  if (r.rating) {
    c.evaluated++;
    if (r.rating === "satisfied") c.satisfied++;
    if (r.rating === "basically") c.basically++;
    if (r.rating === "unsatisfied") c.unsatisfied++;
    if (r.solved) c.solved++;
  }
}
