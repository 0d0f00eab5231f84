// `npm run eval`: how well the report classifier (packages/domain/src/intel) does on labelled
// messages it has not seen. See docs/classification.md.
//
//   npm run eval                              5-fold CV on the 495 real messages (test-data/complaints)
//   npm run eval -- --file a.csv              5-fold CV on any CSV with the same columns
//   npm run eval -- --train a.csv --test b.csv   train on one, score the other
//   options: --folds N (5)  --seed N (1)  --speed (also time 100,000 synthetic reports)  --speed-size N
//   variants (for the comparisons in the doc): --trainer softmax|svm|nb-svm|nb-lr|complement-nb
//     --param λ|α  --select (inner CV picks from SELECTION_GRID)  --max-ngram N  --segmenter-words
//     --title-namespace on|off  --block-normalise on|off
//
// CSV columns: `title` and/or `detail` (joined by a newline), or `text`; the label in `label_l1`,
// else `label`. The last line is always `accuracy=… macroF1=… top3=…` for scripts to read.

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  calibrationError,
  chooseThreshold,
  crossValidate,
  DEFAULT_FEATURES,
  DEFAULT_TRAINER,
  type EvaluationResult,
  evaluateSplit,
  predictTopK,
  SELECTION_GRID,
  type TrainerKind,
  type TrainingExample,
  type TrainOptions,
  trainTextModel,
} from "../packages/domain/src/intel/classifier.ts";
import { formatMetrics, lastLine } from "./eval/report.ts";
import { type LabelledText, synthesise } from "./eval/synthetic.ts";
import { parseCsv } from "./seed-content/csv.ts";

const DEFAULT_FILE = "test-data/complaints/zh_teddy2020C_messages_labeled_495.csv";

function readLabelled(path: string): LabelledText[] {
  const rows = parseCsv(readFileSync(path, "utf8"));
  const out = rows.map((r) => ({
    title: r.title ?? "",
    detail: r.detail ?? r.text ?? "",
    label: (r.label_l1 ?? r.label ?? "").trim(),
  }));
  const usable = out.filter((r) => r.label !== "" && `${r.title}${r.detail}`.trim() !== "");
  if (usable.length === 0)
    throw new Error(`${path}: no rows with a label (label_l1/label) and text (title/detail/text)`);
  if (usable.length < out.length)
    console.log(`${path}: skipped ${out.length - usable.length} rows without label or text`);
  return usable;
}

const toExample = (r: LabelledText): TrainingExample => ({
  text: [r.title, r.detail].filter((s) => s.trim() !== "").join("\n"),
  label: r.label,
});

