// The life of one seeded case, step by step through the state machine with realistic delays:
// intake (register / reject / merge), dispatch (now and then to the wrong unit, returned and sent
// on), accept, extension, supervision, feedback, verification (now and then failed: rework), close,
// evaluation and the odd reopen. A step that would fall after `now` has not happened yet, so recent
// cases stop at every open stage; a few "held" cases stay stuck for good, as real backlogs do.
import type { Place } from "@civicgrid/domain";
import type { CaseStatus, HandlerKind, Rating, ReturnReason } from "@civicgrid/shared";
import { type Actor, type CaseBase, CaseSim } from "./case-sim.ts";
import type { HistoryPlaces } from "./places.ts";
import { pickWeighted, type Rng } from "./random.ts";
import type { CaseTopic, CaseVars, HistoryTexts } from "./texts.ts";
import { DAY, type HistoryClock, HOUR, MINUTE } from "./time.ts";
import type { CategoryTexts } from "./types.ts";

/** Shares of the loop (of the cases reaching the step). */
export const RATES = {
  reject: 0.015,
  return: 0.06,
  extension: 0.035,
  supervise: 0.03,
  reworkFail: 0.05,
  evaluate: 0.85,
  reopenUnsatisfied: 0.3,
  assist: 0.03,
  lateHandling: 0.02,
};
// first ratings; a third of the unsatisfied are reopened and mostly rated better the second time,
// which brings the year's ratings to about 88% / 9% / 3%
const RATINGS: Record<Rating, number> = { satisfied: 0.868, basically: 0.09, unsatisfied: 0.042 };
// 问题是否解决: nearly every satisfied reporter says yes; most unsatisfied ones say no (some are only
// unhappy with the manner or the time it took)
const SOLVED: Record<Rating, number> = { satisfied: 0.995, basically: 0.93, unsatisfied: 0.2 };

const REJECT_REASONS = [
  "经核实,反映的问题不属于本平台受理范围,已告知反映人通过司法途径解决。",
  "反映内容无具体地点,且无法联系反映人核实,不予立案。",
  "经网格员现场核实,未发现反映的问题。",
  "该事项属于民事纠纷,已引导当事人通过人民调解或诉讼途径解决。",
];
const EXTEND_REASONS = [
  "需协调多个部门联合处置,申请延长处置时限。",
  "受天气影响暂无法施工,申请延期。",
  "需采购维修材料,申请延期处置。",
  "涉及产权单位确认,需要更多时间核实。",
];
const UNIT_ROLE: Record<string, string> = {
  department: "department_handler",
  community_station: "community_station",
  township_centre: "township_centre",
  district_centre: "district_centre",
  city_centre: "city_centre",
};
/** Departments a dispatcher most easily confuses with one another. */
const CONFUSABLE = ["urban_management", "housing", "water", "landscaping", "ecology", "market"];

export interface LifecycleContext {
  clock: HistoryClock;
  places: HistoryPlaces;
  texts: HistoryTexts;
  now: number;
  hotlineUnit: string | null;
}

export interface CasePlan {
  place: Place;
  category: CategoryTexts;
  topic: CaseTopic;
  vars: CaseVars;
  /** stop moving once the case reaches this state (a stuck case), or null */
  hold: CaseStatus | null;
  wantsMerge: boolean;
  mayReject: boolean;
  forceReturn: boolean;
  /** for a second report: the first case of the same problem, if still open at `at` */
  findMergeTarget: (at: number) => { id: string; code: string } | null;
}

