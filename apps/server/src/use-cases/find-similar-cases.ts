// Similar open cases near a new call, while the agent types: the open cases of the last 30 days in a
// box around the point (GiST index of 007), scored in memory by the domain's similarity (words,
// distance, category, recency). Within the caller's jurisdiction, like every case read.
import { boundingBox, can, rankSimilar, type SimilarCandidate, similarRadiusMeters } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { scopeCondition, scopeOf } from "../access/case-scope.ts";
import { findResponsibility } from "../cases/responsibility.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export const SIMILAR_WINDOW_DAYS = 30;
export const SIMILAR_MAX_LIMIT = 10;
/** More than this many open cases in the box is a crowd no agent reads: the nearest ones are kept. */
const MAX_CANDIDATES = 2000;

/** Literally the predicate of the cases_open_point index (007), so the planner can use it. */
const OPEN_PREDICATE = sql.raw<boolean>(
  "cases.status in ('reported', 'registered', 'dispatched', 'accepted', 'returned', 'handled')",
);

export interface FindSimilarCasesOptions {
  services: Services;
  actor: Actor;
  lat: number;
  lng: number;
  text: string;
  categoryCode?: string;
  /** a case to leave out (the one being looked at) */
  excludeId?: string;
  limit: number;
}

export interface SimilarCaseRow extends SimilarCandidate {
  code: string;
  title: string;
  status: string;
  address: string | null;
  communityCode: string;
  meTooCount: number;
}

export async function findSimilarCases(options: FindSimilarCasesOptions) {
  const { services, actor, lat, lng, text, categoryCode, excludeId, limit } = options;
  if (!can(actor.roles, "case:create")) throw new AppError("FORBIDDEN", { permission: "case:create" });
  const entry = categoryCode ? await findResponsibility(services.db, categoryCode) : null;
  const radiusM = similarRadiusMeters({ code: categoryCode, handlerKind: entry?.handlerKind });
  const now = services.clock.now();
  const since = new Date(now.getTime() - SIMILAR_WINDOW_DAYS * 86_400_000);
  const box = boundingBox({ lat, lng }, radiusM);

  let qb = services.db
    .selectFrom("cases")
    .select([
      "id",
      "code",
      "title",
      "description",
      "status",
      "category_code",
      "lat",
      "lng",
      "address_area",
      "community_code",
      "reported_at",
      "me_too_count",
    ])
    .where(
      sql<boolean>`point(cases.lng, cases.lat) <@ box(point(${box.minLng}, ${box.minLat}), point(${box.maxLng}, ${box.maxLat}))`,
    )
    .where(OPEN_PREDICATE)
    .where("reported_at", ">=", since)
    .where(scopeCondition(scopeOf(actor)));
  if (excludeId) qb = qb.where("id", "<>", excludeId);
  const rows = await qb
    .orderBy(sql`point(cases.lng, cases.lat) <-> point(${lng}, ${lat})`)
    .limit(MAX_CANDIDATES)
    .execute();

  const candidates: SimilarCaseRow[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    status: r.status,
    text: `${r.title} ${r.description}`,
    categoryCode: r.category_code,
    lat: r.lat,
    lng: r.lng,
    address: r.address_area,
    communityCode: r.community_code,
    reportedAt: r.reported_at,
    meTooCount: r.me_too_count,
  }));
  const ranked = rankSimilar({ lat, lng, text, categoryCode }, candidates, {
    radiusM,
    now,
    windowDays: SIMILAR_WINDOW_DAYS,
    limit,
  });
  return { ranked, radiusM, windowDays: SIMILAR_WINDOW_DAYS, scanned: rows.length };
}
