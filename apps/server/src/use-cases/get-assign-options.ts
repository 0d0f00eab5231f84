// The centres one level down a case may be handed to (下派): at most one, the centre of the case's
// division just below the caller's. Empty for roles that may never assign.
import { roleMayEver } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { placeOf } from "../cases/facts.ts";
import { assignTargets } from "../cases/unit-options.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export interface GetAssignOptionsOptions {
  services: Services;
  actor: Actor;
  caseId: string;
}

export async function getAssignOptions({ services, actor, caseId }: GetAssignOptionsOptions) {
  const { db, places } = services;
  const row = await scopeCases(db.selectFrom("cases").selectAll(), actor).where("id", "=", caseId).executeTakeFirst();
  if (!row) throw new AppError("CASE_NOT_FOUND");
  if (!roleMayEver("assign", actor.roles)) return [];
  return assignTargets(places, actor.unit, placeOf(row));
}
