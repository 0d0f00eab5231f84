import { WorkCalendar } from "@civicgrid/domain";
import type { Db } from "../db/connect.ts";

/** The working-day calendar from the editable calendar_days table. */
export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  const rows = await db.selectFrom("calendar_days").select(["day", "kind"]).execute();
  return new WorkCalendar({
    holidays: rows.filter((r) => r.kind === "holiday").map((r) => r.day),
    workdays: rows.filter((r) => r.kind === "workday").map((r) => r.day),
  });
}
