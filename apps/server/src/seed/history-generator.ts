// A year of demo history, generated in memory: pure and deterministic for a seed (the article's
// scale: 78,182 problems found, 78,013 resolved). Cases are drawn in report order: when, through
// which channel, what (category × season), where (grid and point), routed like live intake, then
// walked through the case state machine up to `now` (history/lifecycle.ts).
import { DEFAULT_LIMIT_DAYS, type ResponsibilityEntry, routeCase } from "@civicgrid/domain";
import type { CaseStatus } from "@civicgrid/shared";
import type { CaseBase } from "./history/case-sim.ts";
import { type CasePlan, type LifecycleContext, simulateCase } from "./history/lifecycle.ts";
import { reporterName, reporterPhone } from "./history/people.ts";
import { distanceMeters, HistoryPlaces } from "./history/places.ts";
import { pickWeighted, Rng } from "./history/random.ts";
import { HistoryTexts } from "./history/texts.ts";
import { cstDate, DAY, dayIndex, HistoryClock, MINUTE, monthOfDay } from "./history/time.ts";
import type { GeneratedHistory, GenerateHistoryOptions, HistoryCase } from "./history/types.ts";

export type * from "./history/types.ts";

/** Channels, as in the article's platform: grid workers find most problems, 12345 brings a third. */
export const SOURCE_MIX = { grid: 0.55, hotline: 0.28, web: 0.08, app: 0.05, media: 0.02, open311: 0.02 } as const;
/** Chance that a case from the channel is filed under the 12345 taxonomy (H…); ≈10% overall. */
const HOTLINE_TAXONOMY: Record<string, number> = { hotline: 0.3, web: 0.15, app: 0.1, media: 0.05 };
/** Channels whose reporters leave a name and a phone number. */
const NAMED_SOURCES = new Set(["hotline", "web", "app"]);
/** Cases that get stuck for good (disputed responsibility, historical problems) and where they stop. */
const STUCK_SHARE = 0.0019;
const HOLD_STAGES = { accepted: 0.5, dispatched: 0.12, returned: 0.15, registered: 0.1, handled: 0.13 } as const;
/** Duplicates joined to an earlier open case of the same category nearby. */
const MERGE_SHARE = 0.02;
const MERGE_RADIUS_M = 1500;
const OPEN_STATES: CaseStatus[] = ["reported", "registered", "dispatched", "accepted", "returned", "handled"];
export const DEFAULT_HISTORY_SEED = 20_250_101;

interface Drawn {
  base: CaseBase;
  plan: CasePlan;
}

export function generateHistory(opts: GenerateHistoryOptions): GeneratedHistory {
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

  const sources = Array.from({ length: opts.count }, () => pickWeighted(rng, SOURCE_MIX));
  let hotlineShare = 0;
  for (const [s, p] of Object.entries(SOURCE_MIX)) hotlineShare += p * (HOTLINE_TAXONOMY[s] ?? 0);
  const reports = clock.sampleReports(opts.count, now, rng, texts.monthFactors(hotlineShare), sources);

  const cases: HistoryCase[] = [];
  const drawn: Drawn[] = [];
  const terminalAt: number[] = [];
  const indexOfId = new Map<string, number>();
  const mergeIndex = new Map<string, number[]>();
  const perDay = new Map<string, number>();
  let mergeDebt = 0;

  for (const [i, report] of reports.entries()) {
    const caseRng = rng.fork();
    const month = monthOfDay(dayIndex(report.at));
    const category = texts.drawCategory(caseRng, month, caseRng.chance(HOTLINE_TAXONOMY[report.source] ?? 0));
    const { place, lat, lng } = places.sample(caseRng);
    const route = routeCase(place, responsibility.get(category.categoryCode) ?? null, places);
    const centre = places.centreOf(place.township) ?? places.centreOf(place.district);
    if (!centre) throw new Error(`history: no centre for ${place.township}`);
    const communityName = places.divisionName(place.community);
    const vars = texts.vars(caseRng, communityName);
    const { title, description } = texts.caseText(caseRng, category, vars);
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
    if (caseRng.chance(MERGE_SHARE)) mergeDebt = Math.min(mergeDebt + 1, 25);
    const key = `${category.categoryCode}|${place.township}`;
    const hold = caseRng.chance(STUCK_SHARE) ? pickWeighted(caseRng, HOLD_STAGES) : null;
    const plan: CasePlan = {
      place,
      category,
      vars,
      hold,
      wantsMerge: mergeDebt > 0,
      mayReject: true,
      forceReturn: hold === "returned",
      findMergeTarget: (at) => {
        const list = mergeIndex.get(key) ?? [];
        for (let k = list.length - 1, seen = 0; k >= 0 && seen < 40; k--, seen++) {
          const j = list[k] as number;
          const c = cases[j] as HistoryCase;
          if (c.reportedAt.getTime() >= at || (terminalAt[j] as number) <= at + 10 * MINUTE) continue;
          if (distanceMeters(c.lat, c.lng, lat, lng) <= MERGE_RADIUS_M) return { id: c.id, code: c.code };
        }
        return null;
      },
    };
    const sim = simulateCase(base, plan, ctx, caseRng);
    const row = sim.finish();
    cases.push(row);
    indexOfId.set(row.id, i);
    drawn.push({ base, plan });
    terminalAt.push(sim.firstTerminalAt);
    if (row.status === "merged") {
      mergeDebt--;
      joinDuplicate(cases[indexOfId.get(row.mergedIntoId as string) as number], row);
    } else if (row.status !== "rejected") {
      const list = mergeIndex.get(key) ?? [];
      list.push(i);
      mergeIndex.set(key, list);
    }
  }

  fillOpenStages(cases, drawn, ctx, seed, now);
  const counters = new Map<string, number>();
  for (const [day, n] of perDay) counters.set(day, (opts.codeOffsets?.get(day) ?? 0) + n);
  let eventCount = 0;
  for (const c of cases) eventCount += c.events.length;
  return { cases, counters, eventCount };
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
function fillOpenStages(cases: HistoryCase[], drawn: Drawn[], ctx: LifecycleContext, seed: number, now: number) {
  const present = new Set(cases.map((c) => c.status));
  const used = new Set<number>();
  for (const status of OPEN_STATES) {
    if (present.has(status)) continue;
    // later stages need time to be reached: look a little back for them
    const minAge = status === "reported" ? 0 : status === "registered" ? 0.2 * DAY : 2 * DAY;
    let tries = 0;
    for (let i = cases.length - 1; i >= 0 && tries < 300; i--) {
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