export function simulateCase(base: CaseBase, plan: CasePlan, ctx: LifecycleContext, rng: Rng): CaseSim {
  const { clock, places, texts } = ctx;
  const { place, topic, vars } = plan;
  const unitActor = (code: string | null): Actor => ({
    role: UNIT_ROLE[places.units.get(code ?? "")?.type ?? ""] ?? null,
    unit: code,
  });
  const centre = unitActor(base.centreUnitCode);
  const districtCentre = unitActor(places.centreOf(place.district));
  const superior = () => (rng.chance(0.8) ? districtCentre : unitActor(places.centreOf(place.city)));
  const gridWorker: Actor = { role: "grid_worker", unit: places.centreOf(place.community) };
  const hotline: Actor = { role: "hotline_agent", unit: ctx.hotlineUnit };
  const isHotline = base.source === "hotline";
  const reportActor: Actor =
    base.source === "grid"
      ? gridWorker
      : isHotline
        ? hotline
        : base.source === "media"
          ? centre
          : { role: null, unit: null };
  const sim = new CaseSim(base, clock, ctx.now, rng, reportActor, {
    source: base.source,
    gridCode: base.gridCode,
    suggestedUnit: base.suggestedUnitCode,
  });
  const r = base.reportedAt.getTime();
  const held = (s: CaseStatus) => plan.hold === s && stayStuck(sim, ctx, rng, superior);
  const lnClamp = (median: number, sigma: number, lo: number, hi: number) =>
    Math.min(hi, Math.max(lo, rng.logNormal(median, sigma)));

  // 受理: hotline agents work around the clock, the centres in office hours
  if (held("reported")) return sim;
  const intakeActor = isHotline ? hotline : centre;
  const tIn = isHotline
    ? r + rng.range(3, 40) * MINUTE
    : clock.after(r, lnClamp(40 * MINUTE, 0.8, 5 * MINUTE, 5 * HOUR), rng);
  if (!sim.happened(tIn)) return sim;
  if (plan.wantsMerge) {
    const target = plan.findMergeTarget(tIn);
    if (target) {
      const note = `与${target.code}反映的为同一问题,并案处理。`;
      sim.act("merge", "merged", tIn, intakeActor, note, { targetId: target.id, targetCode: target.code });
      return sim;
    }
  }
  if (plan.mayReject && rng.chance(RATES.reject)) {
    sim.act("reject", "rejected", tIn, intakeActor, rng.pick(REJECT_REASONS));
    return sim;
  }
  sim.act("register", "registered", tIn, intakeActor, rng.chance(0.3) ? "经核实属实,符合立案条件,予以立案。" : null);

  let start = r; // the handling clock of the current round starts here
  for (let round = 0; round < 2; round++) {
    if (held("registered")) return sim;
    // 派遣: 12345 tickets are often dispatched by the district centre
    const dispatcher = isHotline && rng.chance(0.5) ? districtCentre : centre;
    const owner = base.suggestedUnitCode as string;
    let tD = clock.after(sim.lastAt, lnClamp(45 * MINUTE, 0.9, 5 * MINUTE, 8 * HOUR), rng);
    if (!sim.happened(tD)) return sim;
    if ((round === 0 && rng.chance(RATES.return)) || (plan.forceReturn && round === 0)) {
      const sameUnit = rng.chance(0.2);
      const first = sameUnit ? owner : wrongUnit(rng, places, place, owner);
      const code: ReturnReason = sameUnit
        ? "insufficient_info"
        : pickWeighted(rng, { not_in_list: 0.6, wrong_place: 0.25, other: 0.15 });
      sim.act("dispatch", "dispatched", tD, dispatcher, null, { unitCode: first, assistUnitCodes: [] });
      let t = clock.after(tD, lnClamp(2 * HOUR, 1, 10 * MINUTE, 1.5 * DAY), rng);
      if (!sim.happened(t)) return sim;
      if (rng.chance(0.3)) {
        sim.act("accept", "accepted", t, unitActor(first), null);
        t = clock.after(t, lnClamp(3 * HOUR, 1, 20 * MINUTE, 2 * DAY), rng);
        if (!sim.happened(t)) return sim;
      }
      sim.act("return", "returned", t, unitActor(first), texts.returnReason(rng, topic, code), { reasonCode: code });
      if (held("returned")) return sim;
      // the centre checks the list (and sometimes has to coordinate for days) before sending it on
      const wait = rng.chance(0.85) ? lnClamp(1.5 * HOUR, 0.8, 10 * MINUTE, 6 * HOUR) : rng.range(0.5, 2) * DAY;
      tD = clock.after(t, wait, rng);
      if (!sim.happened(tD)) return sim;
    }
    const assist = rng.chance(RATES.assist) ? assistUnits(rng, places, place, owner) : [];
    const redispatch = sim.status === "returned";
    sim.act(
      "dispatch",
      "dispatched",
      tD,
      dispatcher,
      redispatch ? "已核实权责清单,改派承办单位。" : rng.chance(0.4) ? "请按时限处置并反馈。" : null,
      {
        unitCode: owner,
        assistUnitCodes: assist,
      },
    );
    if (held("dispatched")) return sim;

    // 签收: most within the hour, a few after the one-working-day response limit
    // (urgent items with short limits are taken on faster)
    const x = rng.next();
    const urgency = Math.min(1, base.limitDays / 5);
    const acceptDelay =
      x < 0.9
        ? lnClamp(50 * MINUTE, 1, 2 * MINUTE, 6 * HOUR)
        : (x < 0.97 ? rng.range(4 * HOUR, DAY) : rng.range(1, 2.5) * DAY) * urgency;
    const tA = clock.after(sim.lastAt, acceptDelay, rng);
    if (!sim.happened(tA)) return sim;
    const ownerActor = unitActor(owner);
    sim.act("accept", "accepted", tA, ownerActor, rng.chance(0.25) ? "已签收,安排人员现场处置。" : null);
    if (held("accepted")) return sim;

    // 延期: asked early, granted by the centre most of the time
    const limit = base.limitDays;
    if (limit >= 2 && rng.chance(RATES.extension)) {
      const tReq = clock.after(tA, rng.range(0.2, 0.5) * limit * DAY, rng);
      if (tReq < sim.dueAt) {
        if (!sim.happened(tReq)) return sim;
        const until = new Date(clock.addWorkDays(sim.dueAt, Math.ceil(limit * rng.range(0.5, 1)))).toISOString();
        sim.act("extend-request", "accepted", tReq, ownerActor, rng.pick(EXTEND_REASONS), { until });
        const tApp = clock.after(tReq, lnClamp(3 * HOUR, 1, 15 * MINUTE, DAY), rng);
        if (!sim.happened(tApp)) return sim;
        const approve = rng.chance(0.9);
        sim.act("extend-approve", "accepted", tApp, centre, approve ? "同意延期。" : "不同意延期,请按原时限办结。", {
          approve,
        });
      }
    }

    // 处置: most within the (possibly extended) limit, in office hours; a few run late
    const late = rng.chance(RATES.lateHandling);
    const tF = late
      ? clock.office(clock.addWork(start, rng.range(1.02, 1.8) * clock.workBetween(start, sim.dueAt)), rng)
      : onTime(clock, rng, sim.lastAt, sim.dueAt, handleFraction(rng));
    if (rng.chance(late ? 0.5 : RATES.supervise)) {
      const tS = clock.office(sim.lastAt + rng.range(0.3, 0.8) * (tF - sim.lastAt), rng);
      if (tS < tF) {
        if (!sim.happened(tS)) return sim;
        sim.act("supervise", sim.status, tS, superior(), texts.urge(rng));
      }
    }
    if (!sim.happened(tF)) return sim;
    const kind = handlerKind(places, owner);
    sim.act("feedback", "handled", tF, ownerActor, texts.handling(rng, topic, kind, vars), { photoIds: [] });
    if (held("handled")) return sim;

    // 核查: grid workers check most results on site; a few fail and go back for rework
    let verifier = rng.chance(0.6) ? gridWorker : centre;
    let tV = verifyAt(clock, rng, tF, late ? Number.POSITIVE_INFINITY : sim.dueAt);
    if (!sim.happened(tV)) return sim;
    if (rng.chance(RATES.reworkFail)) {
      sim.act("verify", "accepted", tV, verifier, texts.verification(rng, topic, false), { pass: false });
      const tF2 =
        !late && sim.dueAt - tV > 2 * HOUR
          ? onTime(clock, rng, tV, sim.dueAt, rng.range(0.2, 0.7))
          : clock.after(tV, rng.range(0.3, 1.5) * DAY, rng);
      if (!sim.happened(tF2)) return sim;
      sim.act("feedback", "handled", tF2, ownerActor, texts.handling(rng, topic, kind, vars), { photoIds: [] });
      verifier = rng.chance(0.6) ? gridWorker : centre;
      tV = verifyAt(clock, rng, tF2, late ? Number.POSITIVE_INFINITY : sim.dueAt);
      if (!sim.happened(tV)) return sim;
    }
    sim.act("verify", "closed", tV, verifier, texts.verification(rng, topic, true), { pass: true });

    // 回访评价: the 12345 agent calls back hotline reporters; the centre the others
    if (!rng.chance(RATES.evaluate)) return sim;
    const tE = clock.after(tV, lnClamp(isHotline ? 20 * HOUR : 8 * HOUR, 0.8, 30 * MINUTE, 3 * DAY), rng);
    if (!sim.happened(tE)) return sim;
    const rating =
      round === 0
        ? pickWeighted(rng, RATINGS)
        : pickWeighted(rng, { satisfied: 0.7, basically: 0.25, unsatisfied: 0.05 });
    const comment = rating === "unsatisfied" || rng.chance(0.7) ? texts.evaluation(rng, topic, rating) : null;
    const evaluator = isHotline ? hotline : centre;
    sim.act("evaluate", "evaluated", tE, evaluator, comment, { rating, solved: rng.chance(SOLVED[rating]) });
    if (round > 0 || rating !== "unsatisfied" || !rng.chance(RATES.reopenUnsatisfied)) return sim;

    // 重新办理: once, with a fresh time limit
    const tR = clock.after(tE, lnClamp(3 * HOUR, 1, 10 * MINUTE, DAY), rng);
    if (!sim.happened(tR)) return sim;
    sim.act("reopen", "registered", tR, evaluator, `回访不满意,重新办理:${comment ?? "反映人对处置结果不满意。"}`);
    start = tR;
  }
  return sim;
}

