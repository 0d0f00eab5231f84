// Candidate duplicates (并案候选) of a case in the dispatch view, or of a report being written (the
// phone report, the hotline desk): open cases in the caller's jurisdiction near it, within the
// category's window and telling a similar story (domain rankDuplicates). For a case, its window
// runs both ways from its report time: a later report of the same problem is a candidate too.
import {
  can,
  DEFAULT_DUPLICATE_RULE,
  DUPLICATE_MIN_TEXT,
  DUPLICATE_RULES_BY_CODE,
  duplicateRuleFor,
  rankDuplicates,
} from "@civicgrid/domain";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { caseText, openCasesNear } from "../cases/open-cases-near.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";

export const DUPLICATE_MAX_LIMIT = 10;
const DAY = 86_400_000;

/** Without a category the candidate's own rule applies, so the box must hold the widest of them. */
const WIDEST = [DEFAULT_DUPLICATE_RULE, ...Object.values(DUPLICATE_RULES_BY_CODE)].reduce(
  (w, r) => ({ radiusM: Math.max(w.radiusM, r.radiusM), windowDays: Math.max(w.windowDays, r.windowDays) }),
  { radiusM: 0, windowDays: 0 },
);

export type DuplicateSubject =
  | { caseId: string }
  | { lat: number; lng: number; text: string; categoryCode?: string | null };

export interface FindDuplicateCandidatesOptions {
  services: Services;
  actor: Actor;
  subject: DuplicateSubject;
  limit: number;
}

export async function findDuplicateCandidates({ services, actor, subject, limit }: FindDuplicateCandidatesOptions) {
  const { db, clock } = services;
  const now = clock.now();
  let query: { lat: number; lng: number; text: string; categoryCode: string | null; at: Date };
  let excludeId: string | undefined;
  if ("caseId" in subject) {
    const row = await scopeCases(db.selectFrom("cases").selectAll(), actor)
      .where("id", "=", subject.caseId)
      .executeTakeFirst();
    if (!row) throw new AppError("CASE_NOT_FOUND");
    const category = row.category_code
      ? await db.selectFrom("categories").select("name").where("code", "=", row.category_code).executeTakeFirst()
      : undefined;
    query = {
      lat: row.lat,
      lng: row.lng,
      text: caseText(row, category?.name ?? null, services.places),
      categoryCode: row.category_code,
      at: row.reported_at,
    };
    excludeId = row.id;
  } else {
    if (!can(actor.roles, "case:create")) throw new AppError("FORBIDDEN", { permission: "case:create" });
    query = { ...subject, categoryCode: subject.categoryCode ?? null, at: now };
  }
  const rule = query.categoryCode ? duplicateRuleFor(query.categoryCode) : WIDEST;
  const candidates = await openCasesNear({
    db,
    places: services.places,
    actor,
    lat: query.lat,
    lng: query.lng,
    radiusM: rule.radiusM,
    since: new Date(query.at.getTime() - rule.windowDays * DAY),
    until: new Date(Math.min(now.getTime(), query.at.getTime() + rule.windowDays * DAY)),
    excludeId,
  });
  const ranked = rankDuplicates(query, candidates, { limit });
  return {
    ranked,
    radiusM: query.categoryCode ? rule.radiusM : null,
    windowDays: query.categoryCode ? rule.windowDays : null,
    threshold: DUPLICATE_MIN_TEXT,
  };
}
