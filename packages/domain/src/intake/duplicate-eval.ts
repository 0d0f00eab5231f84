// Measuring the duplicate candidates on real messages: some messages become open cases in a small
// synthetic city, laid out in neighbourhoods where cases of the same category sit close together;
// re-reports of them (re-report.ts: reworded, nearby, days later) and other real messages placed in
// the same neighbourhoods at the same time are the queries. A candidate list is right when it names
// the case the re-report came from; recall counts re-reports whose origin is listed, precision the
// listed cases that are origins. Pure and seeded: the same messages and seed give the same figures.
import { duplicateRuleFor } from "./duplicate-rules.ts";
import { DUPLICATE_LIST_LIMIT, rankDuplicates } from "./duplicates.ts";
import { type Point, pointNear, reword } from "./re-report.ts";
import type { SimilarCandidate } from "./similarity.ts";

export interface LabelledMessage {
  id: string;
  title: string;
  detail: string;
  /** a category code of the platform (e.g. the hotline level-1 class of the message's label) */
  categoryCode: string;
}

export interface ScenarioOptions {
  seed: number;
  /** share of messages that become open cases (the rest are the unrelated reports) */
  originalShare?: number;
  /** share of open cases that are re-reported (once, sometimes twice) */
  reReportShare?: number;
  /** how many open cases share one neighbourhood */
  neighbourhoodSize?: number;
  /** share of re-reports whose reporter picked no category */
  uncategorisedShare?: number;
  /** the re-report comes at most this many days after the case */
  maxDelayDays?: number;
  /** share of re-reports that are only a summary: the title and at most one sentence (re-report.ts) */
  summaryShare?: number;
}

export interface ScenarioCase extends SimilarCandidate {
  /** the message the case or report tells: the ground truth */
  problem: string;
}

export interface ScenarioQuery extends Point {
  text: string;
  categoryCode: string | null;
  at: Date;
  problem: string;
  kind: "re-report" | "unrelated";
  rules: string[];
}

export interface Scenario {
  cases: ScenarioCase[];
  queries: ScenarioQuery[];
}

/** mulberry32: small, seeded, repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const ORIGIN: Point = { lat: 41.108, lng: 122.994 };
const START = Date.UTC(2026, 2, 1);

/** Builds the open cases and the queries from the messages (deduplicated by id and by text first). */
export function buildScenario(messages: readonly LabelledMessage[], opts: ScenarioOptions): Scenario {
  const random = seeded(opts.seed);
  const {
    originalShare = 0.6,
    reReportShare = 0.7,
    neighbourhoodSize = 6,
    uncategorisedShare = 0.2,
    maxDelayDays = 7,
    summaryShare,
  } = opts;
  const unique = dedupe(messages);
  const order = unique.map((m) => ({ m, r: random() })).sort((a, b) => a.r - b.r);
  const cut = Math.round(order.length * originalShare);
  // neighbourhoods of mostly one category: sorted by category, then cut into runs
  const originals = order
    .slice(0, cut)
    .map((x) => x.m)
    .sort((a, b) => a.categoryCode.localeCompare(b.categoryCode));
  const others = order.slice(cut).map((x) => x.m);

  const hoods: { centre: Point; start: number; categoryCode: string; members: ScenarioCase[] }[] = [];
  const cases: ScenarioCase[] = [];
  for (let i = 0; i < originals.length; i += neighbourhoodSize) {
    // neighbourhoods scattered over ~20 × 20 km; some overlap, as in a real city
    const centre = pointNear(ORIGIN, 10_000 * Math.sqrt(random()), random);
    const start = START + Math.floor(random() * 60) * DAY;
    const members = originals.slice(i, i + neighbourhoodSize).map((m) => {
      const radius = duplicateRuleFor(m.categoryCode).radiusM;
      const c: ScenarioCase = {
        id: m.id,
        problem: m.id,
        text: `${m.title} ${m.detail}`,
        categoryCode: m.categoryCode,
        ...pointNear(centre, 0.5 * radius * random(), random),
        reportedAt: new Date(start + random() * 20 * DAY),
      };
      return c;
    });
    cases.push(...members);
    hoods.push({ centre, start, categoryCode: members[0]?.categoryCode ?? "", members });
  }

  const queries: ScenarioQuery[] = [];
  for (const c of cases) {
    const copies = random() < reReportShare ? (random() < 0.2 ? 2 : 1) : 0;
    for (let k = 0; k < copies; k++) {
      const source = unique.find((m) => m.id === c.problem) as LabelledMessage;
      const r = reword(source, random, { summaryShare });
      const radius = duplicateRuleFor(c.categoryCode).radiusM;
      queries.push({
        text: `${r.title} ${r.detail}`.trim(),
        categoryCode: random() < uncategorisedShare ? null : c.categoryCode,
        ...pointNear(c, 0.8 * radius * random(), random),
        at: new Date(c.reportedAt.getTime() + (0.05 + random() * (maxDelayDays - 0.05)) * DAY),
        problem: c.problem,
        kind: "re-report",
        rules: r.rules,
      });
    }
  }
  for (const m of others) {
    // into a neighbourhood of its own category when there is one: the hard case
    const same = hoods.filter((h) => h.categoryCode === m.categoryCode);
    const hood = (same.length > 0 ? same : hoods)[Math.floor(random() * (same.length || hoods.length))];
    if (!hood) continue;
    const radius = duplicateRuleFor(m.categoryCode).radiusM;
    queries.push({
      text: `${m.title} ${m.detail}`,
      categoryCode: random() < uncategorisedShare ? null : m.categoryCode,
      ...pointNear(hood.centre, 0.5 * radius * random(), random),
      at: new Date(hood.start + random() * 25 * DAY),
      problem: m.id,
      kind: "unrelated",
      rules: [],
    });
  }
  return { cases, queries };
}

