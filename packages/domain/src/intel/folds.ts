// Stratified k-fold assignment: every fold gets each label in (nearly) the same proportion as the
// whole set, so a rare label is not missing from a test fold by bad luck. Seeded, so reruns agree.

import { seededRandom, shuffled } from "./random.ts";

/** The fold (0 … folds-1) of each example, given its label. */
export function stratifiedFolds(labels: readonly string[], folds: number, seed: number): number[] {
  if (!Number.isInteger(folds) || folds < 2) throw new Error("need at least 2 folds");
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const list = byLabel.get(label);
    if (list) list.push(i);
    else byLabel.set(label, [i]);
  });
  const assignment = new Array<number>(labels.length).fill(0);
  // Deal each label's shuffled members round-robin, carrying on where the previous label stopped,
  // so fold sizes differ by at most one overall.
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    for (const i of shuffled(byLabel.get(label) as number[], random)) {
      assignment[i] = next;
      next = (next + 1) % folds;
    }
  }
  return assignment;
}

/** A stratified sample of at most `size` indices (all of them when there are fewer). */
export function stratifiedSample(labels: readonly string[], size: number, seed: number): number[] {
  if (labels.length <= size) return labels.map((_, i) => i);
  const folds = Math.ceil(labels.length / size);
  const assignment = stratifiedFolds(labels, folds, seed);
  return assignment.flatMap((f, i) => (f === 0 ? [i] : [])).slice(0, size);
}