/** Share of the remaining time (after acceptance) that the handling takes. */
function handleFraction(rng: Rng): number {
  const x = rng.next();
  if (x < 0.45) return rng.range(0.03, 0.25);
  if (x < 0.85) return rng.range(0.25, 0.55);
  return rng.range(0.55, 0.85);
}

/** Feedback inside the window: in office hours, and before the deadline when an office day allows. */
function onTime(clock: HistoryClock, rng: Rng, from: number, due: number, frac: number): number {
  const target = clock.addWork(from, frac * clock.workBetween(from, due));
  const earliest = from + rng.range(20, 90) * MINUTE;
  const t = clock.office(Math.max(target, earliest), rng);
  if (t < due) return t;
  const before = clock.officeBefore(target, rng);
  return before >= earliest && before < due ? before : t;
}

/** On-site check after the feedback; an on-time case is checked before its deadline when possible. */
function verifyAt(clock: HistoryClock, rng: Rng, tF: number, due: number): number {
  const t = clock.after(tF, Math.min(2 * DAY, Math.max(15 * MINUTE, rng.logNormal(3 * HOUR, 1))), rng);
  if (t < due || due - tF < 20 * MINUTE) return t;
  return tF + rng.range(0.3, 0.9) * (due - tF);
}

/** A stuck case: the centres urge it now and then; it stays where it is. Always true. */
function stayStuck(sim: CaseSim, ctx: LifecycleContext, rng: Rng, superior: () => Actor): boolean {
  let t = sim.lastAt;
  for (let i = 0; i < 3; i++) {
    t = ctx.clock.after(t, rng.range(3, 12) * DAY, rng);
    if (!sim.happened(t)) break;
    sim.act("supervise", sim.status, t, superior(), ctx.texts.urge(rng));
  }
  return true;
}

function handlerKind(places: HistoryPlaces, unitCode: string): HandlerKind {
  const u = places.units.get(unitCode);
  return (u?.type === "department" && u.departmentKind ? u.departmentKind : "territorial") as HandlerKind;
}

/** A unit that serves the place but does not own the matter: what a hurried dispatcher picks. */
function wrongUnit(rng: Rng, places: HistoryPlaces, place: Place, owner: string): string {
  const depts = places
    .departmentsServing(place)
    .filter((c) => CONFUSABLE.includes(places.units.get(c)?.departmentKind ?? ""));
  const territorial = [places.centreOf(place.community), places.centreOf(place.township)];
  const options = [...depts, ...territorial].filter((c): c is string => c !== null && c !== owner);
  return options.length > 0 ? rng.pick(options) : owner;
}

/** One or two departments serving the place, other than the owner (一网协同). */
function assistUnits(rng: Rng, places: HistoryPlaces, place: Place, owner: string): string[] {
  const options = places.departmentsServing(place).filter((c) => c !== owner);
  const n = Math.min(options.length, rng.chance(0.7) ? 1 : 2);
  const out: string[] = [];
  while (out.length < n) {
    const c = rng.pick(options);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}
