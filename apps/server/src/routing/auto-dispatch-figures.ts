// The two auto-dispatch figures of the big screen and the models page, over the cases reported in the
// last AUTO_FIGURES_DAYS days (CST) of a scope:
//   share     = auto-dispatched / dispatched (the rollup's "dispatched": reported then, dispatched since)
//   precision = right / (right + wrong) among the auto-dispatched, where
//     wrong = returned since (return_count > 0) or now owned by another unit (re-dispatched, escalated)
//     right = not wrong, and the unit has taken it on (accepted, handled, closed or evaluated)
//   the rest (dispatched, not yet taken on) is pending and counts in neither; null when none is judged.
import type { AutoDispatchFigures } from "@civicgrid/shared";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { addDays, cstDay } from "../stats/days.ts";
import { cohortCounts } from "../stats/rollup-queries.ts";
import type { ScreenLevel } from "../stats/screen-scope.ts";

export const AUTO_FIGURES_DAYS = 30;

export type { AutoDispatchFigures };

const COLUMN: Record<ScreenLevel, string> = {
  city: "city_code",
  district: "district_code",
  township: "township_code",
  community: "community_code",
  grid: "grid_code",
};

/** CST midnight starting a day, as an instant. */
const cstStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

export async function autoDispatchFigures(
  db: Db,
  scope: { level: ScreenLevel; code: string },
  now: Date,
): Promise<AutoDispatchFigures> {
  const today = cstDay(now);
  const from = addDays(today, -(AUTO_FIGURES_DAYS - 1));
  const since = cstStart(from);
  const column = sql.ref(`cases.${COLUMN[scope.level]}`);
  const wrong = sql`(cases.return_count > 0 or (cases.owner_unit_code is not null and cases.owner_unit_code <> cases.auto_dispatch_unit_code))`;
  const [cohort, counted] = await Promise.all([
    cohortCounts(db, { level: scope.level, codes: [scope.code], from, to: today }),
    sql<{ auto: number; wrong: number; right: number }>`
      select count(*)::int as auto,
             count(*) filter (where ${wrong})::int as wrong,
             count(*) filter (where not ${wrong} and cases.status in ('accepted', 'handled', 'closed', 'evaluated'))::int as right
      from cases
      where cases.auto_dispatched_at >= ${since} and cases.reported_at >= ${since} and ${column} = ${scope.code}`
      .execute(db)
      .then((r) => r.rows[0] ?? { auto: 0, wrong: 0, right: 0 }),
  ]);
  const dispatched = cohort.get(scope.code)?.dispatched ?? 0;
  const judged = counted.right + counted.wrong;
  return {
    days: AUTO_FIGURES_DAYS,
    from,
    dispatched,
    auto: counted.auto,
    share: dispatched > 0 ? Math.min(1, counted.auto / dispatched) : null,
    right: counted.right,
    wrong: counted.wrong,
    pending: counted.auto - judged,
    precision: judged > 0 ? counted.right / judged : null,
  };
}
