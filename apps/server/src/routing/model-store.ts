// The versioned model store (classifier_models, 023): storing a training run as a new version,
// activating a version (both kinds at once, and the auto-dispatch thresholds measured with them), and
// the active pair loaded once per version and kept in memory. A loaded model is never changed (the
// classifier caches its lookup tables per model object), so a new version is a new object.
import { parseTextModel, type TextModel } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { AppError } from "../errors.ts";
import type { RoutingTrainingResult, ThresholdFigures } from "./train-routing.ts";

export type ModelKind = "category" | "unit";

export interface ActiveModels {
  version: number;
  category: TextModel;
  unit: TextModel;
  /** newest close time the models learnt from */
  dataUntil: Date | null;
  /** recorded held-out accuracies */
  accuracy: { category: number; unit: number };
}

/** Versions whose model JSON is kept besides the active one; older ones keep their figures only. */
export const KEEP_MODEL_VERSIONS = 3;

/** Serialises version numbering between servers (and with activation). */
const MODEL_STORE_LOCK = 730_023;

interface Cache {
  version: number;
  loading: Promise<ActiveModels | null>;
}
const caches = new WeakMap<Db, Cache>();

async function activeVersion(db: Db): Promise<number | null> {
  const rows = await db
    .selectFrom("classifier_models")
    .select(["kind", "version"])
    .where("active", "=", true)
    .execute();
  const unit = rows.find((r) => r.kind === "unit");
  const category = rows.find((r) => r.kind === "category");
  return unit && category && unit.version === category.version ? unit.version : null;
}

async function loadPair(db: Db, version: number): Promise<ActiveModels | null> {
  const rows = await db
    .selectFrom("classifier_models")
    .select(["kind", "model", "metrics", "data_until"])
    .where("version", "=", version)
    .execute();
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  const cat = byKind.get("category");
  const unit = byKind.get("unit");
  if (!cat?.model || !unit?.model) return null;
  const accuracy = (m: unknown) => Number((m as { accuracy?: number }).accuracy ?? 0);
  return {
    version,
    category: parseTextModel(cat.model),
    unit: parseTextModel(unit.model),
    dataUntil: unit.data_until,
    accuracy: { category: accuracy(cat.metrics), unit: accuracy(unit.metrics) },
  };
}

/**
 * The active pair, or null when none is active. One small query per call finds the active version
 * (another server may have activated one); the models themselves are read once per version.
 */
export async function activeModels(db: Db): Promise<ActiveModels | null> {
  const version = await activeVersion(db);
  if (version === null) return null;
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, loading: loadPair(db, version) };
    caches.set(db, cache);
    // a failed read is not cached
    cache.loading.catch(() => caches.delete(db));
  }
  return cache.loading;
}

/**
 * Reads the active pair into memory in the background (after an activation, on the sweeper's first
 * tick), so that no dispatcher waits for it: the category model of a city is tens of MB of JSON and
 * takes seconds to read (docs/classification.md, "On the server").
 */
export function warmActiveModels(services: { db: Db; logger: { warn: (o: object, m: string) => void } }): void {
  activeModels(services.db).catch((err) => services.logger.warn({ err }, "routing models could not be loaded"));
}

/** Stores a training run as the next version (inactive); returns the version. */
export async function storeRun(db: Db, run: RoutingTrainingResult, trainedAt: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MODEL_STORE_LOCK})`.execute(trx);
    const top = await trx
      .selectFrom("classifier_models")
      .select((eb) => eb.fn.max("version").as("v"))
      .executeTakeFirst();
    const version = Number(top?.v ?? 0) + 1;
    const dataUntil = run.dataUntil === null ? null : new Date(run.dataUntil);
    await trx
      .insertInto("classifier_models")
      .values(
        (["category", "unit"] as const).map((kind) => ({
          kind,
          version,
          trained_at: trainedAt,
          trained_on: run[kind].trainedOn,
          data_until: dataUntil,
          metrics: JSON.stringify({ ...run[kind].figures, comparison: run.comparison }),
          model: run[kind].modelJson,
        })),
      )
      .execute();
    return version;
  });
}

/**
 * Makes a version the active pair and copies its auto-dispatch thresholds into the settings (the
 * `enabled` switches stay as the people set them). 404 for an unknown version, 409 when its models
 * were pruned.
 */
export async function activateVersion(
  db: Db,
  o: { version: number; by: string | null; note: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MODEL_STORE_LOCK})`.execute(trx);
    const rows = await trx
      .selectFrom("classifier_models")
      .select(["kind", "metrics", sql<boolean>`model is not null`.as("has_model")])
      .where("version", "=", o.version)
      .execute();
    if (rows.length !== 2) throw new AppError("MODEL_VERSION_NOT_FOUND", { version: o.version });
    if (rows.some((r) => !r.has_model)) throw new AppError("MODEL_VERSION_PRUNED", { version: o.version });
    await trx.updateTable("classifier_models").set({ active: false }).where("active", "=", true).execute();
    await trx
      .updateTable("classifier_models")
      .set({ active: true, activated_at: o.now, activated_by: o.by, activation_note: o.note.slice(0, 500) })
      .where("version", "=", o.version)
      .execute();
    const unit = rows.find((r) => r.kind === "unit");
    const metrics = unit?.metrics as { thresholds?: Record<string, ThresholdFigures> } | undefined;
    const thresholds = metrics?.thresholds ?? {};
    await refreshThresholds(trx, thresholds, o.version, o.now);
  });
}

async function refreshThresholds(trx: Db, thresholds: Record<string, ThresholdFigures>, version: number, now: Date) {
  const known = new Set((await trx.selectFrom("categories").select("code").execute()).map((c) => c.code as string));
  const rows = Object.entries(thresholds)
    .filter(([code]) => known.has(code))
    .map(([code, t]) => ({
      category_code: code,
      threshold: t.threshold,
      precision: t.threshold === null ? null : t.precision,
      coverage: t.coverage,
      support: t.support,
      model_version: version,
      updated_at: now,
    }));
  // categories the new version says nothing about lose their threshold (never auto-dispatched)
  await trx
    .updateTable("auto_dispatch_settings")
    .set({ threshold: null, precision: null, coverage: null, support: null, model_version: version, updated_at: now })
    .execute();
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto("auto_dispatch_settings")
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column("category_code").doUpdateSet((eb) => ({
          threshold: eb.ref("excluded.threshold"),
          precision: eb.ref("excluded.precision"),
          coverage: eb.ref("excluded.coverage"),
          support: eb.ref("excluded.support"),
          model_version: eb.ref("excluded.model_version"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
}

/** Drops the model JSON (tens of MB) of inactive versions older than the newest KEEP_MODEL_VERSIONS. */
export async function pruneOldModels(db: Db): Promise<number> {
  const r = await db
    .updateTable("classifier_models")
    .set({ model: null })
    .where("active", "=", false)
    .where("model", "is not", null)
    .where(
      "version",
      "<=",
      sql<number>`(select coalesce(max(version), 0) - ${KEEP_MODEL_VERSIONS} from classifier_models)`,
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
