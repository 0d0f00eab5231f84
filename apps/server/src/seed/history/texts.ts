// What seeded cases say: a category drawn by frequency × season, a title and its matching
// description from the category's templates with Anshan streets and landmarks, and the notes along
// the loop (handling results, return reasons, verification, evaluation, urging) chosen to fit the
// case's topic.
import type { HandlerKind, Rating, ReturnReason } from "@civicgrid/shared";
import { type Rng, WeightedSampler } from "./random.ts";
import type { CaseTexts, CategoryTexts, RefCategory } from "./types.ts";

export const TITLE_MAX = 60;

/**
 * Things a note can be about, as groups of words meaning the same thing: a note naming one is used
 * only for cases that name it too.
 */
const TOPICS = (
  "垃圾|清运|保洁 小广告 杂物|堆物|堆放 占道|店外|摊|商贩|游商 消防通道 调解|矛盾|纠纷 雪|冰 路灯|照明|景观灯 " +
  "井盖|井口 人行道|破损路面|坑洼|路面破损 围挡 物业 工地|施工 管道|漏水|供水|水压|自来水|停水 " +
  "积水|箅子|排水|疏通 暖气|供热|室温|采暖|取暖|热力 工资|欠薪|劳动合同|社保 噪声|噪音|扰民 油烟 " +
  "违法建设|违建|私搭乱建 牌匾 遗撒 电梯 退款|退货 餐|食品 违停|乱停 信号灯 标志|标线|斑马线|分隔线 " +
  "树|修剪|枯死|病虫害 护栏|座椅 流浪|乞讨 低保|补贴|救助 路名牌 诊所|医院|医疗 燃气|煤气 线缆|宽带|信号|通信 " +
  "培训|学校|招生|学生 村务 防疫 景区|文物|旅游 出版物 变压器|线路|电压|供电|停电 公交 出租车 快递 " +
  "占地|规划|不动产 排污|监测|污水 拆除 价格 加油站 高空"
)
  .split(" ")
  .map((group) => group.split("|"));

/** The topics a text names, each as its group's first word. */
const topicsOf = (text: string) =>
  TOPICS.filter((group) => group.some((w) => text.includes(w))).map((group) => group[0] as string);

export interface CaseVars {
  place: string;
  landmark: string;
  time: string;
}

/** What one case is about: its category and the template variant it was written from. */
export interface CaseTopic {
  key: string;
  name: string;
  voice: "grid" | "hotline";
  words: ReadonlySet<string>;
}

export class HistoryTexts {
  readonly #texts: CaseTexts;
  readonly #categories: Map<string, RefCategory>;
  readonly #gridPool: CategoryTexts[];
  readonly #hotlinePool: CategoryTexts[];
  readonly #samplers = new Map<string, WeightedSampler<CategoryTexts>>();
  readonly #topics = new Map<string, CaseTopic>();
  readonly #fitting = new Map<string, string[]>();

  constructor(texts: CaseTexts, categories: RefCategory[]) {
    this.#texts = texts;
    this.#categories = new Map(categories.map((c) => [c.code, c]));
    const usable = texts.categories.filter(
      (c) => this.#categories.has(c.categoryCode) && c.titles.length > 0 && c.descriptions.length > 0 && c.weight > 0,
    );
    this.#hotlinePool = usable.filter((c) => this.#categories.get(c.categoryCode)?.kind === "hotline");
    this.#gridPool = usable.filter((c) => this.#categories.get(c.categoryCode)?.kind !== "hotline");
    if (this.#gridPool.length === 0) throw new Error("history: case-texts.json has no usable GB/T category");
  }

  get hasHotlineCategories(): boolean {
    return this.#hotlinePool.length > 0;
  }

  #seasonal(c: CategoryTexts, month: number): number {
    return this.#texts.seasonal[c.season]?.[month] ?? 1;
  }

