import { caseScopeFor } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import { presentUnit } from "./unit.ts";

export function presentMe(actor: Actor, places: PlaceDirectory) {
  const scope = caseScopeFor(actor.roles, actor.unit);
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    unitCode: actor.unit.code,
    unit: presentUnit(actor.unit, places),
    jurisdiction:
      scope.kind === "division"
        ? { kind: "division", level: scope.level, code: scope.code, name: places.division(scope.code)?.name ?? null }
        : scope.kind === "unit"
          ? { kind: "unit", unitCode: scope.unitCode, name: actor.unit.name }
          : { kind: "none" },
  };
}
