// Candidate duplicates (并案候选): open cases that are probably the same problem as a report — near
// it (the category's radius), close in time (the category's window) and telling a similar story.
// Stricter than the hotline's "similar cases" (which also lists same-category cases with no words
// in common, for a person to browse): here the words must agree, above one documented threshold
// (DUPLICATE_MIN_TEXT, chosen on half of the measurement set — docs/duplicates.md).
import { duplicateRuleFor } from "./duplicate-rules.ts";
import {
  categoryMatch,
  distanceMeters,
  type LatLng,
  type RankedCandidate,
  type SimilarCandidate,
  sharedPhrases,
  similarityScore,
  textUnits,
  unitCosine,
} from "./similarity.ts";

/**
 * Lowest text similarity (cosine of character-bigram sets, textSimilarity) at which a nearby, recent
 * open case is offered as a duplicate candidate. See docs/duplicates.md for how it was chosen.
 */
export const DUPLICATE_MIN_TEXT = 0.15;
/** At most this many candidates are shown: a person reads a short list. */
export const DUPLICATE_LIST_LIMIT = 5;

export interface DuplicateQuery extends LatLng {
  text: string;
  categoryCode?: string | null;
  /** when the report was made: the window counts from here, both ways (a later duplicate is one too) */
  at: Date;
}

export interface DuplicateOptions {
  limit?: number;
  minText?: number;
}

/**
 * The candidates, best first. Whose rule applies: the report's category when it has one, else the
 * candidate's (a report not yet classified is compared at the distance the candidate's kind needs).
 */
export function rankDuplicates<C extends SimilarCandidate>(
  query: DuplicateQuery,
  candidates: readonly C[],
  { limit = DUPLICATE_LIST_LIMIT, minText = DUPLICATE_MIN_TEXT }: DuplicateOptions = {},
): RankedCandidate<C>[] {
  const queryUnits = textUnits(query.text);
  if (queryUnits.size === 0) return [];
  const queryRule = query.categoryCode ? duplicateRuleFor(query.categoryCode) : null;
  const ranked: RankedCandidate<C>[] = [];
  for (const c of candidates) {
    const rule = queryRule ?? duplicateRuleFor(c.categoryCode);
    const distanceM = distanceMeters(query, c);
    if (distanceM > rule.radiusM) continue;
    const ageDays = Math.abs(query.at.getTime() - c.reportedAt.getTime()) / 86_400_000;
    if (ageDays > rule.windowDays) continue;
    const units = unitsOf(c);
    const textScore = unitCosine(queryUnits, units);
    if (textScore < minText) continue;
    const category = categoryMatch(query.categoryCode, c.categoryCode);
    const score = similarityScore({
      distanceM,
      radiusM: rule.radiusM,
      text: textScore,
      category,
      ageDays,
      windowDays: rule.windowDays,
    });
    ranked.push({
      candidate: c,
      score,
      distanceM,
      textScore,
      sameCategory: category === null ? null : category === 1,
      sharedWords: sharedPhrases(query.text, units),
    });
  }
  ranked.sort((a, b) => b.score - a.score || a.distanceM - b.distanceM);
  return ranked.slice(0, limit);
}

/** A case's bigrams, cut once per case object (one query scans the same cases as the last). */
const unitCache = new WeakMap<object, Set<string>>();
function unitsOf(c: SimilarCandidate): Set<string> {
  let units = unitCache.get(c);
  if (!units) {
    units = textUnits(c.text);
    unitCache.set(c, units);
  }
  return units;
}
