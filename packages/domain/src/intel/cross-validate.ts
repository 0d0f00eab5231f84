// Honest estimates of how the classifier does on texts it has not seen: stratified k-fold
// cross-validation (each example is predicted by a model trained without it) and train/test
// scoring, with the held-out confidences kept for choosing the auto-dispatch threshold.

import { stratifiedFolds } from "./folds.ts";
import { type ClassificationMetrics, classificationMetrics } from "./metrics.ts";
import { predictTopK } from "./text-model.ts";
import { type TrainingExample, type TrainOptions, trainTextModel } from "./train-text-model.ts";

export interface ScoredPrediction {
  actual: string;
  predicted: string;
  confidence: number;
  correct: boolean;
}

export interface EvaluationResult extends ClassificationMetrics {
  /** each held-out example's top label and its confidence (input to chooseThreshold) */
  scored: ScoredPrediction[];
  /** total milliseconds spent training (all folds) */
  trainMs: number;
  /** total milliseconds spent predicting the held-out examples */
  predictMs: number;
  predictionsPerSecond: number;
  /** what each trained model chose, in fold order */
  chosen: { trainer: string; hyperParameter: number; temperature: number }[];
}

interface Accumulator {
  outcomes: { actual: string; ranked: string[] }[];
  scored: ScoredPrediction[];
  trainMs: number;
  predictMs: number;
  chosen: EvaluationResult["chosen"];
}

function trainAndScore(
  acc: Accumulator,
  train: readonly TrainingExample[],
  test: readonly TrainingExample[],
  opts: TrainOptions,
): void {
  const t0 = performance.now();
  const model = trainTextModel(train, opts);
  predictTopK(model, "", 1); // loading a model (its term lookup table) counts as training, not prediction
  const t1 = performance.now();
  for (const ex of test) {
    const top = predictTopK(model, ex.text, 3, 0);
    const first = top[0];
    acc.outcomes.push({ actual: ex.label, ranked: top.map((p) => p.label) });
    if (first) {
      const correct = first.label === ex.label;
      acc.scored.push({ actual: ex.label, predicted: first.label, confidence: first.confidence, correct });
    }
  }
  acc.trainMs += t1 - t0;
  acc.predictMs += performance.now() - t1;
  acc.chosen.push({ trainer: model.trainer, hyperParameter: model.hyperParameter, temperature: model.temperature });
}

function finish(acc: Accumulator, labels: readonly string[]): EvaluationResult {
  const metrics = classificationMetrics(acc.outcomes, [...labels].sort());
  return {
    ...metrics,
    scored: acc.scored,
    trainMs: acc.trainMs,
    predictMs: acc.predictMs,
    predictionsPerSecond: acc.predictMs > 0 ? (acc.outcomes.length * 1000) / acc.predictMs : 0,
    chosen: acc.chosen,
  };
}

const empty = (): Accumulator => ({ outcomes: [], scored: [], trainMs: 0, predictMs: 0, chosen: [] });

/** Stratified k-fold cross-validation with seeded shuffling; every example is predicted exactly once. */
export function crossValidate(
  examples: readonly TrainingExample[],
  folds: number,
  seed: number,
  opts: TrainOptions = {},
): EvaluationResult {
  const fold = stratifiedFolds(
    examples.map((e) => e.label),
    folds,
    seed,
  );
  const acc = empty();
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    const test = examples.filter((_, i) => fold[i] === f);
    if (test.length === 0) continue;
    trainAndScore(acc, train, test, { seed, ...opts });
  }
  return finish(
    acc,
    examples.map((e) => e.label),
  );
}

/** Train on one set, score another (labels of both count in the figures). */
export function evaluateSplit(
  train: readonly TrainingExample[],
  test: readonly TrainingExample[],
  opts: TrainOptions = {},
): EvaluationResult {
  const acc = empty();
  trainAndScore(acc, train, test, opts);
  return finish(
    acc,
    [...train, ...test].map((e) => e.label),
  );
}
