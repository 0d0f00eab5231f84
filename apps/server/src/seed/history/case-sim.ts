// One case replayed through the state machine: each step writes the event row and changes the row
// fields exactly as the live server would (apply-patch.ts), and the SLA sweep's warn / overdue /
// auto-escalate events fire in between whenever the case waits in a state where the clock runs.
import { deadlinesFor } from "@civicgrid/domain";
import type { CaseStatus } from "@civicgrid/shared";
import type { Rng } from "./random.ts";
import { DAY, type HistoryClock } from "./time.ts";
import type { HistoryCase, HistoryEvent } from "./types.ts";

/** Mirrors jobs/sweep-deadlines.ts. */
const SLA_STATES: ReadonlySet<CaseStatus> = new Set(["reported", "registered", "dispatched", "accepted", "returned"]);
const MAX_ESCALATION_LEVEL = 2;
const ESCALATION_STEP_DAYS = 1;
const TERMINAL: ReadonlySet<CaseStatus> = new Set(["rejected", "merged", "closed", "evaluated"]);

export interface Actor {
  role: string | null;
  unit: string | null;
}

/** The fields of a case fixed at intake. */
export type CaseBase = Pick<
  HistoryCase,
  | "id"
  | "code"
  | "title"
  | "description"
  | "source"
  | "categoryCode"
  | "lat"
  | "lng"
  | "address"
  | "gridCode"
  | "communityCode"
  | "townshipCode"
  | "districtCode"
  | "cityCode"
  | "reporterName"
  | "reporterPhone"
  | "centreUnitCode"
  | "suggestedUnitCode"
  | "routingRule"
  | "routingReason"
  | "limitDays"
  | "reportedAt"
>;

type Ms = number | null;
const toDate = (ms: Ms) => (ms === null ? null : new Date(ms));

export class CaseSim {
  status: CaseStatus = "reported";
  /** time of the last event of any kind */
  lastAt: number;
  /** first time the case reached a terminal state (merge targets must be open before it) */
  firstTerminalAt = Number.POSITIVE_INFINITY;
  readonly events: HistoryEvent[] = [];
  readonly row: HistoryCase;
  #due: Ms = null;
  #warn: Ms = null;
  #warned: Ms = null;
  #overdue: Ms = null;
  #nextEscalation: Ms = null;

  constructor(
    base: CaseBase,
    readonly clock: HistoryClock,
    readonly now: number,
    readonly rng: Rng,
    reportActor: Actor,
    reportData: Record<string, unknown>,
  ) {
    const r = base.reportedAt.getTime();
    this.lastAt = r;
    // every field spelled out: a literal of fixed shape keeps V8's fast properties (a spread does not)
    this.row = {
      id: base.id,
      code: base.code,
      title: base.title,
      description: base.description,
      source: base.source,
      categoryCode: base.categoryCode,
      status: "reported",
      lat: base.lat,
      lng: base.lng,
      address: base.address,
      gridCode: base.gridCode,
      communityCode: base.communityCode,
      townshipCode: base.townshipCode,
      districtCode: base.districtCode,
      cityCode: base.cityCode,
      reporterName: base.reporterName,
      reporterPhone: base.reporterPhone,
      centreUnitCode: base.centreUnitCode,
      ownerUnitCode: null,
      assistUnitCodes: [],
      involvedUnitCodes: [base.centreUnitCode],
      dispatcherUnitCode: null,
      suggestedUnitCode: base.suggestedUnitCode,
      routingRule: base.routingRule,
      routingReason: base.routingReason,
      limitDays: base.limitDays,
      reportedAt: base.reportedAt,
      registeredAt: null,
      dispatchedAt: null,
      acceptDueAt: null,
      acceptedAt: null,
      handledAt: null,
      closedAt: null,
      evaluatedAt: null,
      dueAt: null,
      warnAt: null,
      warnedAt: null,
      overdueAt: null,
      escalationLevel: 0,
      nextEscalationAt: null,
      reworkCount: 0,
      returnCount: 0,
      reopenCount: 0,
      supervisionCount: 0,
      extensionCount: 0,
      meTooCount: 0,
      mergedIntoId: null,
      rating: null,
      ratingComment: null,
      solved: null,
      handlingWorkDays: null,
      pendingExtension: null,
      resultNote: null,
      lastReturnReason: null,
      version: 0,
      updatedAt: base.reportedAt,
      events: this.events,
    };
    this.#setDeadlines(r);
    this.#push("report", null, "reported", r, reportActor, null, reportData);
  }

