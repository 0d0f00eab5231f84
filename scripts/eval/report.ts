// Plain-text report of a classifier evaluation (for `npm run eval`).

import type { ClassificationMetrics } from "../../packages/domain/src/intel/classifier.ts";

const f3 = (v: number) => v.toFixed(3);
/** Display width: CJK characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffdc]/u.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => " ".repeat(Math.max(0, n - width(s))) + s;

export function formatMetrics(m: ClassificationMetrics): string[] {
  const labels = m.confusion.labels;
  const nameWidth = Math.max(8, ...labels.map(width));
  const lines: string[] = [];
  lines.push(`examples ${m.count}   accuracy ${f3(m.accuracy)}   macro-F1 ${f3(m.macroF1)}   top-3 ${f3(m.top3)}`);
  lines.push("");
  lines.push(`${padEnd("label", nameWidth)}  precision  recall     F1  support`);
  for (const l of m.perLabel) {
    lines.push(
      `${padEnd(l.label, nameWidth)}  ${padStart(f3(l.precision), 9)}  ${padStart(f3(l.recall), 6)}  ${f3(l.f1)}  ${padStart(String(l.support), 7)}`,
    );
  }
  lines.push("");
  lines.push("confusion matrix (rows: true label, columns: predicted label)");
  const cell = Math.max(4, ...m.confusion.counts.flat().map((v) => String(v).length + 1));
  const head = nameWidth + 5;
  lines.push(`${padEnd("", head)}${labels.map((_, i) => padStart(`[${i + 1}]`, cell)).join("")}`);
  m.confusion.counts.forEach((row, i) => {
    const name = `[${i + 1}] ${labels[i]}`;
    lines.push(`${padEnd(name, head)}${row.map((v) => padStart(String(v), cell)).join("")}`);
  });
  return lines;
}

export function lastLine(m: ClassificationMetrics): string {
  return `accuracy=${f3(m.accuracy)} macroF1=${f3(m.macroF1)} top3=${f3(m.top3)}`;
}
