// Edits one row of the responsibility list (权责清单). New cases route by it at once; cases already
// dispatched keep their owner and deadlines.
import type { DivisionLevel, HandlerKind } from "@civicgrid/shared";
import { DEPARTMENT_KINDS } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface UpdateResponsibilityOptions {
  services: Services;
  actor: Actor;
  categoryCode: string;
  entry: { handlerKind: HandlerKind; level: DivisionLevel; limitDays: number };
  ip?: string | null;
}

export async function updateResponsibility({ services, actor, categoryCode, entry, ip }: UpdateResponsibilityOptions) {
  requirePermission(actor, "config:write");
  const territorial = entry.handlerKind === "territorial";
  const levelOk = territorial
    ? entry.level === "community" || entry.level === "township"
    : (DEPARTMENT_KINDS as readonly string[]).includes(entry.handlerKind) &&
      (entry.level === "city" || entry.level === "district");
  if (!levelOk) {
    throw new AppError("VALIDATION_FAILED", {
      field: "level",
      problem: territorial
        ? "territorial items are handled at community or township level"
        : "departments sit at city or district level",
    });
  }
  const category = await services.db
    .selectFrom("categories")
    .select("code")
    .where("code", "=", categoryCode)
    .executeTakeFirst();
  if (!category) throw new AppError("UNKNOWN_CATEGORY", { categoryCode });
  const before = await services.db
    .selectFrom("responsibility_entries")
    .select(["handler_kind", "level", "limit_days"])
    .where("category_code", "=", categoryCode)
    .executeTakeFirst();
  const row = await services.db
    .insertInto("responsibility_entries")
    .values({
      category_code: categoryCode,
      handler_kind: entry.handlerKind,
      level: entry.level,
      limit_days: entry.limitDays,
      territorial,
      updated_at: services.clock.now(),
    })
    .onConflict((oc) =>
      oc.column("category_code").doUpdateSet({
        handler_kind: entry.handlerKind,
        level: entry.level,
        limit_days: entry.limitDays,
        territorial,
        updated_at: services.clock.now(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(services, {
    actor,
    action: "config.responsibility",
    objectType: "category",
    objectId: categoryCode,
    outcome: "success",
    ip,
    detail: {
      before: before
        ? { handlerKind: before.handler_kind, level: before.level, limitDays: Number(before.limit_days) }
        : null,
      after: entry,
    },
  });
  return row;
}
