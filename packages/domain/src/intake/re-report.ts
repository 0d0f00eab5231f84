// Re-reports for measuring duplicate detection: the same problem told again by someone else, made
// from a real message by rules — words swapped for synonyms, sentences and clauses reordered, a
// sentence dropped, filler added, only part of the story told, the title left out — at a point
// nearby, days later. Seeded, so a run is repeatable. The rules are generic Chinese paraphrase, not
// written for any particular message (docs/duplicates.md lists them and what they leave out).

/** Common words of complaint letters and a word of the same meaning (swapped both ways). */
export const SYNONYMS: readonly (readonly [string, string])[] = [
  ["希望", "期望"],
  ["尽快", "尽早"],
  ["请求", "恳请"],
  ["非常", "十分"],
  ["很多", "不少"],
  ["经常", "常常"],
  ["现在", "目前"],
  ["一直", "始终"],
  ["附近", "周边"],
  ["马上", "立即"],
  ["居民", "住户"],
  ["影响", "干扰"],
  ["导致", "造成"],
  ["已经", "早已"],
  ["但是", "可是"],
  ["因为", "由于"],
  ["所以", "因此"],
  ["如果", "假如"],
  ["情况", "状况"],
  ["解决", "处理"],
  ["每天", "天天"],
  ["我们", "大家"],
  ["相关", "有关"],
  ["隐患", "风险"],
  ["道路", "马路"],
  ["噪音", "噪声"],
  ["投诉", "举报"],
  ["是否", "是不是"],
  ["晚上", "夜里"],
  ["为什么", "为何"],
  ["怎么", "如何"],
  ["多次", "好几次"],
  ["严重", "厉害"],
  ["孩子", "小孩"],
  ["老人", "老年人"],
  ["工资", "薪水"],
  ["房子", "房屋"],
  ["小区", "社区"],
  ["单位", "公司"],
];

/** What a second caller adds before or after the story. */
const OPENERS = ["你好，", "您好，我想反映一个情况：", "我也是这里的住户，", "这个事之前有人反映过，", "再次反映："];
const CLOSERS = ["请尽快处理。", "希望有关部门重视！", "麻烦派人来看看。", "谢谢！", "好多天了还没人管。"];

export interface Story {
  title: string;
  detail: string;
}

export interface Reworded extends Story {
  /** the rules applied, in order */
  rules: string[];
}

/** Sentences with their closing punctuation. */
export function sentencesOf(text: string): string[] {
  return (text.match(/[^。！？!?；;\n]+[。！？!?；;\n]*/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

const pick = <T>(xs: readonly T[], random: () => number): T => xs[Math.floor(random() * xs.length)] as T;

function swapSynonyms(text: string, random: () => number, rate: number): string {
  let out = text;
  for (const [a, b] of SYNONYMS) {
    // one pass per pair, so a word swapped to its synonym is not swapped back
    out = out.replace(new RegExp(`${a}|${b}`, "g"), (w) => (random() < rate ? (w === a ? b : a) : w));
  }
  return out;
}

function swapClauses(sentence: string, random: () => number): string {
  const end = sentence.match(/[。！？!?；;]+$/)?.[0] ?? "";
  const clauses = sentence.slice(0, sentence.length - end.length).split(/[，,]/);
  if (clauses.length < 2) return sentence;
  const i = Math.floor(random() * (clauses.length - 1));
  [clauses[i], clauses[i + 1]] = [clauses[i + 1] as string, clauses[i] as string];
  return `${clauses.join("，")}${end}`;
}

function shuffle<T>(xs: T[], random: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}

/**
 * One re-report of a story. Always: synonyms swapped and clauses or sentences reordered; by chance:
 * only part of the story (or a summary: the title and at most one sentence), a sentence dropped,
 * filler before or after. The title is kept (reworded) half of the time: a hotline ticket or a
 * phone report often has none of its own.
 */
export function reword(story: Story, random: () => number, { summaryShare = 0.15 } = {}): Reworded {
  const rules: string[] = [];
  let sentences = sentencesOf(story.detail);
  if (sentences.length === 0) sentences = [story.detail];
  const structural = ["reorder", "drop", "partial"].filter((r) => random() < 0.5 || r === "reorder");
  // a summary: the title and at most one sentence of the story (what a busy caller says)
  const summary = story.title.length > 0 && random() < summaryShare;
  if (summary) {
    const one = sentences[Math.floor(random() * sentences.length)] ?? "";
    sentences = random() < 0.5 ? [one] : [];
    rules.push("summary");
  } else if (sentences.length > 1 && structural.includes("partial")) {
    // part of the story: a run of 15–70% of its sentences, at least one
    const keep = Math.max(1, Math.round(sentences.length * (0.15 + 0.55 * random())));
    const start = Math.floor(random() * (sentences.length - keep + 1));
    sentences = sentences.slice(start, start + keep);
    rules.push("partial");
  }
  if (sentences.length > 2 && structural.includes("drop")) {
    sentences.splice(Math.floor(random() * sentences.length), 1);
    rules.push("drop");
  }
  if (structural.includes("reorder")) {
    sentences = sentences.map((s) => (random() < 0.5 ? swapClauses(s, random) : s));
    if (sentences.length > 1 && random() < 0.5) sentences = shuffle(sentences, random);
    rules.push("reorder");
  }
  let detail = sentences.join("");
  if (random() < 0.5) {
    detail = `${pick(OPENERS, random)}${detail}`;
    rules.push("opener");
  }
  if (random() < 0.5) {
    detail = `${detail}${pick(CLOSERS, random)}`;
    rules.push("closer");
  }
  detail = swapSynonyms(detail, random, 0.7);
  rules.push("synonyms");
  const title = summary || random() < 0.5 ? swapSynonyms(story.title, random, 0.7) : "";
  if (!title) rules.push("no-title");
  return { title, detail, rules };
}

export interface Point {
  lat: number;
  lng: number;
}

/** A point `distanceM` from `p` in a random direction (flat-earth step, fine below a few km). */
export function pointNear(p: Point, distanceM: number, random: () => number): Point {
  const bearing = random() * 2 * Math.PI;
  const dLat = (distanceM * Math.cos(bearing)) / 111_320;
  const dLng = (distanceM * Math.sin(bearing)) / (111_320 * Math.cos((p.lat * Math.PI) / 180));
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}
