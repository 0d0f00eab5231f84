// Turns the domain's jurisdiction rule into SQL: every case query goes through scopeCases, so a case
// outside the caller's jurisdiction is indistinguishable from one that does not exist.
import { type CaseScope, caseScopeFor } from "@civicgrid/domain";
import type { DivisionLevel } from "@civicgrid/shared";
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "./actor.ts";

const COLUMN: Record<DivisionLevel, "city_code" | "district_code" | "township_code" | "community_code"> = {
  city: "city_code",
  district: "district_code",
  township: "township_code",
  community: "community_code",
};

export function scopeOf(actor: Actor): CaseScope {
  return caseScopeFor(actor.roles, actor.unit);
}

export function divisionColumn(level: DivisionLevel) {
  return COLUMN[level];
}

/** The WHERE condition on `cases` for a scope. */
export function scopeCondition(scope: CaseScope) {
  return (eb: ExpressionBuilder<Database, "cases">) => {
    switch (scope.kind) {
      case "none":
        return eb.val(false);
      case "unit":
        return eb(sql<string[]>`cases.involved_unit_codes`, "@>", sql<string[]>`array[${scope.unitCode}]::text[]`);
      case "division":
        return eb(`cases.${COLUMN[scope.level]}`, "=", scope.code);
    }
  };
}

export function scopeCases<O>(qb: SelectQueryBuilder<Database, "cases", O>, actor: Actor) {
  return qb.where(scopeCondition(scopeOf(actor)));
}
