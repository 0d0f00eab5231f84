// A year of demo history, generated in memory: pure and deterministic for a seed (the article's
// scale: 78,182 problems found, 78,013 resolved). Cases are drawn in report order: when, through
// which channel, what (category × season), where (grid and point), routed like live intake, then
// walked through the case state machine up to `now` (history/lifecycle.ts).
import { DEFAULT_LIMIT_DAYS, type ResponsibilityEntry, routeCase } from "@civicgrid/domain";
import type { CaseStatus } from "@civicgrid/shared";
import type { CaseBase } from "./history/case-sim.ts";
import { type CasePlan, type LifecycleContext, simulateCase } from "./history/lifecycle.ts";
import { type PatternReport, planPatterns } from "./history/patterns.ts";
import { reporterName, reporterPhone } from "./history/people.ts";
import { HistoryPlaces } from "./history/places.ts";
import { pickWeighted, Rng } from "./history/random.ts";
import { HistoryTexts } from "./history/texts.ts";
import { cstDate, DAY, dayIndex, HistoryClock, HOUR, MINUTE, monthOfDay } from "./history/time.ts";
import type { GeneratedHistory, GenerateHistoryOptions, HistoryCase } from "./history/types.ts";

export type * from "./history/types.ts";

/** Channels, as in the article's platform: grid workers find most problems, 12345 brings a third. */
export const SOURCE_MIX = { grid: 0.55, hotline: 0.28, web: 0.08, app: 0.05, media: 0.02, open311: 0.02 } as const;
/** Chance that a case from the channel is filed under the 12345 taxonomy (H…); ≈10% overall. */
export const HOTLINE_TAXONOMY: Record<string, number> = { hotline: 0.3, web: 0.15, app: 0.1, media: 0.05 };
/** Channels whose reporters leave a name and a phone number. */
const NAMED_SOURCES = new Set(["hotline", "web", "app"]);
/** Cases that get stuck for good (disputed responsibility, historical problems) and where they stop. */
export const STUCK_SHARE = 0.00215;
export const HOLD_STAGES = { accepted: 0.5, dispatched: 0.12, returned: 0.15, registered: 0.1, handled: 0.13 } as const;
/** Second reports of a problem still open (joined to the first case: 并案), and how far back they look. */
export const DUPLICATE_SHARE = 0.021;
const DUPLICATE_WINDOW = 3 * DAY;
/** Cases older than this are never replayed by the open-stage fill. */
const SETTLED_AGE = 7 * DAY;
const OPEN_STATES: CaseStatus[] = ["reported", "registered", "dispatched", "accepted", "returned", "handled"];
export const DEFAULT_HISTORY_SEED = 20_250_101;

interface Drawn {
  base: CaseBase;
  plan: CasePlan;
}

/** All of it at once (tests, small seeds). */
export function generateHistory(opts: GenerateHistoryOptions): GeneratedHistory {
  const cases: HistoryCase[] = [];
  const chunks = historyChunks(opts);
  for (let step = chunks.next(); ; step = chunks.next()) {
    if (step.done) return { cases, ...step.value };
    for (const c of step.value) cases.push(c);
  }
}

/**
 * The history in report order, in chunks of final rows: a chunk is handed out once no later case can
 * touch its cases any more (duplicates look back DUPLICATE_WINDOW; the open-stage fill touches only
 * cases younger than SETTLED_AGE), so the caller can insert it while the next one is generated.
 */
