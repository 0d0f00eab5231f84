// One training run of the routing models (pure CPU work; runs in a worker thread, train-worker.ts):
// the category model and the unit (seat) model from the same closed cases, their held-out figures, the
// auto-dispatch threshold per suggested category, and whether the run is not worse than the active pair.
//
// Held-out data: a stratified 20 % of the cases (fold 0 of 5) is kept out; models trained on the other
// 80 % predict it, which gives the figures and the thresholds. The stored models are then trained on
// all cases (standard practice: the figures estimate a model trained on a little less data).
import {
  atStoredPrecision,
  chooseThreshold,
  classificationMetrics,
  encodeTextModel,
  type LabelFigures,
  type Prediction,
  parseTextModel,
  predictTopK,
  type StoredTextModel,
  stratifiedFolds,
  type TextModel,
  type TrainingExample,
  trainTextModel,
} from "@civicgrid/domain";
import { OTHER_LABEL } from "./seats.ts";

export interface RoutingExample {
  /** title + "\n" + description */
  text: string;
  /** the final category code, or null when the case had none */
  category: string | null;
  /** the owner's seat at closure (seats.ts), or null when the case was never with a dispatchable unit */
  seat: string | null;
  /** close time (ms since epoch) */
  closedAt: number;
}

export interface RoutingTrainingOptions {
  /** labels with fewer training cases become OTHER_LABEL (never suggested) */
  minCategoryExamples: number;
  minUnitExamples: number;
  /** precision the auto-dispatch threshold must keep on held-out cases */
  minPrecision: number;
  /** a threshold must rest on at least this many held-out cases above it */
  minThresholdCount: number;
  /** softmax up to this many labels; complement naive Bayes beyond (softmax time grows with labels) */
  softmaxMaxLabels: number;
  /** compare with the active models on at least this many held-out cases neither has seen */
  compareMinCases: number;
  /** "not worse": the new accuracy may be this much lower (noise between two fits on similar data) */
  tolerance: number;
  seed: number;
}

export const ROUTING_TRAINING_DEFAULTS: RoutingTrainingOptions = {
  minCategoryExamples: 10,
  minUnitExamples: 20,
  minPrecision: 0.95,
  minThresholdCount: 20,
  softmaxMaxLabels: 60,
  compareMinCases: 200,
  tolerance: 0.01,
  seed: 1,
};

/** The active pair, to compare the new run with. */
export interface ActivePair {
  version: number;
  /** newest close time the active models learnt from (ms); held-out cases closed later are new to them */
  dataUntil: number | null;
  category: unknown;
  unit: unknown;
  /** their recorded held-out accuracies, the fallback comparison */
  recorded: { category: number; unit: number };
}

export interface ThresholdFigures {
  threshold: number | null;
  precision: number;
  /** share of the category's held-out cases at or above the threshold */
  coverage: number;
  /** held-out cases at or above it */
  count: number;
  /** held-out cases suggested as this category */
  support: number;
}

export interface KindFigures {
  /** held-out cases scored */
  heldOut: number;
  accuracy: number;
  macroF1: number;
  top3: number;
  perLabel: LabelFigures[];
  labels: number;
  /** share of held-out cases whose true label is OTHER_LABEL */
  otherShare: number;
  trainer: string;
  /** training milliseconds: held-out model and stored model */
  trainMs: number;
  /** unit model only: per suggested category */
  thresholds?: Record<string, ThresholdFigures>;
}

export interface TrainedKind {
  /** the model in its stored form (JSON part + weight block: text-model-format.ts) */
  model: StoredTextModel;
  trainedOn: number;
  figures: KindFigures;
}

export interface Comparison {
  basis: "first" | "fresh-held-out" | "recorded";
  /** held-out cases the comparison ran on (fresh-held-out), else 0 */
  cases: number;
  candidate: { category: number; unit: number };
  active: { category: number; unit: number } | null;
  notWorse: boolean;
}

export interface RoutingTrainingResult {
  category: TrainedKind;
  unit: TrainedKind;
  comparison: Comparison;
  /** newest close time among the examples */
  dataUntil: number | null;
}

export class NotEnoughTrainingData extends Error {}

interface Labelled extends TrainingExample {
  /** index into the examples */
  i: number;
}

/** Labels with at least `min` examples; the rest become OTHER_LABEL. */
function capLabels(examples: { text: string; label: string; i: number }[], min: number): Labelled[] {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  return examples.map((e) => ({ ...e, label: (counts.get(e.label) ?? 0) >= min ? e.label : OTHER_LABEL }));
}

