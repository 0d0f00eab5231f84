// On demand (models page): start a retrain of the routing models now. It runs in a worker thread for
// up to a few minutes; the answer comes at once with the training state (a run already going on is
// not started twice; one within RETRAIN_COOLDOWN_MS of the last is refused: a run takes minutes of a
// CPU, and the data hardly changed). Permission models:manage; audited.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { countTrainingCases, MIN_TRAINING_CASES, startRetrain, trainingState } from "../routing/retrain.ts";
import type { Services } from "../services.ts";

export const RETRAIN_COOLDOWN_MS = 10 * 60_000;

export interface RetrainRoutingModelsOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
}

export async function retrainRoutingModels({ services, actor, ip }: RetrainRoutingModelsOptions) {
  await requirePermissionAudited(services, actor, "models:manage", { action: "models.retrain", ip });
  if (!trainingState(services).running) {
    const newest = await services.db
      .selectFrom("classifier_models")
      .select("trained_at")
      .orderBy("trained_at", "desc")
      .limit(1)
      .executeTakeFirst();
    const since = newest ? services.clock.now().getTime() - newest.trained_at.getTime() : Number.POSITIVE_INFINITY;
    if (since < RETRAIN_COOLDOWN_MS) {
      throw new AppError("MODEL_TRAINED_RECENTLY", { minutes: Math.ceil((RETRAIN_COOLDOWN_MS - since) / 60_000) });
    }
    const cases = await countTrainingCases(services.db);
    if (cases < MIN_TRAINING_CASES)
      throw new AppError("NOT_ENOUGH_TRAINING_DATA", { minimum: MIN_TRAINING_CASES, cases });
    // not awaited: the run stores (and perhaps activates) its version when done
    startRetrain(services, "demand").catch(() => {});
    await recordAudit(services, { actor, action: "models.retrain", outcome: "success", ip });
  }
  return trainingState(services);
}