export function* historyChunks(
  opts: GenerateHistoryOptions,
  chunkSize = 5_000,
): Generator<HistoryCase[], Omit<GeneratedHistory, "cases">> {
  const seed = opts.seed ?? DEFAULT_HISTORY_SEED;
  const now = opts.now.getTime();
  const rng = new Rng(seed);
  const idRng = new Rng(seed ^ 0x5bd1e995);
  const newId = opts.newId ?? (() => idRng.uuid());
  const { ref } = opts;
  const places = new HistoryPlaces(ref.divisions, ref.grids, ref.units);
  const texts = new HistoryTexts(ref.texts, ref.categories);
  const clock = new HistoryClock(opts.calendar);
  const responsibility = new Map<string, ResponsibilityEntry>(ref.responsibility.map((e) => [e.categoryCode, e]));
  const hotlineUnit = ref.units.find((u) => u.type === "hotline" && u.active)?.code ?? null;
  const ctx: LifecycleContext = { clock, places, texts, now, hotlineUnit };

  // planted hotspots and a seasonal surge for the analysis to find (history/patterns.ts), out of the count
  const patterns = planPatterns({ seed, now, count: opts.count, places, texts });
  const regular = opts.count - patterns.length;
  const sources = Array.from({ length: regular }, () => pickWeighted(rng, SOURCE_MIX));
  let hotlineShare = 0;
  for (const [s, p] of Object.entries(SOURCE_MIX)) hotlineShare += p * (HOTLINE_TAXONOMY[s] ?? 0);
  const reports: { at: number; source: string; planted?: PatternReport }[] = mergeByTime(
    clock.sampleReports(regular, now, rng, texts.monthFactors(hotlineShare), sources),
    patterns.map((p) => ({ at: p.at, source: p.source, planted: p })),
  );

  // flushed entries are released (undefined): a year of events need not stay in memory
  const cases: (HistoryCase | undefined)[] = [];
  const drawn: (Drawn | undefined)[] = [];
  const seen = new Set<CaseStatus>();
  const terminalAt: number[] = [];
  const perDay = new Map<string, number>();
  let stuckDue = 0.5;
  let flushed = 0;
  let eventCount = 0;
  const flush = function* (upTo: number) {
    while (flushed < upTo) {
      const end = Math.min(upTo, flushed + chunkSize);
      const chunk = cases.slice(flushed, end) as HistoryCase[];
      for (const c of chunk) {
        eventCount += c.events.length;
        seen.add(c.status);
      }
      yield chunk;
      cases.fill(undefined, flushed, end);
      drawn.fill(undefined, flushed, end);
      flushed = end;
    }
  };

  /** A recent case still open for a while after `at`: what a second reporter would see too. */
  const recentOpenCase = (at: number, r: Rng): number => {
    const found: number[] = [];
    for (let j = cases.length - 1; j >= 0 && found.length < 40; j--) {
      const c = cases[j];
      if (!c || c.reportedAt.getTime() < at - DUPLICATE_WINDOW) break;
      if (c.status !== "merged" && c.status !== "rejected" && (terminalAt[j] as number) > at + 12 * HOUR) found.push(j);
    }
    return found.length > 0 ? r.pick(found) : -1;
  };

  for (const report of reports) {
    const caseRng = rng.fork();
    const planted = report.planted;
    // a duplicate: the same problem, reported again nearby while the first case is still open
    const original = !planted && caseRng.chance(DUPLICATE_SHARE) ? recentOpenCase(report.at, caseRng) : -1;
    const first = original >= 0 ? (cases[original] as HistoryCase) : null;
    const month = monthOfDay(dayIndex(report.at));
    const category = first
      ? (drawn[original] as Drawn).plan.category
      : planted
        ? (texts.byCode(planted.categoryCode) as NonNullable<ReturnType<typeof texts.byCode>>)
        : texts.drawCategory(caseRng, month, caseRng.chance(HOTLINE_TAXONOMY[report.source] ?? 0));
    const { place, lat, lng } = first
      ? places.sampleNear(caseRng, first.gridCode, first.lat, first.lng)
      : planted
        ? plantedPlace(places, caseRng, planted)
        : places.sample(caseRng);
    const route = routeCase(place, responsibility.get(category.categoryCode) ?? null, places);
    const centre = places.centreOf(place.township) ?? places.centreOf(place.district);
    if (!centre) throw new Error(`history: no centre for ${place.township}`);
    const communityName = places.divisionName(place.community);
    const vars = texts.vars(caseRng, communityName);
    const { title, description, topic } = texts.caseText(caseRng, category, vars);
    const day = cstDate(report.at);
    const serial = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, serial);
    const named = NAMED_SOURCES.has(report.source);
    const base: CaseBase = {
      id: newId(),
      code: `AS-${day.replaceAll("-", "")}-${String((opts.codeOffsets?.get(day) ?? 0) + serial).padStart(6, "0")}`,
      title,
      description,
      source: report.source,
      categoryCode: category.categoryCode,
      lat,
      lng,
      address: addressOf(places, place, vars.place === communityName ? "" : vars.place),
      gridCode: place.grid,
      communityCode: place.community,
      townshipCode: place.township,
      districtCode: place.district,
      cityCode: place.city,
      reporterName: named ? reporterName(caseRng) : null,
      reporterPhone: named ? reporterPhone(caseRng) : null,
      centreUnitCode: centre,
      suggestedUnitCode: route.unitCode,
      routingRule: route.rule,
      routingReason: route.reason,
      limitDays: route.limitDays ?? DEFAULT_LIMIT_DAYS,
      reportedAt: new Date(report.at),
    };
    // stuck cases are spread evenly (an accumulator, not a coin) so the year's backlog is the same size every time
    stuckDue += STUCK_SHARE;
    const hold = !first && stuckDue >= 1 ? pickWeighted(caseRng, HOLD_STAGES) : null;
    if (hold) stuckDue -= 1;
    const plan: CasePlan = {
      place,
      category,
      topic,
      vars,
      hold,
      wantsMerge: first !== null,
      mayReject: true,
      forceReturn: hold === "returned",
      // the intake desk finds the first case if it is still open by then
      findMergeTarget: (at) =>
        first && first.reportedAt.getTime() < at && (terminalAt[original] as number) > at + 10 * MINUTE
          ? { id: first.id, code: first.code }
          : null,
    };
    const sim = simulateCase(base, plan, ctx, caseRng);
    const row = sim.finish();
    cases.push(row);
    drawn.push({ base, plan });
    terminalAt.push(sim.firstTerminalAt);
    if (row.status === "merged") joinDuplicate(first ?? undefined, row);
    const settled = cases[flushed + chunkSize - 1]?.reportedAt.getTime() ?? Number.POSITIVE_INFINITY;
    if (settled < report.at - DUPLICATE_WINDOW - DAY && settled < now - SETTLED_AGE) yield* flush(flushed + chunkSize);
  }

  fillOpenStages(cases, drawn, ctx, { seed, now, from: flushed, seen });
  yield* flush(cases.length);
  const counters = new Map<string, number>();
  for (const [day, n] of perDay) counters.set(day, (opts.codeOffsets?.get(day) ?? 0) + n);
  return { counters, eventCount };
}