  get dueAt(): number {
    return this.#due ?? this.lastAt;
  }

  /** Whether an action at `at` has happened by now. */
  happened(at: number): boolean {
    return at <= this.now;
  }

  /** One person's action; `at` is clamped so that a case's events never go back in time. */
  act(
    action: string,
    to: CaseStatus,
    at: number,
    actor: Actor,
    note: string | null,
    data: Record<string, unknown> = {},
  ) {
    this.fireTimers(at);
    const t = Math.max(at, this.lastAt);
    const row = this.row;
    const d = new Date(t);
    switch (action) {
      case "register":
        row.registeredAt = d;
        break;
      case "merge":
        row.mergedIntoId = data.targetId as string;
        break;
      case "dispatch": {
        row.ownerUnitCode = data.unitCode as string;
        row.assistUnitCodes = data.assistUnitCodes as string[];
        for (const u of [row.ownerUnitCode, ...row.assistUnitCodes])
          if (!row.involvedUnitCodes.includes(u)) row.involvedUnitCodes.push(u);
        row.acceptedAt = null;
        row.handledAt = null;
        row.handlingWorkDays = null;
        row.dispatchedAt = d;
        row.dispatcherUnitCode = actor.unit;
        row.acceptDueAt = new Date(this.clock.addWorkDays(t, 1));
        break;
      }
      case "accept":
        row.acceptedAt = d;
        break;
      case "return":
        row.ownerUnitCode = null;
        row.assistUnitCodes = [];
        row.acceptedAt = null;
        row.handledAt = null;
        row.handlingWorkDays = null;
        row.returnCount++;
        row.lastReturnReason = note;
        break;
      case "feedback":
        row.handledAt = d;
        row.resultNote = note;
        // as apply-patch.ts: working days from the latest dispatch, to the hundredth
        row.handlingWorkDays = row.dispatchedAt
          ? Math.round((this.clock.workBetween(row.dispatchedAt.getTime(), t) / DAY) * 100) / 100
          : null;
        break;
      case "verify":
        if (data.pass) row.closedAt = d;
        else {
          row.handledAt = null;
          row.handlingWorkDays = null;
          row.reworkCount++;
        }
        break;
      case "evaluate":
        row.evaluatedAt = d;
        row.rating = data.rating as HistoryCase["rating"];
        row.ratingComment = note;
        row.solved = data.solved as boolean;
        break;
      case "reopen":
        this.#setDeadlines(t);
        row.closedAt = null;
        row.evaluatedAt = null;
        row.rating = null;
        row.ratingComment = null;
        row.solved = null;
        row.registeredAt = d;
        row.reopenCount++;
        row.ownerUnitCode = null;
        row.assistUnitCodes = [];
        row.acceptedAt = null;
        row.handledAt = null;
        row.handlingWorkDays = null;
        break;
      case "extend-request":
        // requestedBy names a user live; seeded history has no accounts, so the unit stands in
        row.pendingExtension = {
          until: data.until as string,
          reason: note ?? "",
          requestedBy: actor.unit ?? "",
          requestedAt: d.toISOString(),
        };
        break;
      case "extend-approve": {
        const pending = row.pendingExtension;
        row.pendingExtension = null;
        if (data.approve && pending) {
          // the warning keeps the same share of the new, longer window (apply-patch.ts)
          const until = Date.parse(pending.until);
          const start = (row.dispatchedAt ?? row.reportedAt).getTime();
          const span = this.clock.workBetween(start, until);
          this.#resetTimers(until, this.clock.addWork(start, span * 0.8));
          row.extensionCount++;
          data.dueAt = pending.until;
        }
        break;
      }
      case "supervise":
        row.supervisionCount++;
        break;
    }
    row.version++;
    row.updatedAt = d;
    if (TERMINAL.has(to) && t < this.firstTerminalAt) this.firstTerminalAt = t;
    this.#push(action, this.status, to, t, actor, note, data);
  }

