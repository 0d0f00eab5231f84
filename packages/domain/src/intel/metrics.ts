// Figures for a classifier on held-out examples, and the confidence threshold for automatic
// dispatch. Macro-F1 averages the labels' F1 without weighting by size, so a small category that
// is always missed pulls it down even when overall accuracy looks fine.

export interface LabelFigures {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** held-out examples that truly have this label */
  support: number;
}

export interface ClassificationMetrics {
  count: number;
  accuracy: number;
  macroF1: number;
  /** share of examples whose true label is among the first three suggestions */
  top3: number;
  /** counts[actual][predicted], rows and columns in `labels` order */
  confusion: { labels: string[]; counts: number[][] };
  perLabel: LabelFigures[];
}

export interface RankedOutcome {
  actual: string;
  /** labels most likely first */
  ranked: readonly string[];
}

/** Accuracy, macro-F1, top-3, confusion matrix and per-label figures; labels default to all seen. */
export function classificationMetrics(outcomes: readonly RankedOutcome[], labels?: readonly string[]) {
  const names = [...new Set([...(labels ?? []), ...outcomes.map((o) => o.actual)])];
  for (const o of outcomes) if (o.ranked[0] !== undefined && !names.includes(o.ranked[0])) names.push(o.ranked[0]);
  const at = new Map(names.map((n, i) => [n, i]));
  const counts = names.map(() => names.map(() => 0));
  let correct = 0;
  let top3 = 0;
  for (const o of outcomes) {
    const predicted = o.ranked[0];
    if (predicted !== undefined) (counts[at.get(o.actual) as number] as number[])[at.get(predicted) as number]! += 1;
    if (predicted === o.actual) correct++;
    if (o.ranked.slice(0, 3).includes(o.actual)) top3++;
  }
  const perLabel: LabelFigures[] = names.map((label, c) => {
    const tp = (counts[c] as number[])[c] as number;
    const support = (counts[c] as number[]).reduce((s, v) => s + v, 0);
    const predictedAs = counts.reduce((s, row) => s + (row[c] as number), 0);
    const precision = predictedAs ? tp / predictedAs : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  // Labels neither present nor predicted would add a meaningless 0: average over the others.
  const scored = perLabel.filter((l, c) => l.support > 0 || counts.some((row) => (row[c] as number) > 0));
  const n = outcomes.length;
  const metrics: ClassificationMetrics = {
    count: n,
    accuracy: n ? correct / n : 0,
    macroF1: scored.length ? scored.reduce((s, l) => s + l.f1, 0) / scored.length : 0,
    top3: n ? top3 / n : 0,
    confusion: { labels: names, counts },
    perLabel,
  };
  return metrics;
}

export interface ThresholdChoice {
  /** lowest confidence at or above which precision still reaches the target; null if none does */
  threshold: number | null;
  /** precision of the examples at or above the threshold */
  precision: number;
  /** share of all examples at or above the threshold (what would be dispatched automatically) */
  coverage: number;
  /** how many examples that is */
  count: number;
}

/**
 * The lowest threshold t (one of the observed confidences) such that the held-out examples with
 * confidence ≥ t are right at least `minPrecision` of the time — the largest automatic share that
 * keeps the precision target. Equal confidences are never split. `minCount` refuses thresholds
 * backed by fewer examples (a single lucky prediction is 100% precise).
 */
export function chooseThreshold(
  scored: readonly { confidence: number; correct: boolean }[],
  minPrecision: number,
  minCount = 1,
): ThresholdChoice {
  const sorted = scored.slice().sort((a, b) => b.confidence - a.confidence);
  let best: ThresholdChoice = { threshold: null, precision: 0, coverage: 0, count: 0 };
  let correct = 0;
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i] as { confidence: number; correct: boolean };
    if (row.correct) correct++;
    const next = sorted[i + 1];
    if (next && next.confidence === row.confidence) continue;
    const count = i + 1;
    const precision = correct / count;
    if (count >= minCount && precision >= minPrecision) {
      best = { threshold: row.confidence, precision, coverage: count / sorted.length, count };
    }
  }
  return best;
}

/**
 * Expected calibration error: held-out predictions put in `bins` equal-width confidence bins, the
 * gap between mean confidence and accuracy in each bin, weighted by the bin's share. 0 = confidences
 * say exactly how often the top label is right.
 */
export function calibrationError(scored: readonly { confidence: number; correct: boolean }[], bins = 10): number {
  if (scored.length === 0) return 0;
  const conf = new Float64Array(bins);
  const hits = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (const s of scored) {
    const b = Math.min(bins - 1, Math.floor(s.confidence * bins));
    conf[b] = (conf[b] as number) + s.confidence;
    hits[b] = (hits[b] as number) + (s.correct ? 1 : 0);
    count[b] = (count[b] as number) + 1;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b]) ece += Math.abs((conf[b] as number) - (hits[b] as number)) / scored.length;
  }
  return ece;
}
