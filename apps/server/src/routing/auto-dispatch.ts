// Auto-dispatch (自动派遣): right after a case is registered, the platform dispatches it itself when
// the category the model suggests has auto-dispatch switched on and the unit model's top suggestion is
// at least as confident as that category's threshold (chosen on held-out cases for precision ≥ 0.95,
// model-store.ts). The dispatch is the ordinary transition (perform-case-action.ts) taken by the
// case's coordinating centre as "system": the same checks, one event row marked `auto`, the audit
// record; the case remembers it (auto_dispatched_at, auto_dispatch_unit_code) for the figures.
// Otherwise nothing happens and the case waits for a dispatcher.
import { predictTopK } from "@civicgrid/domain";
import type { Role } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { placeOf } from "../cases/facts.ts";
import type { Db } from "../db/connect.ts";
import type { CaseRow } from "../db/schema.ts";
import type { Services } from "../services.ts";
import { activeModels } from "./model-store.ts";
import { OTHER_LABEL, unitForSeat } from "./seats.ts";
import { firstReal } from "./train-routing.ts";

export interface AutoDispatchPlan {
  actor: Actor;
  body: { unitCode: string; assistUnitCodes: string[]; note: string };
  /** the registered version: if anyone acted on the case meanwhile, the dispatch is refused */
  expectedVersion: number;
  system: { extra: Record<string, unknown> };
  within: (trx: Db) => Promise<void>;
}

const CENTRE_ROLES: Partial<Record<string, Role>> = {
  city_centre: "city_centre",
  district_centre: "district_centre",
  township_centre: "township_centre",
};

export const caseText = (row: Pick<CaseRow, "title" | "description">) => `${row.title}\n${row.description}`;

/** What to dispatch and as whom, or null when the case is left to a dispatcher. */
export async function planAutoDispatch(services: Services, row: CaseRow): Promise<AutoDispatchPlan | null> {
  if (row.status !== "registered") return null;
  const { db, places } = services;
  const models = await activeModels(db);
  if (!models) return null;
  const text = caseText(row);
  const category = firstReal(predictTopK(models.category, text, 2, 0));
  if (!category) return null;
  const setting = await db
    .selectFrom("auto_dispatch_settings")
    .select(["threshold"])
    .where("category_code", "=", category.label)
    .where("enabled", "=", true)
    .where("threshold", "is not", null)
    .executeTakeFirst();
  const threshold = setting?.threshold;
  if (threshold === undefined || threshold === null) return null;
  const [top] = predictTopK(models.unit, text, 1, 5);
  if (!top || top.label === OTHER_LABEL || top.confidence < threshold) return null;
  const unit = unitForSeat(places, top.label, placeOf(row));
  const centre = places.unit(row.centre_unit_code);
  const role = centre ? CENTRE_ROLES[centre.type] : undefined;
  if (!unit || !centre || !role) return null;
  const auto = {
    modelVersion: models.version,
    category: category.label,
    categoryConfidence: round(category.confidence),
    seat: top.label,
    confidence: round(top.confidence),
    threshold,
    terms: top.terms.map((t) => t.term),
  };
  const now = services.clock.now();
  return {
    actor: {
      userId: "system",
      username: "system",
      displayName: "智能分派",
      roles: [role],
      unit: centre,
      sessionId: "auto-dispatch",
    },
    body: {
      unitCode: unit.code,
      assistUnitCodes: [],
      note: `智能分派:主办单位建议置信度 ${pct(top.confidence)},不低于该类别的自动派遣阈值 ${pct(threshold)}`,
    },
    expectedVersion: row.version,
    system: { extra: { auto } },
    within: async (trx) => {
      await trx
        .updateTable("cases")
        .set({ auto_dispatched_at: now, auto_dispatch_unit_code: unit.code })
        .where("id", "=", row.id)
        .execute();
    },
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
