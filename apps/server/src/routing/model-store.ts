// The versioned model store (classifier_models, 023): storing a training run as a new version,
// activating a version (both kinds at once, and the auto-dispatch thresholds measured with them), and
// the active pair loaded once per version and kept in memory. A loaded model is never changed (the
// classifier caches its lookup tables per model object), so a new version is a new object.
// Models are stored in the compact form (version 2: `model` JSON without the weights, `model_weights`
// the weight block deflated; 024); rows stored as version 1 (all JSON) are still read.
import { promisify } from "node:util";
import { deflate, inflate } from "node:zlib";
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

/** Versions whose models are kept besides the active one; older ones keep their figures only. */
export const KEEP_MODEL_VERSIONS = 3;

// zlib runs in libuv's thread pool: (de)compressing megabytes never blocks requests. Deflated, the
// weight block is about a third of its size, and the driver reads a large bytea at ~100 ms a MB
// (docs/classification.md, "Storage").
const deflateBlock = promisify(deflate);
const inflateBlock = promisify(inflate);

/** The model of a row: version 1 JSON, or version 2 JSON with its deflated weight block. */
export async function readStoredModel(row: { model: unknown; model_weights: Buffer | null }): Promise<TextModel> {
  let weights: Buffer | null = null;
  if (row.model_weights) {
    try {
      weights = await inflateBlock(row.model_weights);
    } catch (err) {
      throw new Error(`stored model weights could not be inflated: ${err instanceof Error ? err.message : err}`);
    }
  }
  return parseTextModel(row.model, weights);
}

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
    .select(["kind", "model", "model_weights", "metrics", "data_until"])
    .where("version", "=", version)
    .execute();
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  const cat = byKind.get("category");
  const unit = byKind.get("unit");
  if (!cat?.model || !unit?.model) return null;
  const accuracy = (m: unknown) => Number((m as { accuracy?: number }).accuracy ?? 0);
  const [category, unitModel] = await Promise.all([readStoredModel(cat), readStoredModel(unit)]);
  return {
    version,
    category,
    unit: unitModel,
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
 * tick), so that no dispatcher waits for it: the category model of a city with hundreds of
 * categories still takes a few hundred milliseconds to read (docs/classification.md, "Storage").
 */
export function warmActiveModels(services: { db: Db; logger: { warn: (o: object, m: string) => void } }): void {
  activeModels(services.db).catch((err) => services.logger.warn({ err }, "routing models could not be loaded"));
}

/** Stores a training run as the next version (inactive); returns the version. */
export async function storeRun(db: Db, run: RoutingTrainingResult, trainedAt: Date): Promise<number> {
  const [categoryBlock, unitBlock] = await Promise.all([
    deflateBlock(run.category.model.weights),
    deflateBlock(run.unit.model.weights),
  ]);
  const blocks = { category: categoryBlock, unit: unitBlock };
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
          model: JSON.stringify(run[kind].model.meta),
          model_weights: blocks[kind],
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

/** Drops the models (JSON and weights) of inactive versions older than the newest KEEP_MODEL_VERSIONS. */
export async function pruneOldModels(db: Db): Promise<number> {
  const r = await db
    .updateTable("classifier_models")
    .set({ model: null, model_weights: null })
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
