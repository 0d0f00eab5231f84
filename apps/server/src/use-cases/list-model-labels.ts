// The held-out figures per label of one stored version (models page, a version opened): precision,
// recall, F1 and held-out cases of each category or seat, and for categories the auto-dispatch
// threshold measured with that version. Most held-out cases first; q filters by code or name.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { AppError } from "../errors.ts";
import type { ThresholdFigures } from "../routing/train-routing.ts";
import type { Services } from "../services.ts";

export interface ListModelLabelsOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  version: number;
  kind: "category" | "unit";
  q?: string;
  page: number;
  pageSize: number;
}

interface LabelFigures {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export async function listModelLabels(o: ListModelLabelsOptions) {
  const { services, actor, ip, version, kind, page, pageSize } = o;
  await requirePermissionAudited(services, actor, "models:manage", { action: "models.list", ip });
  const { db } = services;
  const rows = await db
    .selectFrom("classifier_models")
    .select(["kind", "metrics"])
    .where("version", "=", version)
    .execute();
  const mine = rows.find((r) => r.kind === kind);
  if (!mine) throw new AppError("MODEL_VERSION_NOT_FOUND", { version });
  const perLabel = ((mine.metrics as { perLabel?: LabelFigures[] }).perLabel ?? []).slice();
  const unitMetrics = rows.find((r) => r.kind === "unit")?.metrics as { thresholds?: Record<string, ThresholdFigures> };
  const thresholds = kind === "category" ? (unitMetrics?.thresholds ?? {}) : {};
  const names =
    kind === "category"
      ? new Map(
          (await db.selectFrom("categories").select(["code", "name"]).execute()).map((c) => [c.code, c.name] as const),
        )
      : new Map<string, string>();
  const q = o.q?.trim().toLowerCase();
  const matching = perLabel
    .map((l) => ({ ...l, name: names.get(l.label) ?? null, threshold: thresholds[l.label] ?? null }))
    .filter((l) => !q || l.label.toLowerCase().includes(q) || (l.name ?? "").includes(q))
    .sort((a, b) => b.support - a.support || a.label.localeCompare(b.label));
  return {
    rows: matching.slice((page - 1) * pageSize, page * pageSize),
    total: matching.length,
    page,
    pageSize,
  };
}
