// The units the caller may dispatch a case to (派遣), grouped by the level they are seated at, with
// the routing's suggestion first. The same rule as the dispatch step itself (cases/unit-options.ts),
// so every offered unit is accepted and no accepted unit is missing.
import type { DivisionLevel } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { placeOf } from "../cases/facts.ts";
import { dispatchTargets } from "../cases/unit-options.ts";
import { AppError } from "../errors.ts";
import type { Unit } from "../places/directory.ts";
import type { Services } from "../services.ts";

export interface GetDispatchOptionsOptions {
  services: Services;
  actor: Actor;
  caseId: string;
}

/** Nearest first: the community station, the township, the district, the city's departments. */
export const DISPATCH_GROUP_ORDER: readonly DivisionLevel[] = ["community", "township", "district", "city"];

export async function getDispatchOptions({ services, actor, caseId }: GetDispatchOptionsOptions) {
  const { db, places } = services;
  const row = await scopeCases(db.selectFrom("cases").selectAll(), actor).where("id", "=", caseId).executeTakeFirst();
  if (!row) throw new AppError("CASE_NOT_FOUND");
  const targets = dispatchTargets(places, actor.unit, placeOf(row));
  const groups = DISPATCH_GROUP_ORDER.map((level) => ({
    level,
    units: targets.filter((u) => u.level === level).sort(byKindThenCode),
  })).filter((g) => g.units.length > 0);
  const suggested = targets.find((u) => u.code === row.suggested_unit_code) ?? null;
  return { suggested, reason: suggested ? row.routing_reason : null, groups };
}

/** The centre or station of a level before its departments; departments in code order. */
function byKindThenCode(a: Unit, b: Unit): number {
  const rank = (u: Unit) => (u.type === "department" ? 1 : 0);
  return rank(a) - rank(b) || a.code.localeCompare(b.code);
}
