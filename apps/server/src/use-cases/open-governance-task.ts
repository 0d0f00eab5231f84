// 治理任务: a case aimed at the root cause of an alert's reports — the alert's category at the
// centre of the cases behind it, routed by the responsibility list like any report, registered and
// dispatched to the unit the routing names — linked to the alert (tasked) and to the cases behind it.
// The case and the links are written in one transaction (createCase's `within`), so a task never
// exists without them, and of two people clicking at once only the first opens one.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { alertCases } from "../analysis/alert-cases.ts";
import { loadCategoryTree } from "../analysis/categories.ts";
import { type AlertLevel, placeChain, placeName } from "../analysis/place-chain.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { CaseRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { createCase } from "./create-case.ts";
import { findAlertInArea } from "./get-analysis-alert.ts";
import { performCaseAction } from "./perform-case-action.ts";

/** Cases linked to a task at most (the alert's cases list pages through all of them anyway). */
export const TASK_LINK_CAP = 500;
const CODES_IN_TEXT = 20;

export interface OpenGovernanceTaskOptions {
  services: Services;
  actor: Actor;
  id: string;
  /** what the centre adds for the handling unit */
  note?: string;
  ip?: string | null;
}

export interface GovernanceTaskResult {
  taskCase: CaseRow;
  /** dispatched to the routed unit; false when the routing named none or the dispatch was refused */
  dispatched: boolean;
  dispatchError: string | null;
}

export async function openGovernanceTask(o: OpenGovernanceTaskOptions): Promise<GovernanceTaskResult> {
  const { services, actor, id } = o;
  const alert = await findAlertInArea(services, actor, id);
  requirePermission(actor, "analysis:manage");
  if (alert.status === "tasked")
    throw new AppError("ANALYSIS_ALERT_STATE", { status: alert.status, taskCaseId: alert.task_case_id });
  const categories = await loadCategoryTree(services.db);
  const behind = await alertCases(services.db, actor, alert, categories)
    .select(["id", "code", "lat", "lng", "category_code", "grid_code"])
    .orderBy("reported_at", "desc")
    .limit(TASK_LINK_CAP)
    .execute();
  if (!behind.length) throw new AppError("ANALYSIS_NO_CASES", { id });

  // where: the centre of the cases if it lies in the alert's place, else the case nearest to it
  const lat = behind.reduce((s, c) => s + c.lat, 0) / behind.length;
  const lng = behind.reduce((s, c) => s + c.lng, 0) / behind.length;
  const located = services.places.locate(lat, lng);
  const inside = located && located[alert.level as keyof typeof located] === alert.code;
  const nearest = behind.reduce((best, c) =>
    (c.lat - lat) ** 2 + (c.lng - lng) ** 2 < (best.lat - lat) ** 2 + (best.lng - lng) ** 2 ? c : best,
  );
  const point = inside ? { lat, lng } : { lat: nearest.lat, lng: nearest.lng };

  // what: the alert's category, or for a class the category most of its cases have
  let categoryCode = alert.category_code;
  if (alert.category_level === "class") {
    const tally = new Map<string, number>();
    for (const c of behind) if (c.category_code) tally.set(c.category_code, (tally.get(c.category_code) ?? 0) + 1);
    categoryCode = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? categoryCode;
  }
  const chain = placeChain(services.places, alert.level as AlertLevel, alert.code);
  const where = chain ? placeName(services.places, chain) : alert.code;
  const what = categories.name(alert.category_code) ?? alert.category_code;
  const codes = behind.slice(0, CODES_IN_TEXT).map((c) => c.code);
  const description = [
    `分析研判发现:${where}近 ${alert.window_days} 天「${what}」问题 ${alert.observed} 件,` +
      `通常约 ${alert.expected.toFixed(1)} 件${alert.ratio ? `(${alert.ratio.toFixed(1)} 倍)` : ""}。` +
      "请查明并消除反复发生的根源,处置后反馈。",
    `涉及案件:${codes.join("、")}${behind.length > codes.length ? ` 等 ${behind.length} 件` : ""}。`,
    o.note?.trim() ? `中心意见:${o.note.trim()}` : "",
  ]
    .filter(Boolean)
    .join("\n");
  const title = `共性问题治理:${where.split(" / ").pop() ?? where}${what}`.slice(0, 60);

  const { row } = await createCase({
    services,
    actor,
    input: { title, description, lat: point.lat, lng: point.lng, categoryCode, source: "superior" },
    ip: o.ip,
    within: async (trx, created) => {
      const linked = await trx
        .updateTable("analysis_alerts")
        .set({
          status: "tasked",
          task_case_id: created.id,
          status_changed_at: created.reported_at,
          status_changed_by: actor.userId,
          status_note: o.note?.trim() || null,
          version: sql`version + 1`,
        })
        .where("id", "=", alert.id)
        .where("task_case_id", "is", null)
        .executeTakeFirst();
      if (Number(linked.numUpdatedRows) !== 1) throw new AppError("ANALYSIS_ALERT_STATE", { status: "tasked" });
      await trx
        .insertInto("analysis_alert_cases")
        .values(behind.map((c) => ({ alert_id: alert.id, case_id: c.id })))
        .execute();
      await recordAudit(
        services,
        {
          actor,
          action: "analysis.task",
          objectType: "analysis_alert",
          objectId: alert.id,
          outcome: "success",
          ip: o.ip ?? null,
          detail: { caseId: created.id, code: created.code, linked: behind.length },
        },
        trx,
      );
    },
  });

  // 立案 and 派遣 as the centre would do by hand; a refusal leaves the task registered for a dispatcher
  let taskCase = row;
  let dispatchError: string | null = null;
  try {
    // the task is dispatched right below by the centre itself, not by the routing models
    taskCase = await performCaseAction({
      services,
      actor,
      caseId: row.id,
      action: "register",
      body: {},
      ip: o.ip,
      autoDispatch: false,
    });
    if (!row.suggested_unit_code) dispatchError = "NO_ROUTE";
    else {
      taskCase = await performCaseAction({
        services,
        actor,
        caseId: row.id,
        action: "dispatch",
        body: { unitCode: row.suggested_unit_code, assistUnitCodes: [], note: "共性问题治理任务" },
        ip: o.ip,
      });
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    dispatchError = err.code;
  }
  return { taskCase, dispatched: taskCase.status === "dispatched", dispatchError };
}