function describe(name: string, rows: readonly LabelledText[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`);
  return `${name}: ${rows.length} messages, ${counts.size} labels (${parts.join(", ")})`;
}

/** Wall-clock and CPU milliseconds of fn (CPU shows the work when the machine is shared). */
function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - t0, cpuMs: (used.user + used.system) / 1000 };
}

function printResult(r: EvaluationResult): void {
  for (const line of formatMetrics(r)) console.log(line);
  console.log("");
  const models = r.chosen.map((c) => `${c.trainer} λ/α=${c.hyperParameter.toPrecision(3)} T=${c.temperature}`);
  console.log(`models: ${[...new Set(models)].join("; ")}`);
  console.log(
    `training: ${r.trainMs.toFixed(0)} ms in total for ${r.chosen.length} model(s) (incl. the inner calibration folds)`,
  );
  console.log(`prediction: ${r.predictionsPerSecond.toFixed(0)} predictions/s on the held-out messages (top-3)`);
  console.log(`calibration: expected calibration error ${calibrationError(r.scored).toFixed(3)} (10 bins, top label)`);
  const t = chooseThreshold(r.scored, 0.95);
  console.log(
    t.threshold === null
      ? "auto-dispatch threshold for precision ≥ 0.95: none reaches it on these held-out predictions"
      : `auto-dispatch threshold for precision ≥ 0.95: confidence ≥ ${t.threshold.toFixed(3)} → precision ${t.precision.toFixed(3)}, coverage ${t.coverage.toFixed(3)} (${t.count} of ${r.scored.length})`,
  );
}

function speed(source: readonly LabelledText[], size: number, opts: TrainOptions): void {
  const seed = opts.seed ?? 1;
  console.log("");
  console.log(`speed on ${size} synthetic reports (titles and sentences of the real messages recombined within`);
  console.log("a label; real words, new combinations — for timing only, its accuracy would be meaningless)");
  const gen = timed(() => ({
    train: synthesise(source, size, seed + 100),
    test: synthesise(source, size, seed + 200),
  }));
  const avg = gen.value.train.reduce((s, r) => s + r.title.length + r.detail.length, 0) / size;
  console.log(`  generated 2 × ${size} reports, ${avg.toFixed(0)} characters on average`);
  const train = timed(() => trainTextModel(gen.value.train.map(toExample), opts));
  const model = train.value;
  console.log(
    `  training on ${size}: ${(train.wallMs / 1000).toFixed(1)} s wall, ${(train.cpuMs / 1000).toFixed(1)} s CPU ` +
      `(${model.terms.length} features, ${model.labels.length} labels, model JSON ${(JSON.stringify(model).length / 1e6).toFixed(1)} MB)`,
  );
  const texts = gen.value.test.map((r) => toExample(r).text);
  const run = timed(() => {
    let n = 0;
    for (const text of texts) n += predictTopK(model, text, 3).length;
    return n;
  });
  console.log(
    `  predicting ${size} (top-3 with driving terms): ${(run.wallMs / 1000).toFixed(1)} s wall → ` +
      `${((size * 1000) / run.wallMs).toFixed(0)} predictions/s (CPU: ${((size * 1000) / run.cpuMs).toFixed(0)}/s)`,
  );
}

function main(): void {
  const { values } = parseArgs({
    options: {
      file: { type: "string" },
      train: { type: "string" },
      test: { type: "string" },
      folds: { type: "string", default: "5" },
      seed: { type: "string", default: "1" },
      speed: { type: "boolean", default: false },
      "speed-size": { type: "string", default: "100000" },
      trainer: { type: "string" },
      param: { type: "string" },
      select: { type: "boolean", default: false },
      "max-ngram": { type: "string" },
      "segmenter-words": { type: "boolean", default: false },
      "title-namespace": { type: "string" },
      "block-normalise": { type: "string" },
    },
  });
  const opts: TrainOptions = { seed: Number(values.seed) };
  const trainers: readonly TrainerKind[] = ["softmax", "svm", "nb-svm", "nb-lr", "complement-nb"];
  const trainer = trainers.find((t) => t === values.trainer);
  if (trainer) {
    opts.candidate = { trainer, ...(values.param ? { hyperParameter: Number(values.param) } : {}) };
  } else if (values.trainer) throw new Error(`--trainer is one of ${trainers.join(", ")}`);
  const onOff = (name: string, v: string | undefined): boolean | undefined => {
    if (v === undefined) return undefined;
    if (v !== "on" && v !== "off") throw new Error(`--${name} is on or off`);
    return v === "on";
  };
  const titleNamespace = onOff("title-namespace", values["title-namespace"]);
  const blockNormalise = onOff("block-normalise", values["block-normalise"]);
  if (titleNamespace !== undefined) opts.titleNamespace = titleNamespace;
  if (blockNormalise !== undefined) opts.blockNormalise = blockNormalise;
  if (values.select) opts.candidates = SELECTION_GRID;
  if (values["max-ngram"]) opts.maxNgram = Number(values["max-ngram"]);
  if (values["segmenter-words"]) opts.segmenterWords = true;
  const names: Record<TrainerKind, string> = {
    softmax: "softmax regression",
    svm: "one-vs-rest linear SVM (squared hinge)",
    "nb-svm": "one-vs-rest NB-SVM (β = 0.25)",
    "nb-lr": "one-vs-rest NB-LR (β = 0.25)",
    "complement-nb": "complement naive Bayes",
  };
  const chosen = opts.candidate?.trainer ?? DEFAULT_TRAINER;
  const method = values.select
    ? "inner 3-fold CV picks among softmax λ ∈ {1e-2 … 1e-4} and complement NB α ∈ {1, 0.1, 0.01}"
    : chosen === "complement-nb"
      ? `complement naive Bayes, α = ${opts.candidate?.hyperParameter ?? 0.1}`
      : `${names[chosen]}, λ = ${opts.candidate?.hyperParameter ?? "1/N"}`;
  const title = (opts.titleNamespace ?? DEFAULT_FEATURES.titleNamespace) ? " + title features (t:)" : "";
  const blocks = (opts.blockNormalise ?? DEFAULT_FEATURES.blockNormalise) ? ", each block normalised on its own" : "";
  const features = `Han character ${opts.minNgram ?? 1}–${opts.maxNgram ?? 2}-grams${opts.segmenterWords ? " + ICU words" : ""}, Latin words${title}${blocks}`;
  const seed = Number(values.seed);
  const folds = Number(values.folds);
  let result: EvaluationResult;
  let source: LabelledText[];
  if (values.train || values.test) {
    if (!values.train || !values.test) throw new Error("--train and --test go together");
    const train = readLabelled(values.train);
    const test = readLabelled(values.test);
    console.log(describe(`train ${values.train}`, train));
    console.log(describe(`test ${values.test}`, test));
    console.log(`method: TF-IDF (${features}) + ${method}\n`);
    result = evaluateSplit(train.map(toExample), test.map(toExample), opts);
    source = train;
  } else {
    const file = values.file ?? DEFAULT_FILE;
    source = readLabelled(file);
    console.log(describe(file, source));
    console.log(`method: TF-IDF (${features}) + ${method}`);
    console.log(`evaluation: ${folds}-fold stratified cross-validation, seed ${seed}\n`);
    result = crossValidate(source.map(toExample), folds, seed, opts);
  }
  printResult(result);
  if (values.speed) speed(source, Number(values["speed-size"]), opts);
  else console.log("(add --speed to time training and prediction on 100,000 synthetic reports)");
  console.log(lastLine(result));
}

main();
