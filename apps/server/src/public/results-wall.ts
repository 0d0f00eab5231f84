// Which cases are on the public results wall (结果公开): closed or evaluated with a handling result.
// One condition, used by the list and by the photo route so a photo is public exactly when its case is.
import type { ExpressionBuilder } from "kysely";
import type { Database } from "../db/schema.ts";

export const WALL_STATUSES = ["closed", "evaluated"] as const;

export function onTheWall(eb: ExpressionBuilder<Database, "cases">) {
  return eb.and([eb("cases.status", "in", WALL_STATUSES), eb("cases.result_note", "is not", null)]);
}