function trainerFor(examples: readonly Labelled[], o: RoutingTrainingOptions) {
  const labels = new Set(examples.map((e) => e.label)).size;
  return labels <= o.softmaxMaxLabels ? ("softmax" as const) : ("complement-nb" as const);
}

function fit(examples: readonly Labelled[], trainer: "softmax" | "complement-nb", seed: number) {
  if (new Set(examples.map((e) => e.label)).size < 2) throw new NotEnoughTrainingData("fewer than two labels");
  const t0 = performance.now();
  // The trainers and features measured on the demo's cases (docs/classification.md, "On the server");
  // the eval's defaults (NB-SVM, a separate title block) were chosen on the 495 messages and are not
  // measured on a city's hundreds of categories yet.
  const model = trainTextModel(examples, {
    candidate: { trainer },
    seed,
    titleNamespace: false,
    blockNormalise: false,
  });
  return { model, ms: performance.now() - t0 };
}

/** A held-out model with the weights it would be stored with, so its figures are the stored model's. */
function fitAsStored(examples: readonly Labelled[], trainer: "softmax" | "complement-nb", seed: number) {
  const { model, ms } = fit(examples, trainer, seed);
  return { model: atStoredPrecision(model), ms };
}

/** The first suggestion that is a real label (OTHER_LABEL is never suggested). */
export function firstReal(predictions: readonly Prediction[]): Prediction | null {
  return predictions.find((p) => p.label !== OTHER_LABEL) ?? null;
}

function figuresOf(
  test: readonly Labelled[],
  ranked: Map<number, Prediction[]>,
  trainer: string,
  trainMs: number,
): KindFigures {
  const outcomes = test.map((e) => ({ actual: e.label, ranked: (ranked.get(e.i) ?? []).map((p) => p.label) }));
  const m = classificationMetrics(outcomes);
  return {
    heldOut: test.length,
    accuracy: m.accuracy,
    macroF1: m.macroF1,
    top3: m.top3,
    perLabel: m.perLabel.filter((l) => l.support > 0 || l.precision > 0),
    labels: new Set(test.map((e) => e.label)).size,
    otherShare: test.length ? test.filter((e) => e.label === OTHER_LABEL).length / test.length : 0,
    trainer,
    trainMs: Math.round(trainMs),
  };
}

/**
 * Auto-dispatch thresholds: for the held-out cases with a known owner seat, grouped by the category
 * the category model suggests for them (the setting that would apply), the lowest unit confidence at
 * which the top unit suggestion is right ≥ minPrecision of the time. A top suggestion of OTHER_LABEL
 * is never dispatched: it counts in the category's cases but never above a threshold.
 */
