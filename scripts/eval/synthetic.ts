// Synthetic-but-realistic reports for the speed measurement (not for accuracy): each one takes
// the title of a real labelled message and a body recombined from the sentences of 1–3 real
// messages with the same label (more when they run out), as long as another real message. The words are all real; the
// combinations are new. Seeded, so every run times the same texts.

import { seededRandom } from "../../packages/domain/src/intel/random.ts";

export interface LabelledText {
  title: string;
  detail: string;
  label: string;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[。！？!?；;\n])/u).filter((s) => s.trim().length > 0);
}

/** `count` recombined reports, labels in the same proportions as the source. */
export function synthesise(source: readonly LabelledText[], count: number, seed: number): LabelledText[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const byLabel = new Map<string, LabelledText[]>();
  for (const row of source) byLabel.set(row.label, [...(byLabel.get(row.label) ?? []), row]);
  const split = new Map(source.map((row) => [row, sentences(row.detail)]));
  const out: LabelledText[] = [];
  for (let n = 0; n < count; n++) {
    const base = pick(source);
    const peers = byLabel.get(base.label) as LabelledText[];
    const targetLength = pick(source).detail.length;
    const donors = [base, pick(peers), pick(peers)].slice(0, 1 + Math.floor(random() * 3));
    const pool = donors.flatMap((d) => split.get(d) ?? []);
    let detail = "";
    while (detail.length < targetLength) {
      if (pool.length === 0) pool.push(...(split.get(pick(peers)) ?? []));
      if (pool.length === 0) break;
      detail += pool.splice(Math.floor(random() * pool.length), 1)[0];
    }
    out.push({ title: pick(peers).title, detail, label: base.label });
  }
  return out;
}
