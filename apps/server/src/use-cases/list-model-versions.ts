// 智能分派模型 (models page): the stored versions newest first, each kind's held-out figures, whether a
// run is going on, and the auto-dispatch figures city-wide. Permission models:manage.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { autoDispatchFigures } from "../routing/auto-dispatch-figures.ts";
import { trainingState } from "../routing/retrain.ts";
import type { Services } from "../services.ts";

export interface ListModelVersionsOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  page: number;
  pageSize: number;
}

export async function listModelVersions({ services, actor, ip, page, pageSize }: ListModelVersionsOptions) {
  await requirePermissionAudited(services, actor, "models:manage", { action: "models.list", ip });
  const { db, places, clock } = services;
  const [versions, total] = await Promise.all([
    db
      .selectFrom("classifier_models")
      .select("version")
      .distinct()
      .orderBy("version", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom("classifier_models")
      .select(sql<number>`count(distinct version)::int`.as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const numbers = versions.map((v) => v.version);
  const rows = numbers.length
    ? await db
        .selectFrom("classifier_models as m")
        .leftJoin("users as u", "u.id", "m.activated_by")
        .select([
          "m.kind",
          "m.version",
          "m.trained_at",
          "m.trained_on",
          "m.data_until",
          "m.metrics",
          "m.active",
          "m.activated_at",
          "m.activation_note",
          "u.display_name as activated_by_name",
          sql<boolean>`m.model is not null`.as("has_model"),
        ])
        .where("m.version", "in", numbers)
        .execute()
    : [];
  const city = [...places.divisions.values()].find((d) => d.level === "city");
  const figures = city ? await autoDispatchFigures(db, { level: "city", code: city.code }, clock.now()) : null;
  return {
    rows: numbers.map((version) => ({
      version,
      category: rows.find((r) => r.version === version && r.kind === "category") ?? null,
      unit: rows.find((r) => r.version === version && r.kind === "unit") ?? null,
    })),
    total: total.n,
    page,
    pageSize,
    training: trainingState(services),
    autoDispatch: figures,
  };
}