  /** Overall volume per month relative to the year, given the share of hotline-taxonomy cases. */
  monthFactors(hotlineShare: number): number[] {
    const mean = (pool: CategoryTexts[], m: number) => {
      let w = 0;
      let ws = 0;
      for (const c of pool) {
        w += c.weight;
        ws += c.weight * this.#seasonal(c, m);
      }
      return w > 0 ? ws / w : 1;
    };
    const share = this.hasHotlineCategories ? hotlineShare : 0;
    return Array.from(
      { length: 12 },
      (_, m) => (1 - share) * mean(this.#gridPool, m) + share * mean(this.#hotlinePool, m),
    );
  }

  /** A category's texts by code (either taxonomy), or null when it has none. */
  byCode(code: string): CategoryTexts | null {
    return [...this.#gridPool, ...this.#hotlinePool].find((c) => c.categoryCode === code) ?? null;
  }

  /** The categories of a season family, heaviest first. */
  ofSeason(season: string): CategoryTexts[] {
    return [...this.#gridPool, ...this.#hotlinePool]
      .filter((c) => c.season === season)
      .sort((a, b) => b.weight - a.weight || a.categoryCode.localeCompare(b.categoryCode));
  }

  /** The season families' factors for a month (0 = January), from case-texts.json. */
  seasonFactors(month: number): [string, number][] {
    return Object.entries(this.#texts.seasonal).map(([k, v]) => [k, v[month] ?? 1]);
  }

  drawCategory(rng: Rng, month: number, hotline: boolean): CategoryTexts {
    const useHotline = hotline && this.hasHotlineCategories;
    const key = `${useHotline ? "h" : "g"}${month}`;
    let sampler = this.#samplers.get(key);
    if (!sampler) {
      const pool = useHotline ? this.#hotlinePool : this.#gridPool;
      sampler = new WeightedSampler(
        pool,
        pool.map((c) => c.weight * this.#seasonal(c, month)),
      );
      if (sampler.total <= 0)
        sampler = new WeightedSampler(
          pool,
          pool.map((c) => c.weight),
        );
      this.#samplers.set(key, sampler);
    }
    return sampler.draw(rng);
  }

  /** {place}: a street or a compound, now and then the community itself. */
  vars(rng: Rng, communityName: string): CaseVars {
    const v = this.#texts.vocab;
    const r = rng.next();
    const place = r < 0.4 ? rng.pick(v.streets) : r < 0.85 ? rng.pick(v.compounds) : communityName;
    return { place, landmark: rng.pick(v.landmarks), time: rng.pick(v.times) };
  }

  /** Title and description; the templates are written in pairs when the lists are as long. */
  caseText(rng: Rng, c: CategoryTexts, vars: CaseVars): { title: string; description: string; topic: CaseTopic } {
    const ti = rng.int(c.titles.length);
    const di = c.titles.length === c.descriptions.length ? ti : rng.int(c.descriptions.length);
    const title = c.titles[ti] as string;
    const description = c.descriptions[di] as string;
    const key = `${c.categoryCode}#${ti}#${di}`;
    let topic = this.#topics.get(key);
    if (!topic) {
      const name = this.#categories.get(c.categoryCode)?.name ?? "";
      topic = { key, name, voice: c.voice, words: new Set(topicsOf(`${name} ${title} ${description}`)) };
      this.#topics.set(key, topic);
    }
    return { title: fill(title, vars).slice(0, TITLE_MAX), description: fill(description, vars), topic };
  }

  /** A result that fits the case, or a plain statement of it when no written one does. */
  handling(rng: Rng, topic: CaseTopic, kind: HandlerKind, vars: CaseVars): string {
    const list = this.#texts.handling[kind] ?? [];
    const fitting = this.#fit(topic, `h:${kind}`, list, true);
    if (fitting.length > 0) return fill(rng.pick(fitting), vars);
    return topic.voice === "hotline"
      ? `已对来电人反映的${topic.name}问题进行核实处理,并已电话答复来电人。`
      : `已安排人员对${topic.name}问题进行现场处置,现已处理完毕。`;
  }

  returnReason(rng: Rng, topic: CaseTopic, code: ReturnReason): string {
    return this.#note(rng, topic, `r:${code}`, this.#texts.returnReasons[code]) ?? "不属于本单位职责范围,请改派。";
  }

  verification(rng: Rng, topic: CaseTopic, pass: boolean): string {
    const list = pass ? this.#texts.verification.passed : this.#texts.verification.failed;
    return this.#note(rng, topic, `v:${pass}`, list) ?? (pass ? "经现场核查,问题已处置完毕。" : "处置未到位,请返工。");
  }

  evaluation(rng: Rng, topic: CaseTopic, rating: Rating): string | null {
    return this.#note(rng, topic, `e:${rating}`, this.#texts.evaluation[rating]);
  }

  urge(rng: Rng): string {
    return this.#texts.urgeNotes.length > 0 ? rng.pick(this.#texts.urgeNotes) : "请加快处置进度。";
  }

  #note(rng: Rng, topic: CaseTopic, listKey: string, list: readonly string[] | undefined): string | null {
    const fitting = this.#fit(topic, listKey, list ?? [], false);
    return fitting.length > 0 ? rng.pick(fitting) : null;
  }

  /**
   * Texts naming nothing the case does not name. With `onTopic`, only those that share a topic with
   * the case (a result must say what was done about this problem); otherwise the least off-topic ones.
   */
  #fit(topic: CaseTopic, listKey: string, list: readonly string[], onTopic: boolean): string[] {
    const key = `${topic.key}|${listKey}`;
    let fitting = this.#fitting.get(key);
    if (!fitting) {
      const score = (t: string) => {
        const words = topicsOf(t);
        const foreign = words.filter((w) => !topic.words.has(w)).length;
        return { foreign, shared: words.length - foreign };
      };
      const scored = list.map((t) => ({ t, ...score(t) }));
      if (onTopic) fitting = scored.filter((s) => s.foreign === 0 && s.shared > 0).map((s) => s.t);
      else {
        const best = Math.min(...scored.map((s) => s.foreign));
        fitting = scored.filter((s) => s.foreign === best).map((s) => s.t);
      }
      this.#fitting.set(key, fitting);
    }
    return fitting;
  }
}

/** Replaces {place}, {landmark} and {time}; unknown placeholders are dropped. */
export function fill(template: string, vars: CaseVars): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => (k in vars ? vars[k as keyof CaseVars] : ""));
}
