// Replaces one year's holidays and adjusted working days, as announced each year by the State
// Council, and reloads the calendar every deadline is computed with.
import { WorkCalendar } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { loadCalendar } from "../lib/calendar.ts";
import type { Services } from "../services.ts";

export interface ReplaceCalendarYearOptions {
  services: Services;
  actor: Actor;
  year: number;
  holidays: string[];
  workdays: string[];
  ip?: string | null;
}

export async function replaceCalendarYear({
  services,
  actor,
  year,
  holidays,
  workdays,
  ip,
}: ReplaceCalendarYearOptions) {
  requirePermission(actor, "config:write");
  const outside = [...holidays, ...workdays].filter((d) => !d.startsWith(`${year}-`));
  if (outside.length)
    throw new AppError("VALIDATION_FAILED", { field: "days", problem: `not in ${year}`, days: outside });
  try {
    // the calendar's own checks: real dates, no day both holiday and workday, workdays on weekends
    new WorkCalendar({ holidays, workdays });
    const weekday = workdays.filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00+08:00`).getUTCDay()));
    if (weekday.length) throw new RangeError(`adjusted working days must be weekend days: ${weekday.join(", ")}`);
  } catch (err) {
    if (err instanceof RangeError) throw new AppError("VALIDATION_FAILED", { field: "days", problem: err.message });
    throw err;
  }
  await services.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("calendar_days")
      .where("day", ">=", `${year}-01-01`)
      .where("day", "<=", `${year}-12-31`)
      .execute();
    const rows = [
      ...[...new Set(holidays)].map((day) => ({ day, kind: "holiday" as const, note: null })),
      ...[...new Set(workdays)].map((day) => ({ day, kind: "workday" as const, note: "调休上班" })),
    ];
    if (rows.length) await trx.insertInto("calendar_days").values(rows).execute();
  });
  services.calendar = await loadCalendar(services.db);
  const result = { year, holidays: [...new Set(holidays)].sort(), workdays: [...new Set(workdays)].sort() };
  await recordAudit(services, {
    actor,
    action: "config.calendar",
    objectType: "calendar",
    objectId: String(year),
    outcome: "success",
    ip,
    detail: { holidays: result.holidays, workdays: result.workdays },
  });
  return result;
}