function thresholdsOf(
  unitTest: readonly Labelled[],
  categoryOf: (i: number) => string | null,
  unitTop: Map<number, Prediction[]>,
  o: RoutingTrainingOptions,
): Record<string, ThresholdFigures> {
  const groups = new Map<string, { all: number; scored: { confidence: number; correct: boolean }[] }>();
  for (const e of unitTest) {
    const category = categoryOf(e.i);
    const top = unitTop.get(e.i)?.[0];
    if (!category || !top) continue;
    const g = groups.get(category) ?? { all: 0, scored: [] };
    groups.set(category, g);
    g.all++;
    if (top.label !== OTHER_LABEL) g.scored.push({ confidence: top.confidence, correct: top.label === e.label });
  }
  const out: Record<string, ThresholdFigures> = {};
  for (const [category, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const choice = chooseThreshold(g.scored, o.minPrecision, o.minThresholdCount);
    out[category] = {
      threshold: choice.threshold,
      precision: choice.precision,
      coverage: g.all ? choice.count / g.all : 0,
      count: choice.count,
      support: g.all,
    };
  }
  return out;
}

function accuracyOn(model: TextModel, examples: readonly Labelled[]): number {
  if (!examples.length) return 0;
  let right = 0;
  for (const e of examples) if (predictTopK(model, e.text, 1, 0)[0]?.label === e.label) right++;
  return right / examples.length;
}

/** Train both models, measure them on held-out cases, and compare with the active pair. */
export function trainRouting(
  examples: readonly RoutingExample[],
  active: ActivePair | null,
  options: Partial<RoutingTrainingOptions> = {},
): RoutingTrainingResult {
  const o = { ...ROUTING_TRAINING_DEFAULTS, ...options };
  const cat = capLabels(
    examples.flatMap((e, i) => (e.category ? [{ text: e.text, label: e.category, i }] : [])),
    o.minCategoryExamples,
  );
  const unit = capLabels(
    examples.flatMap((e, i) => (e.seat ? [{ text: e.text, label: e.seat, i }] : [])),
    o.minUnitExamples,
  );
  if (cat.length < 50 || unit.length < 50) {
    throw new NotEnoughTrainingData(`${cat.length} categorised and ${unit.length} dispatched closed cases`);
  }
  // one split for both models (the thresholds need both predictions of the same case), stratified by
  // the category where there is one
  const catLabel = new Map(cat.map((e) => [e.i, e.label]));
  const unitLabel = new Map(unit.map((e) => [e.i, e.label]));
  const strata = examples.map((_, i) => catLabel.get(i) ?? `seat:${unitLabel.get(i) ?? ""}`);
  const fold = stratifiedFolds(strata, 5, o.seed);
  const isTest = (e: Labelled) => fold[e.i] === 0;

  const catTrainer = trainerFor(cat, o);
  const unitTrainer = trainerFor(unit, o);
  const catHeld = fitAsStored(
    cat.filter((e) => !isTest(e)),
    catTrainer,
    o.seed,
  );
  const unitHeld = fitAsStored(
    unit.filter((e) => !isTest(e)),
    unitTrainer,
    o.seed,
  );

  const testIds = examples.flatMap((_, i) => (fold[i] === 0 ? [i] : []));
  const catRanked = new Map<number, Prediction[]>();
  const unitRanked = new Map<number, Prediction[]>();
  for (const i of testIds) {
    const text = (examples[i] as RoutingExample).text;
    catRanked.set(i, predictTopK(catHeld.model, text, 3, 0));
    if (unitLabel.has(i)) unitRanked.set(i, predictTopK(unitHeld.model, text, 3, 0));
  }
  const catTest = cat.filter(isTest);
  const unitTest = unit.filter(isTest);
  const suggestedCategory = (i: number) => firstReal(catRanked.get(i) ?? [])?.label ?? null;

  // the comparison: held-out cases closed after the active models' data are new to both
  const comparison = compare(active, catHeld.model, unitHeld.model, catTest, unitTest, examples, o);

  const catFinal = fit(cat, catTrainer, o.seed);
  const unitFinal = fit(unit, unitTrainer, o.seed);
  const dataUntil = examples.reduce<number | null>((m, e) => (m === null || e.closedAt > m ? e.closedAt : m), null);
  return {
    category: {
      model: encodeTextModel(catFinal.model),
      trainedOn: cat.length,
      figures: figuresOf(catTest, catRanked, catTrainer, catHeld.ms + catFinal.ms),
    },
    unit: {
      model: encodeTextModel(unitFinal.model),
      trainedOn: unit.length,
      figures: {
        ...figuresOf(unitTest, unitRanked, unitTrainer, unitHeld.ms + unitFinal.ms),
        thresholds: thresholdsOf(unitTest, suggestedCategory, unitRanked, o),
      },
    },
    comparison,
    dataUntil,
  };
}

function compare(
  active: ActivePair | null,
  catModel: TextModel,
  unitModel: TextModel,
  catTest: readonly Labelled[],
  unitTest: readonly Labelled[],
  examples: readonly RoutingExample[],
  o: RoutingTrainingOptions,
): Comparison {
  const overall = { category: accuracyOn(catModel, catTest), unit: accuracyOn(unitModel, unitTest) };
  if (!active) return { basis: "first", cases: 0, candidate: overall, active: null, notWorse: true };
  const fresh = (e: Labelled) =>
    active.dataUntil === null || (examples[e.i] as RoutingExample).closedAt > active.dataUntil;
  const catFresh = catTest.filter(fresh);
  const unitFresh = unitTest.filter(fresh);
  const notWorse = (c: { category: number; unit: number }, a: { category: number; unit: number }) =>
    c.category >= a.category - o.tolerance && c.unit >= a.unit - o.tolerance;
  if (Math.min(catFresh.length, unitFresh.length) >= o.compareMinCases) {
    const oldCat = parseTextModel(active.category);
    const oldUnit = parseTextModel(active.unit);
    const candidate = { category: accuracyOn(catModel, catFresh), unit: accuracyOn(unitModel, unitFresh) };
    const was = { category: accuracyOn(oldCat, catFresh), unit: accuracyOn(oldUnit, unitFresh) };
    return {
      basis: "fresh-held-out",
      cases: catFresh.length,
      candidate,
      active: was,
      notWorse: notWorse(candidate, was),
    };
  }
  // too few cases new to the active models: their recorded figures (measured on another held-out set)
  return {
    basis: "recorded",
    cases: 0,
    candidate: overall,
    active: active.recorded,
    notWorse: notWorse(overall, active.recorded),
  };
}