/** One message per id, and one per text (the set holds a message twice). */
function dedupe(messages: readonly LabelledMessage[]): LabelledMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = `${m.title}\u0000${m.detail}`;
    if (seen.has(m.id) || seen.has(key)) return false;
    seen.add(m.id);
    seen.add(key);
    return true;
  });
}

export interface DuplicateMetrics {
  threshold: number;
  reReports: number;
  unrelated: number;
  /** re-reports whose origin is in their candidate list ÷ re-reports */
  recall: number;
  /** listed candidates that are the query's origin ÷ listed candidates (1 when nothing is listed) */
  precision: number;
  listed: number;
  /** unrelated reports shown at least one candidate ÷ unrelated reports */
  falseAlarmRate: number;
}

/** The candidate lists of all queries at one threshold, scored against the truth. */
export function evaluateDuplicates(scenario: Scenario, threshold: number): DuplicateMetrics {
  let reReports = 0;
  let found = 0;
  let listed = 0;
  let right = 0;
  let unrelated = 0;
  let alarms = 0;
  for (const q of scenario.queries) {
    // what was open when the report came in
    const open = scenario.cases.filter((c) => c.reportedAt <= q.at);
    const list = rankDuplicates(q, open, { minText: threshold, limit: DUPLICATE_LIST_LIMIT });
    listed += list.length;
    right += list.filter((x) => x.candidate.problem === q.problem).length;
    if (q.kind === "re-report") {
      reReports++;
      if (list.some((x) => x.candidate.problem === q.problem)) found++;
    } else {
      unrelated++;
      if (list.length > 0) alarms++;
    }
  }
  return {
    threshold,
    reReports,
    unrelated,
    recall: reReports ? found / reReports : 1,
    precision: listed ? right / listed : 1,
    listed,
    falseAlarmRate: unrelated ? alarms / unrelated : 0,
  };
}

/** The figures of every threshold of `grid`, averaged over the scenarios (counts summed). */
export function sweepThresholds(scenarios: readonly Scenario[], grid: readonly number[]): DuplicateMetrics[] {
  return grid.map((threshold) => {
    const ms = scenarios.map((sc) => evaluateDuplicates(sc, threshold));
    const mean = (k: "recall" | "precision" | "falseAlarmRate") => ms.reduce((x, m) => x + m[k], 0) / ms.length;
    const sum = (k: "reReports" | "unrelated" | "listed") => ms.reduce((x, m) => x + m[k], 0);
    return {
      threshold,
      recall: mean("recall"),
      precision: mean("precision"),
      falseAlarmRate: mean("falseAlarmRate"),
      reReports: sum("reReports"),
      unrelated: sum("unrelated"),
      listed: sum("listed"),
    };
  });
}

export const f1Of = (m: Pick<DuplicateMetrics, "recall" | "precision">) =>
  m.recall + m.precision > 0 ? (2 * m.recall * m.precision) / (m.recall + m.precision) : 0;

/** The calibration rule: the threshold of best F1 (the lower one on a tie). */
export function chooseDuplicateThreshold(sweep: readonly DuplicateMetrics[]): DuplicateMetrics | null {
  let best: DuplicateMetrics | null = null;
  for (const m of [...sweep].sort((a, b) => a.threshold - b.threshold)) {
    if (!best || f1Of(m) > f1Of(best) + 1e-9) best = m;
  }
  return best;
}
