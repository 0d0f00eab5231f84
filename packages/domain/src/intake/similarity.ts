// Similar open cases near a new call (12345 desk "me too", later duplicate detection): Chinese text
// compared by character bigrams (no word segmenter needed), distance on the ground, same category and
// recency, combined into one score with the reasons a person can check.
import { duplicateRuleFor } from "./duplicate-rules.ts";

export interface LatLng {
  lat: number;
  lng: number;
}

/** Bigrams that appear in nearly every complaint and say nothing about the problem itself. */
const FILLER_BIGRAMS = new Set([
  "市民",
  "来电",
  "反映",
  "问题",
  "希望",
  "尽快",
  "处理",
  "解决",
  "有关",
  "部门",
  "要求",
  "请求",
  "现在",
  "一直",
  "严重",
  "影响",
  "情况",
  "我们",
  "这个",
  "已经",
  "没有",
]);

/** Runs of letters and digits (Han characters included); punctuation and spaces split them. */
function segments(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((s) => s.length > 0);
}

/** The set of character bigrams of a text (a single character stands for itself), fillers removed. */
export function textUnits(text: string): Set<string> {
  const units = new Set<string>();
  for (const seg of segments(text)) {
    const chars = [...seg];
    if (chars.length === 1) {
      units.add(chars[0] as string);
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) {
      const bigram = `${chars[i]}${chars[i + 1]}`;
      if (!FILLER_BIGRAMS.has(bigram)) units.add(bigram);
    }
  }
  return units;
}

export interface TextMatch {
  /** cosine of the two bigram sets: 0 (nothing shared) … 1 (same bigrams) */
  score: number;
  /** the query's phrases made of shared bigrams, longest first (at most 8) */
  shared: string[];
}

/** Cosine similarity of two texts' bigram sets, with the shared phrases as the query wrote them. */
export function textSimilarity(query: string, candidate: string | Set<string>): TextMatch {
  return compareUnits(query, textUnits(query), typeof candidate === "string" ? textUnits(candidate) : candidate);
}

/** textSimilarity on bigram sets already cut (`a` is the query's): for one query against many cases. */
export function compareUnits(query: string, a: Set<string>, b: Set<string>): TextMatch {
  const score = unitCosine(a, b);
  return { score, shared: score > 0 ? sharedPhrases(query, b) : [] };
}

/** Cosine of two bigram sets: shared ÷ √(|a|·|b|); 0 when either is empty. */
export function unitCosine(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const u of small) if (large.has(u)) common++;
  return common / Math.sqrt(a.size * b.size);
}

/** Joins consecutive shared bigrams of the query back into the phrases the caller said. */
export function sharedPhrases(query: string, other: Set<string>): string[] {
  const phrases = new Set<string>();
  for (const seg of segments(query)) {
    const chars = [...seg];
    if (chars.length === 1 && other.has(seg)) phrases.add(seg);
    let start = -1;
    for (let i = 0; i <= chars.length - 1; i++) {
      const bigram = i + 1 < chars.length ? `${chars[i]}${chars[i + 1]}` : "";
      const hit = bigram !== "" && other.has(bigram);
      if (hit && start < 0) start = i;
      if (!hit && start >= 0) {
        phrases.add(chars.slice(start, i + 1).join(""));
        start = -1;
      }
    }
  }
  return [...phrases].sort((x, y) => [...y].length - [...x].length).slice(0, 8);
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The lat/lng box that contains the circle of `radiusM` around a point (for an index lookup). */
export function boundingBox(center: LatLng, radiusM: number) {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(Math.cos(rad(center.lat)), 0.01);
  return { minLat: center.lat - dLat, maxLat: center.lat + dLat, minLng: center.lng - dLng, maxLng: center.lng + dLng };
}

/** How far to look for the same problem: the category's duplicate rule (duplicate-rules.ts). */
export function similarRadiusMeters(categoryCode?: string | null): number {
  return duplicateRuleFor(categoryCode).radiusM;
}

/** Same code 1; same major class (C01, M06, H0102 …) 0.5; different 0; unknown on either side null. */
export function categoryMatch(a: string | null | undefined, b: string | null | undefined): number | null {
  if (!a || !b) return null;
  if (a === b) return 1;
  const classOf = (c: string) => (c.startsWith("H") ? c.slice(0, 5) : c.slice(0, 3));
  return classOf(a) === classOf(b) ? 0.5 : 0;
}

export const SIMILARITY_WEIGHTS = { text: 0.5, distance: 0.25, category: 0.15, recency: 0.1 } as const;

export interface ScoreParts {
  distanceM: number;
  radiusM: number;
  text: number;
  /** categoryMatch(); null when the query or the candidate has no category */
  category: number | null;
  ageDays: number;
  windowDays: number;
}

/** One score in 0…1: mostly what was said, then how near, then the category, then how recent. */
export function similarityScore(p: ScoreParts): number {
  const w = SIMILARITY_WEIGHTS;
  const proximity = Math.max(0, 1 - p.distanceM / p.radiusM);
  const recency = Math.max(0, 1 - p.ageDays / p.windowDays);
  // an unknown category neither helps nor hurts: count it as half
  const category = p.category ?? 0.5;
  return w.text * p.text + w.distance * proximity + w.category * category + w.recency * recency;
}

export interface SimilarQuery extends LatLng {
  text: string;
  categoryCode?: string | null;
}

export interface SimilarCandidate extends LatLng {
  id: string;
  text: string;
  categoryCode: string | null;
  reportedAt: Date;
}

export interface RankedCandidate<C extends SimilarCandidate> {
  candidate: C;
  score: number;
  distanceM: number;
  textScore: number;
  sameCategory: boolean | null;
  sharedWords: string[];
}

export interface RankOptions {
  radiusM: number;
  now: Date;
  windowDays: number;
  limit: number;
  /** below this a candidate is noise rather than a likely duplicate */
  minScore?: number;
}

export const MIN_SIMILAR_SCORE = 0.3;

/**
 * Rank candidates (already cut to the bounding box) against a new call: outside the circle or older
 * than the window drops out; so does a candidate that shares neither words nor category with the call.
 */
export function rankSimilar<C extends SimilarCandidate>(
  query: SimilarQuery,
  candidates: readonly C[],
  { radiusM, now, windowDays, limit, minScore = MIN_SIMILAR_SCORE }: RankOptions,
): RankedCandidate<C>[] {
  const queryUnits = textUnits(query.text);
  const ranked: RankedCandidate<C>[] = [];
  for (const c of candidates) {
    const distanceM = distanceMeters(query, c);
    if (distanceM > radiusM) continue;
    const ageDays = (now.getTime() - c.reportedAt.getTime()) / 86_400_000;
    if (ageDays > windowDays) continue;
    const text = queryUnits.size ? textSimilarity(query.text, c.text) : { score: 0, shared: [] };
    const category = categoryMatch(query.categoryCode, c.categoryCode);
    if (text.score === 0 && category !== 1) continue;
    const score = similarityScore({
      distanceM,
      radiusM,
      text: text.score,
      category,
      ageDays: Math.max(0, ageDays),
      windowDays,
    });
    if (score < minScore) continue;
    ranked.push({
      candidate: c,
      score,
      distanceM,
      textScore: text.score,
      sameCategory: category === null ? null : category === 1,
      sharedWords: text.shared,
    });
  }
  ranked.sort((a, b) => b.score - a.score || a.distanceM - b.distanceM);
  return ranked.slice(0, limit);
}