  /** The sweep's events for the time the case waits, in its current state, until `until`. */
  fireTimers(until: number) {
    if (!SLA_STATES.has(this.status) || this.#due === null) return;
    const sweepAt = (due: number) => Math.max(due, this.lastAt) + Math.round(this.rng.range(1, 60)) * 1000;
    const fits = (t: number) => t < until && t <= this.now;
    const data = () => ({ dueAt: new Date(this.#due as number).toISOString(), level: this.row.escalationLevel });
    if (this.#warned === null && this.#warn !== null && this.#warn < until) {
      const t = sweepAt(this.#warn);
      if (!fits(t)) return;
      this.#warned = t;
      this.#push("warn", this.status, this.status, t, SYSTEM, "处置时限已用80%", data());
    }
    if (this.#overdue === null && this.#due < until) {
      const t = sweepAt(this.#due);
      if (!fits(t)) return;
      this.#overdue = t;
      this.#warned ??= t;
      this.#nextEscalation = this.clock.addWorkDays(this.#due, ESCALATION_STEP_DAYS);
      this.#push("overdue", this.status, this.status, t, SYSTEM, "已超过处置时限", data());
    }
    while (this.#nextEscalation !== null && this.#nextEscalation < until) {
      const t = sweepAt(this.#nextEscalation);
      if (!fits(t)) return;
      this.row.escalationLevel++;
      this.row.supervisionCount++;
      this.#nextEscalation =
        this.row.escalationLevel >= MAX_ESCALATION_LEVEL
          ? null
          : this.clock.addWorkDays(this.#nextEscalation, ESCALATION_STEP_DAYS);
      this.#push("auto-escalate", this.status, this.status, t, SYSTEM, "超期未办结,自动升级督办", data());
    }
  }

  /** The row as it stands at `now`. */
  finish(): HistoryCase {
    this.fireTimers(this.now);
    const row = this.row;
    row.status = this.status;
    row.dueAt = toDate(this.#due);
    row.warnAt = toDate(this.#warn);
    row.warnedAt = toDate(this.#warned);
    row.overdueAt = toDate(this.#overdue);
    row.nextEscalationAt = toDate(this.#nextEscalation);
    return row;
  }

  #setDeadlines(from: number) {
    const { dueAt, warnAt } = deadlinesFor(this.clock.calendar, new Date(from), this.row.limitDays);
    this.#resetTimers(dueAt.getTime(), warnAt.getTime());
  }

  #resetTimers(due: number, warn: number) {
    this.#due = due;
    this.#warn = warn;
    this.#warned = null;
    this.#overdue = null;
    this.#nextEscalation = null;
    this.row.escalationLevel = 0;
  }

  #push(
    action: string,
    from: CaseStatus | null,
    to: CaseStatus,
    at: number,
    actor: Actor,
    note: string | null,
    data: Record<string, unknown>,
  ) {
    this.events.push({
      seq: this.events.length + 1,
      action,
      fromStatus: from,
      toStatus: to,
      actorRole: actor.role,
      actorUnitCode: actor.unit,
      at: new Date(at),
      note,
      data,
    });
    this.status = to;
    this.lastAt = at;
  }
}

const SYSTEM: Actor = { role: null, unit: null };
