import type { ResponsibilityEntry } from "@civicgrid/domain";
import type { DivisionLevel, HandlerKind } from "@civicgrid/shared";
import type { Db } from "../db/connect.ts";

export async function findResponsibility(db: Db, categoryCode: string): Promise<ResponsibilityEntry | null> {
  const row = await db
    .selectFrom("responsibility_entries")
    .selectAll()
    .where("category_code", "=", categoryCode)
    .executeTakeFirst();
  if (!row) return null;
  return {
    categoryCode: row.category_code,
    handlerKind: row.handler_kind as HandlerKind,
    level: row.level as DivisionLevel,
    limitDays: Number(row.limit_days),
    territorial: row.territorial,
  };
}
