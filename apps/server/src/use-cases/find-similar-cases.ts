// Similar open cases near a new call, while the agent types: the open cases of the category's window
// (duplicate-rules.ts) in a box around the point (GiST index of 007), scored in memory by the
// domain's similarity (words, distance, category, recency). Within the caller's jurisdiction, like
// every case read. Each one says whether it is also a duplicate candidate (words close enough).
import { can, DUPLICATE_MIN_TEXT, duplicateRuleFor, rankSimilar } from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import { type NearCase, openCasesNear } from "../cases/open-cases-near.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export const SIMILAR_MAX_LIMIT = 10;

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

export type SimilarCaseRow = NearCase;

export async function findSimilarCases(options: FindSimilarCasesOptions) {
  const { services, actor, lat, lng, text, categoryCode, excludeId, limit } = options;
  if (!can(actor.roles, "case:create")) throw new AppError("FORBIDDEN", { permission: "case:create" });
  const { radiusM, windowDays } = duplicateRuleFor(categoryCode);
  const now = services.clock.now();
  const since = new Date(now.getTime() - windowDays * 86_400_000);
  const candidates = await openCasesNear({
    db: services.db,
    places: services.places,
    actor,
    lat,
    lng,
    radiusM,
    since,
    excludeId,
  });
  const ranked = rankSimilar({ lat, lng, text, categoryCode }, candidates, { radiusM, now, windowDays, limit });
  return {
    ranked: ranked.map((r) => ({ ...r, likelyDuplicate: r.textScore >= DUPLICATE_MIN_TEXT })),
    radiusM,
    windowDays,
    scanned: candidates.length,
  };
}