/** Two time-sorted report lists as one. */
function mergeByTime<T extends { at: number }>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as T).at <= (b[j] as T).at)) out.push(a[i++] as T);
    else out.push(b[j++] as T);
  }
  return out;
}

/** Where a planted report happens: in its grid, in one of its community's grids, or in its district. */
function plantedPlace(places: HistoryPlaces, rng: Rng, planted: PatternReport) {
  const w = planted.where;
  if ("district" in w) return places.sampleInDistrict(rng, w.district);
  const grids = "grid" in w ? [w.grid] : places.gridsOf(w.community);
  for (let tries = 0; tries < 20; tries++) {
    const s = places.sampleInGrid(rng, rng.pick(grids));
    if (s) return s;
  }
  throw new Error(`history: could not place the planted report of ${planted.pattern}`);
}

/** The target of a merge counts one more "me too" and is touched at the merge (perform-case-action.ts). */
function joinDuplicate(target: HistoryCase | undefined, merged: HistoryCase) {
  if (!target) throw new Error(`history: merge target ${merged.mergedIntoId} not generated`);
  target.meTooCount += 1 + merged.meTooCount;
  const at = merged.events[merged.events.length - 1]?.at ?? merged.reportedAt;
  if (at > target.updatedAt) target.updatedAt = at;
}

function addressOf(
  places: HistoryPlaces,
  place: { district: string; township: string; community: string },
  spot: string,
) {
  return `${places.divisionName(place.district)}${places.divisionName(place.township)}${places.divisionName(place.community)}${spot}`;
}

/**
 * A small history may happen to leave an open state empty at `now` (say, nothing waiting after a
 * return). The demo should show every stage, so the most recent suitable cases are replayed to stop
 * there. Cases that absorbed duplicates are left alone so me-too counts stay true.
 */
function fillOpenStages(
  cases: (HistoryCase | undefined)[],
  drawn: (Drawn | undefined)[],
  ctx: LifecycleContext,
  { seed, now, from, seen }: { seed: number; now: number; from: number; seen: ReadonlySet<CaseStatus> },
) {
  const present = new Set(seen);
  for (let i = from; i < cases.length; i++) present.add((cases[i] as HistoryCase).status);
  const used = new Set<number>();
  for (const status of OPEN_STATES) {
    if (present.has(status)) continue;
    // later stages need time to be reached: look a little back for them
    const minAge = status === "reported" ? 0 : status === "registered" ? 0.2 * DAY : 2 * DAY;
    let tries = 0;
    for (let i = cases.length - 1; i >= from && tries < 300; i--) {
      const c = cases[i] as HistoryCase;
      const d = drawn[i] as Drawn;
      if (used.has(i) || c.meTooCount > 0 || c.status === "merged" || now - c.reportedAt.getTime() < minAge) continue;
      tries++;
      const plan: CasePlan = {
        ...d.plan,
        hold: status,
        wantsMerge: false,
        mayReject: false,
        forceReturn: status === "returned",
      };
      const row = simulateCase(d.base, plan, ctx, new Rng((seed ^ Math.imul(i + 1, 2_654_435_761)) >>> 0)).finish();
      if (row.status !== status) continue;
      cases[i] = row;
      used.add(i);
      break;
    }
  }
}
