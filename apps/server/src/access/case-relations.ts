// The actor's relations to a case (coordinator, owner, on site, reporter) and the inbox buckets, as
// SQL conditions on `cases`. They mirror cases/facts.ts (the same relations computed for one row) and
// the domain's bucket rules; test/inbox.test.ts checks both agree on every case of several users.
// Always applied on top of the caller's case scope (case-scope.ts).
import { bucketRule, coordinatorReach, type InboxBucket, type Relation } from "@civicgrid/domain";
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "./actor.ts";
import { divisionColumn } from "./case-scope.ts";

type CasesEb = ExpressionBuilder<Database, "cases">;

export function relationCondition(actor: Actor, relation: Relation) {
  return (eb: CasesEb): Expression<SqlBool> => {
    const unit = actor.unit;
    switch (relation) {
      case "jurisdiction":
        return eb.lit(true);
      case "owner":
        return eb("cases.owner_unit_code", "=", unit.code);
      case "reporter":
        return eb("cases.reported_by", "=", actor.userId);
      case "territory":
        // isInTerritory: any unit but a department, on a case inside its division
        return unit.type === "department"
          ? eb.lit(false)
          : eb(`cases.${divisionColumn(unit.level)}`, "=", unit.divisionCode);
      case "coordinator": {
        const reach = coordinatorReach(unit);
        if (!reach) return eb.lit(false);
        const own = eb("cases.centre_unit_code", "=", reach.ownCentreCode);
        if (reach.lowerLevels.length === 0) return own;
        return eb.or([
          own,
          eb.and([
            eb(`cases.${divisionColumn(reach.area.level)}`, "=", reach.area.code),
            eb(
              "cases.centre_unit_code",
              "in",
              eb.selectFrom("units").select("units.code").where("units.level", "in", reach.lowerLevels),
            ),
          ]),
        ]);
      }
    }
  };
}

/** The cases in one of the actor's inbox buckets (scope not included). */
export function bucketCondition(actor: Actor, bucket: InboxBucket, now: Date) {
  return (eb: CasesEb): Expression<SqlBool> => {
    const rule = bucketRule(bucket, actor.roles);
    if (rule.relations.length === 0) return eb.lit(false);
    const conditions: Expression<SqlBool>[] = [eb("cases.status", "in", rule.statuses)];
    if (rule.watch === "overdue") conditions.push(eb("cases.due_at", "<=", now));
    if (rule.watch === "supervised") conditions.push(eb("cases.supervision_count", ">", 0));
    if (rule.withinDays !== null) {
      conditions.push(eb("cases.closed_at", ">=", new Date(now.getTime() - rule.withinDays * 86_400_000)));
    }
    conditions.push(eb.or(rule.relations.map((r) => relationCondition(actor, r)(eb))));
    return eb.and(conditions);
  };
}
