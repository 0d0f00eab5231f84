// npm run eval:duplicates [-- --file a.csv] [--seeds 5]: recall and precision of the duplicate
// candidates on re-reports made from real messages (packages/domain/src/intake/duplicate-eval.ts).
// The messages are split in two halves (seeded). Calibration: the threshold of best F1 on each half
// (mean of seeds 1–3) — half A's choice is the platform's DUPLICATE_MIN_TEXT. Held out: that fixed
// threshold on half B, and on the whole set, over several seeds. Last line, for scripts:
// `recall=<x> precision=<x>` (three decimals: half B, the held-out half, mean over seeds).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import {
  buildScenario,
  chooseDuplicateThreshold,
  type DuplicateMetrics,
  evaluateDuplicates,
  f1Of,
  type LabelledMessage,
  type ScenarioOptions,
  seeded,
  sweepThresholds,
} from "../packages/domain/src/intake/duplicate-eval.ts";
import { DUPLICATE_MIN_TEXT } from "../packages/domain/src/intake/duplicates.ts";

const ROOT = resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    file: { type: "string", default: "test-data/complaints/zh_teddy2020C_messages_labeled_495.csv" },
    seeds: { type: "string", default: "5" },
    // accepted so that `npm run eval -- --duplicates` may hand over to this script
    duplicates: { type: "boolean", default: true },
  },
});

/** The label of a message → the platform's hotline level-1 category of the same name (seed data). */
function categoryOfLabel(): Map<string, string> {
  const categories = JSON.parse(readFileSync(resolve(ROOT, "apps/server/seed-data/categories.json"), "utf8")) as {
    code: string;
    name: string;
    kind: string;
    parentCode: string | null;
  }[];
  return new Map(categories.filter((c) => c.kind === "hotline" && c.parentCode === null).map((c) => [c.name, c.code]));
}

function readMessages(file: string): LabelledMessage[] {
  const rows = parse(readFileSync(resolve(ROOT, file)), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const byLabel = categoryOfLabel();
  return rows.map((r) => {
    const label = r.label_l1 ?? "";
    const categoryCode = byLabel.get(label);
    if (!categoryCode) throw new Error(`label "${label}" is no hotline level-1 category`);
    return { id: String(r.id), title: r.title ?? "", detail: r.detail ?? "", categoryCode };
  });
}

const f3 = (x: number) => x.toFixed(3);
const row = (name: string, m: DuplicateMetrics) =>
  `${name.padEnd(18)} θ=${m.threshold.toFixed(3)}  re-reports=${String(m.reReports).padStart(4)}  ` +
  `unrelated=${String(m.unrelated).padStart(4)}  recall=${f3(m.recall)}  precision=${f3(m.precision)}  ` +
  `listed=${String(m.listed).padStart(4)}  false-alarm=${f3(m.falseAlarmRate)}`;

const messages = readMessages(values.file);
const seeds = Math.max(1, Number(values.seeds) || 5);
const GRID = Array.from({ length: 19 }, (_, i) => Math.round((0.05 + i * 0.025) * 1000) / 1000);
const CALIBRATION_SEEDS = [1, 2, 3];

const splitRandom = seeded(20260);
const split = messages
  .map((m) => ({ m, k: splitRandom() }))
  .sort((a, b) => a.k - b.k)
  .map((x) => x.m);
const half = Math.floor(split.length / 2);
const halves = { A: split.slice(0, half), B: split.slice(half) };

console.log(`messages: ${messages.length} (${values.file})`);
console.log(`platform threshold DUPLICATE_MIN_TEXT=${DUPLICATE_MIN_TEXT}`);
console.log(`\ncalibration (mean of seeds ${CALIBRATION_SEEDS.join(", ")}; rule: best F1):`);
for (const [name, msgs] of Object.entries(halves)) {
  const sweep = sweepThresholds(
    CALIBRATION_SEEDS.map((seed) => buildScenario(msgs, { seed })),
    GRID,
  );
  const best = chooseDuplicateThreshold(sweep);
  console.log(`  half ${name}: best F1 ${f3(best ? f1Of(best) : 0)} at θ=${best?.threshold ?? "none"}`);
  for (const m of sweep) console.log(`    ${row("", m)}`);
}

console.log(`\nheld out, at θ=${DUPLICATE_MIN_TEXT}, seeds 1–${seeds}:`);
const mean = { B: { recall: 0, precision: 0 }, all: { recall: 0, precision: 0 } };
for (let seed = 1; seed <= seeds; seed++) {
  const b = evaluateDuplicates(buildScenario(halves.B, { seed }), DUPLICATE_MIN_TEXT);
  const all = evaluateDuplicates(buildScenario(messages, { seed }), DUPLICATE_MIN_TEXT);
  console.log(row(`half B seed ${seed}`, b));
  console.log(row(`all seed ${seed}`, all));
  for (const [k, m] of [
    ["B", b],
    ["all", all],
  ] as const) {
    mean[k].recall += m.recall / seeds;
    mean[k].precision += m.precision / seeds;
  }
}
console.log(`mean, whole set: recall=${f3(mean.all.recall)} precision=${f3(mean.all.precision)}`);

// harder than the default mix, to show where it breaks (whole set, seed 1)
console.log(`\nstress, whole set, θ=${DUPLICATE_MIN_TEXT}, seed 1:`);
const STRESS: [string, ScenarioOptions][] = [
  ["summaries only", { seed: 1, summaryShare: 1 }],
  ["no categories", { seed: 1, uncategorisedShare: 1 }],
  ["crowded (12/hood)", { seed: 1, neighbourhoodSize: 12 }],
  ["late (≤ 20 days)", { seed: 1, maxDelayDays: 20 }],
];
for (const [name, options] of STRESS)
  console.log(row(name, evaluateDuplicates(buildScenario(messages, options), DUPLICATE_MIN_TEXT)));
console.log(`recall=${f3(mean.B.recall)} precision=${f3(mean.B.precision)}`);
