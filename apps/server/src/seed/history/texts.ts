// What seeded cases say: a category drawn by frequency × season, title and description from its
// templates with Anshan streets and landmarks, and the notes along the loop (handling results,
// return reasons, verification, evaluation, urging) chosen to fit the case's topic.
import type { HandlerKind, Rating, ReturnReason } from "@civicgrid/shared";
import { type Rng, WeightedSampler } from "./random.ts";
import type { CaseTexts, CategoryTexts, RefCategory } from "./types.ts";

export const TITLE_MAX = 60;

/** Topic words: a note that names one of these is used only for cases about it. */
const TOPICS = [
  "垃圾", "小广告", "杂物", "占道", "店外", "消防通道", "调解", "矛盾", "雪", "冰", "路灯", "照明", "井盖",
  "路面", "人行道", "围挡", "物业", "工地", "施工", "管道", "漏水", "供水", "水压", "积水", "箅子", "排水",
  "暖气", "室温", "供热", "工资", "噪声", "油烟", "违法建设", "牌匾", "遗撒", "电梯", "退款", "退货", "餐",
  "违停", "车辆", "信号灯", "标志", "标线", "树", "病虫害", "护栏", "座椅", "流浪", "低保", "补贴", "路名牌",
  "诊所", "医院", "医疗", "燃气", "线缆", "宽带", "信号", "培训", "学校", "招生", "社保", "劳动合同", "村务",
  "防疫", "景区", "文物", "出版物", "变压器", "线路", "电压", "供电", "公交", "出租车", "快递", "占地", "规划",
  "登记", "排污", "监测", "拆除", "商户", "商贩", "摊", "价格", "食品", "企业", "加油站", "高空",
];

const topicsOf = (text: string) => TOPICS.filter((t) => text.includes(t));

export interface CaseVars {
  place: string;
  landmark: string;
  time: string;
}

export class HistoryTexts {
  readonly #texts: CaseTexts;
  readonly #categories: Map<string, RefCategory>;
  readonly #gridPool: CategoryTexts[];
  readonly #hotlinePool: CategoryTexts[];
  readonly #samplers = new Map<string, WeightedSampler<CategoryTexts>>();
  readonly #topics = new Map<string, Set<string>>();
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
    return Array.from({ length: 12 }, (_, m) => (1 - share) * mean(this.#gridPool, m) + share * mean(this.#hotlinePool, m));
  }

  drawCategory(rng: Rng, month: number, hotline: boolean): CategoryTexts {
    const useHotline = hotline && this.hasHotlineCategories;
    const key = `${useHotline ? "h" : "g"}${month}`;
    let sampler = this.#samplers.get(key);
    if (!sampler) {
      const pool = useHotline ? this.#hotlinePool : this.#gridPool;
      sampler = new WeightedSampler(pool, pool.map((c) => c.weight * this.#seasonal(c, month)));
      if (sampler.total <= 0) sampler = new WeightedSampler(pool, pool.map((c) => c.weight));
      this.#samplers.set(key, sampler);
    }
    return sampler.draw(rng);
  }

  categoryName(code: string): string {
    return this.#categories.get(code)?.name ?? "";
  }

  /** {place}: a street or a compound, now and then the community itself. */
  vars(rng: Rng, communityName: string): CaseVars {
    const v = this.#texts.vocab;
    const r = rng.next();
    const place = r < 0.4 ? rng.pick(v.streets) : r < 0.85 ? rng.pick(v.compounds) : communityName;
    return { place, landmark: rng.pick(v.landmarks), time: rng.pick(v.times) };
  }

  caseText(rng: Rng, c: CategoryTexts, vars: CaseVars): { title: string; description: string } {
    const title = fill(rng.pick(c.titles), vars).slice(0, TITLE_MAX);
    return { title, description: fill(rng.pick(c.descriptions), vars) };
  }

  handling(rng: Rng, c: CategoryTexts, kind: HandlerKind, vars: CaseVars): string {
    const list = this.#texts.handling[kind] ?? this.#texts.handling.territorial ?? [];
    return fill(this.#fit(rng, c, `h:${kind}`, list) ?? "已按要求处置完毕,现场恢复正常。", vars);
  }

  returnReason(rng: Rng, c: CategoryTexts, code: ReturnReason): string {
    return this.#fit(rng, c, `r:${code}`, this.#texts.returnReasons[code] ?? []) ?? "不属于本单位职责范围,请改派。";
  }

  verification(rng: Rng, c: CategoryTexts, pass: boolean): string {
    const list = pass ? this.#texts.verification.passed : this.#texts.verification.failed;
    return this.#fit(rng, c, `v:${pass}`, list) ?? (pass ? "经现场核查,问题已处置完毕。" : "处置未到位,请返工。");
  }

  evaluation(rng: Rng, c: CategoryTexts, rating: Rating): string | null {
    return this.#fit(rng, c, `e:${rating}`, this.#texts.evaluation[rating] ?? []);
  }

  urge(rng: Rng): string {
    return this.#texts.urgeNotes.length > 0 ? rng.pick(this.#texts.urgeNotes) : "请加快处置进度。";
  }

  /** A note whose topic words all occur in the category's own texts; the least off-topic one otherwise. */
  #fit(rng: Rng, c: CategoryTexts, listKey: string, list: readonly string[]): string | null {
    if (list.length === 0) return null;
    const key = `${c.categoryCode}|${listKey}`;
    let fitting = this.#fitting.get(key);
    if (!fitting) {
      let own = this.#topics.get(c.categoryCode);
      if (!own) {
        own = new Set(topicsOf([this.categoryName(c.categoryCode), ...c.titles, ...c.descriptions].join(" ")));
        this.#topics.set(c.categoryCode, own);
      }
      const foreign = (t: string) => topicsOf(t).filter((w) => !own.has(w)).length;
      const best = Math.min(...list.map(foreign));
      fitting = list.filter((t) => foreign(t) === best);
      this.#fitting.set(key, fitting);
    }
    return rng.pick(fitting);
  }
}

/** Replaces {place}, {landmark} and {time}; unknown placeholders are dropped. */
export function fill(template: string, vars: CaseVars): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => (k in vars ? vars[k as keyof CaseVars] : ""));
}
