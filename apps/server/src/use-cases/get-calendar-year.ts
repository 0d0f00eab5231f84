import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import type { Services } from "../services.ts";

/** The holidays and adjusted working days (调休) of one year. */
export async function getCalendarYear({ services, actor, year }: { services: Services; actor: Actor; year: number }) {
  requirePermission(actor, "config:read");
  const rows = await services.db
    .selectFrom("calendar_days")
    .select(["day", "kind", "note"])
    .where("day", ">=", `${year}-01-01`)
    .where("day", "<=", `${year}-12-31`)
    .orderBy("day")
    .execute();
  return {
    year,
    holidays: rows.filter((r) => r.kind === "holiday").map((r) => r.day),
    workdays: rows.filter((r) => r.kind === "workday").map((r) => r.day),
  };
}
