// A new unit (a department at a district, a centre for a new division…). Its code follows the seed's
// pattern, its level is its division's; the directory is reloaded so routing, dispatch options and
// GET /units see it at once.
import { type CreatableUnitType, unitCodeFor, unitPlacementProblem } from "@civicgrid/domain";
import type { DepartmentKind } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import type { Unit } from "../places/directory.ts";
import { reloadPlaces } from "../places/reload-places.ts";
import type { Services } from "../services.ts";

export interface CreateUnitInput {
  name: string;
  nameEn?: string;
  type: CreatableUnitType;
  divisionCode: string;
  departmentKind?: DepartmentKind;
}

export interface CreateUnitOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  input: CreateUnitInput;
}

export async function createUnit({ services, actor, ip, input }: CreateUnitOptions): Promise<Unit> {
  await requirePermissionAudited(services, actor, "admin:units", { action: "admin.unit.create", ip });
  const division = services.places.division(input.divisionCode);
  if (!division) {
    throw new AppError("VALIDATION_FAILED", { field: "divisionCode", problem: "unknown division" }, 422);
  }
  const kind = input.departmentKind ?? null;
  const problem = unitPlacementProblem(input.type, division.level, kind);
  if (problem) {
    throw new AppError(
      "VALIDATION_FAILED",
      { field: problem === "level" ? "type" : "departmentKind", problem, divisionLevel: division.level },
      422,
    );
  }
  const code = unitCodeFor(input.type, division.code, kind);
  const existing = services.places.unit(code);
  if (existing) throw new AppError("UNIT_EXISTS", { code, active: existing.active });
  try {
    await services.db
      .insertInto("units")
      .values({
        code,
        name: input.name.trim(),
        name_en: input.nameEn?.trim() || null,
        type: input.type,
        level: division.level,
        division_code: division.code,
        department_kind: kind,
      })
      .execute();
  } catch (err) {
    // a concurrent create of the same unit: the primary key or the one-per-seat indexes refuse it
    if ((err as { code?: string }).code === "23505") throw new AppError("UNIT_EXISTS", { code });
    throw err;
  }
  await reloadPlaces(services);
  await recordAudit(services, {
    actor,
    action: "admin.unit.create",
    objectType: "unit",
    objectId: code,
    outcome: "success",
    ip,
    detail: { name: input.name.trim(), type: input.type, divisionCode: division.code, departmentKind: kind },
  });
  const unit = services.places.unit(code);
  if (!unit) throw new Error(`unit ${code} missing from the reloaded directory`);
  return unit;
}
