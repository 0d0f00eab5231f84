// packages/shared/src/enums.ts
var CASE_ACTIONS = [
  "register",
  "reject",
  "merge",
  "dispatch",
  "accept",
  "return",
  "escalate",
  "assign",
  "feedback",
  "verify",
  "evaluate",
  "reopen",
  "extend-request",
  "extend-approve",
  "supervise"
];
var CENTRE_ROLES = ["city_centre", "district_centre", "township_centre"];

// packages/domain/src/calendar/work-calendar.ts
var DAY_MS = 864e5;
var CST_OFFSET_MS = 8 * 36e5;
var DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
function cstDayIndex(ms) {
  return Math.floor((ms + CST_OFFSET_MS) / DAY_MS);
}
function cstDayStart(day) {
  return day * DAY_MS - CST_OFFSET_MS;
}
function weekdayOf(day) {
  return ((day + 4) % 7 + 7) % 7;
}
function parseDay(value, field) {
  const m = DATE_RE.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const utc = Date.UTC(y, mo - 1, d);
    const check = new Date(utc);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) {
      return utc / DAY_MS;
    }
  }
  throw new RangeError(`WorkCalendar: invalid date ${JSON.stringify(value)} in ${field} (expected YYYY-MM-DD)`);
}
function instantOf(date, name) {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`WorkCalendar: ${name} is an invalid Date`);
  return ms;
}
var WorkCalendar = class {
  // Day indices rather than strings: lookups in the hot loops need no formatting.
  #holidays;
  #workdays;
  /** Throws RangeError on malformed dates or a date listed both as holiday and as workday. */
  constructor(data) {
    const holidays = new Set(data.holidays.map((s) => parseDay(s, "holidays")));
    const workdays = new Set(data.workdays.map((s) => parseDay(s, "workdays")));
    for (const day of workdays) {
      if (holidays.has(day)) {
        const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
        throw new RangeError(`WorkCalendar: ${iso} is listed both as holiday and as workday`);
      }
    }
    this.#holidays = holidays;
    this.#workdays = workdays;
  }
  /** Whether the CST calendar day of the instant is a working day. */
  isWorkingDay(date) {
    return this.#isWorkingDayIndex(cstDayIndex(instantOf(date, "date")));
  }
  /**
   * The instant after `ms` of working time has elapsed from `from`; time on non-working days is
   * skipped; if `from` is on a non-working day, counting starts at 00:00 CST of the next working
   * day. Returns the earliest such instant, so a limit that exactly fills a working day ends at
   * 24:00 of that day (= 00:00 of the next calendar day, even if that day is not a working day).
   * `ms` is rounded to whole milliseconds and must be finite and >= 0.
   */
  addWorkingTime(from, ms) {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`WorkCalendar: working time must be a finite number >= 0, got ${ms}`);
    }
    let remaining = Math.round(ms);
    let t = instantOf(from, "from");
    let day = cstDayIndex(t);
    if (!this.#isWorkingDayIndex(day)) {
      day = this.#nextWorkingDay(day);
      t = cstDayStart(day);
    }
    for (; ; ) {
      const available = cstDayStart(day + 1) - t;
      if (remaining <= available) return new Date(t + remaining);
      remaining -= available;
      day = this.#nextWorkingDay(day);
      t = cstDayStart(day);
    }
  }
  /** = addWorkingTime(from, days * 24h); fractional days allowed. */
  addWorkingDays(from, days) {
    return this.addWorkingTime(from, days * DAY_MS);
  }
  /** Working time in ms between a and b (0 if b <= a). */
  workingTimeBetween(a, b) {
    const start = instantOf(a, "a");
    const end = instantOf(b, "b");
    if (end <= start) return 0;
    let total = 0;
    const lastDay = cstDayIndex(end);
    for (let day = cstDayIndex(start); day <= lastDay; day++) {
      if (!this.#isWorkingDayIndex(day)) continue;
      const from = Math.max(start, cstDayStart(day));
      const to = Math.min(end, cstDayStart(day + 1));
      if (to > from) total += to - from;
    }
    return total;
  }
  #isWorkingDayIndex(day) {
    if (this.#workdays.has(day)) return true;
    if (this.#holidays.has(day)) return false;
    const wd2 = weekdayOf(day);
    return wd2 >= 1 && wd2 <= 5;
  }
  /** First working day strictly after `day`; terminates because the holiday list is finite. */
  #nextWorkingDay(day) {
    let d = day + 1;
    while (!this.#isWorkingDayIndex(d)) d++;
    return d;
  }
};
function deadlinesFor(cal, from, limitDays, warnRatio = 0.8) {
  if (!Number.isFinite(limitDays) || limitDays < 0) {
    throw new RangeError(`deadlinesFor: limitDays must be a finite number >= 0, got ${limitDays}`);
  }
  if (!Number.isFinite(warnRatio) || warnRatio < 0 || warnRatio > 1) {
    throw new RangeError(`deadlinesFor: warnRatio must be between 0 and 1, got ${warnRatio}`);
  }
  const limitMs = limitDays * DAY_MS;
  return {
    dueAt: cal.addWorkingTime(from, limitMs),
    warnAt: cal.addWorkingTime(from, limitMs * warnRatio)
  };
}

// packages/domain/src/case/machine.ts
var OPEN = ["reported", "registered", "dispatched", "accepted", "returned", "handled"];
var centres = { roles: CENTRE_ROLES, relation: "coordinator" };
var owner = { roles: "any", relation: "owner" };
var hotline = { roles: ["hotline_agent"], relation: "jurisdiction" };
var TRANSITIONS = {
  register: { from: ["reported"], grants: [centres, hotline] },
  reject: { from: ["reported"], grants: [centres, hotline] },
  merge: { from: ["reported", "registered"], grants: [centres, hotline] },
  dispatch: { from: ["registered", "returned", "dispatched"], grants: [centres] },
  accept: { from: ["dispatched"], grants: [owner] },
  return: { from: ["dispatched", "accepted"], grants: [owner] },
  escalate: { from: ["registered", "returned", "dispatched", "accepted"], grants: [centres, owner] },
  assign: {
    from: ["registered", "returned"],
    grants: [{ roles: ["city_centre", "district_centre"], relation: "coordinator" }]
  },
  feedback: { from: ["accepted"], grants: [owner] },
  verify: {
    from: ["handled"],
    grants: [centres, { roles: ["grid_worker", "community_station"], relation: "territory" }]
  },
  evaluate: { from: ["closed"], grants: [centres, hotline, { roles: "any", relation: "reporter" }] },
  reopen: { from: ["evaluated"], grants: [centres, hotline, { roles: "any", relation: "reporter" }] },
  "extend-request": { from: ["accepted"], grants: [owner] },
  "extend-approve": { from: ["dispatched", "accepted", "handled"], grants: [centres] },
  supervise: { from: OPEN, grants: [centres] }
};

// packages/domain/src/case/history.ts
var SYSTEM_SELF = /* @__PURE__ */ new Set(["warn", "overdue", "auto-escalate"]);
function findInvalidStep(steps) {
  let current = "reported";
  for (const [i, step] of steps.entries()) {
    if (i === 0) {
      if (step.action !== "report" || step.fromStatus !== null || step.toStatus !== "reported") {
        return `step 0 must be report \u2192 reported, got ${step.action} \u2192 ${step.toStatus}`;
      }
      continue;
    }
    if (step.fromStatus !== current) return `step ${i} starts from ${step.fromStatus}, case was ${current}`;
    if (SYSTEM_SELF.has(step.action)) {
      if (step.toStatus !== current) return `step ${i}: ${step.action} must not change the state`;
      continue;
    }
    if (!CASE_ACTIONS.includes(step.action)) return `step ${i}: unknown action ${step.action}`;
    const rule = TRANSITIONS[step.action];
    if (!rule.from.includes(current)) return `step ${i}: ${step.action} not allowed from ${current}`;
    if (!possibleTargets(step.action, current).includes(step.toStatus)) {
      return `step ${i}: ${step.action} cannot lead to ${step.toStatus}`;
    }
    current = step.toStatus;
  }
  return null;
}
function possibleTargets(action, from) {
  switch (action) {
    case "register":
    case "escalate":
    case "assign":
    case "reopen":
      return ["registered"];
    case "reject":
      return ["rejected"];
    case "merge":
      return ["merged"];
    case "dispatch":
      return ["dispatched"];
    case "accept":
      return ["accepted"];
    case "return":
      return ["returned"];
    case "feedback":
      return ["handled"];
    case "verify":
      return ["closed", "accepted"];
    case "evaluate":
      return ["evaluated"];
    default:
      return [from];
  }
}

// packages/domain/src/routing/route-case.ts
var DEFAULT_LIMIT_DAYS = 5;
function routeCase(place, entry, dir) {
  const fallback = (why) => {
    const unitCode = dir.centreOf(place.district) ?? dir.centreOf(place.city);
    if (!unitCode) throw new Error(`no centre for ${place.district}`);
    return { unitCode, rule: "fallback", reason: why, limitDays: entry?.limitDays ?? null };
  };
  if (!entry) {
    return fallback({
      zh: "\u7C7B\u522B\u672A\u5217\u5165\u6743\u8D23\u6E05\u5355,\u7531\u533A\u7EA7\u4E2D\u5FC3\u515C\u5E95",
      en: "Category not in the responsibility list: district centre owns it"
    });
  }
  if (entry.handlerKind === "territorial") {
    const code = entry.level === "township" ? place.township : place.community;
    const unitCode = dir.centreOf(code);
    if (unitCode) {
      return {
        unitCode,
        rule: "territorial",
        reason: {
          zh: `\u6743\u8D23\u6E05\u5355:\u5C5E\u5730\u7BA1\u7406,\u7531${entry.level === "township" ? "\u8857\u9053(\u4E61\u9547)" : "\u793E\u533A(\u6751)"}\u5904\u7F6E`,
          en: `Responsibility list: territorial, handled by the ${entry.level === "township" ? "township" : "community"}`
        },
        limitDays: entry.limitDays
      };
    }
    return fallback({ zh: "\u5C5E\u5730\u5355\u4F4D\u7F3A\u5931,\u7531\u533A\u7EA7\u4E2D\u5FC3\u515C\u5E95", en: "No territorial unit: district centre owns it" });
  }
  const seat = entry.level === "city" ? place.city : place.district;
  const dept = dir.departmentOf(entry.handlerKind, seat);
  if (dept) {
    return {
      unitCode: dept,
      rule: "department",
      reason: {
        zh: `\u6743\u8D23\u6E05\u5355:${entry.level === "city" ? "\u5E02\u7EA7" : "\u533A\u7EA7"}\u804C\u80FD\u90E8\u95E8\u5904\u7F6E`,
        en: `Responsibility list: ${entry.level}-level department`
      },
      limitDays: entry.limitDays
    };
  }
  const cityDept = dir.departmentOf(entry.handlerKind, place.city);
  if (cityDept) {
    return {
      unitCode: cityDept,
      rule: "department_city_fallback",
      reason: { zh: "\u6743\u8D23\u6E05\u5355:\u672C\u533A\u65E0\u5BF9\u5E94\u90E8\u95E8,\u7531\u5E02\u7EA7\u90E8\u95E8\u5904\u7F6E", en: "No such district department: city department" },
      limitDays: entry.limitDays
    };
  }
  return fallback({ zh: "\u65E0\u5BF9\u5E94\u804C\u80FD\u90E8\u95E8,\u7531\u533A\u7EA7\u4E2D\u5FC3\u515C\u5E95", en: "No such department: district centre owns it" });
}

// apps/server/src/seed/history/case-sim.ts
var SLA_STATES = /* @__PURE__ */ new Set(["reported", "registered", "dispatched", "accepted", "returned"]);
var MAX_ESCALATION_LEVEL = 2;
var ESCALATION_STEP_DAYS = 1;
var TERMINAL = /* @__PURE__ */ new Set(["rejected", "merged", "closed", "evaluated"]);
var toDate = (ms) => ms === null ? null : new Date(ms);
var CaseSim = class {
  constructor(base, clock, now2, rng, reportActor, reportData) {
    this.clock = clock;
    this.now = now2;
    this.rng = rng;
    const r = base.reportedAt.getTime();
    this.lastAt = r;
    this.row = {
      ...base,
      status: "reported",
      ownerUnitCode: null,
      assistUnitCodes: [],
      involvedUnitCodes: [base.centreUnitCode],
      dispatcherUnitCode: null,
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
      pendingExtension: null,
      resultNote: null,
      lastReturnReason: null,
      version: 0,
      updatedAt: base.reportedAt
    };
    this.#setDeadlines(r);
    this.#push("report", null, "reported", r, reportActor, null, reportData);
  }
  clock;
  now;
  rng;
  status = "reported";
  /** time of the last event of any kind */
  lastAt;
  /** first time the case reached a terminal state (merge targets must be open before it) */
  firstTerminalAt = Number.POSITIVE_INFINITY;
  events = [];
  row;
  #due = null;
  #warn = null;
  #warned = null;
  #overdue = null;
  #nextEscalation = null;
  get dueAt() {
    return this.#due ?? this.lastAt;
  }
  /** Whether an action at `at` has happened by now. */
  happened(at) {
    return at <= this.now;
  }
  /** One person's action; `at` is clamped so that a case's events never go back in time. */
  act(action, to, at, actor, note, data = {}) {
    this.fireTimers(at);
    const t = Math.max(at, this.lastAt);
    const row = this.row;
    const d = new Date(t);
    switch (action) {
      case "register":
        row.registeredAt = d;
        break;
      case "merge":
        row.mergedIntoId = data.targetId;
        break;
      case "dispatch": {
        row.ownerUnitCode = data.unitCode;
        row.assistUnitCodes = data.assistUnitCodes;
        for (const u4 of [row.ownerUnitCode, ...row.assistUnitCodes]) if (!row.involvedUnitCodes.includes(u4)) row.involvedUnitCodes.push(u4);
        row.acceptedAt = null;
        row.handledAt = null;
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
        row.returnCount++;
        row.lastReturnReason = note;
        break;
      case "feedback":
        row.handledAt = d;
        row.resultNote = note;
        break;
      case "verify":
        if (data.pass) row.closedAt = d;
        else {
          row.handledAt = null;
          row.reworkCount++;
        }
        break;
      case "evaluate":
        row.evaluatedAt = d;
        row.rating = data.rating;
        row.ratingComment = note;
        break;
      case "reopen":
        this.#setDeadlines(t);
        row.closedAt = null;
        row.evaluatedAt = null;
        row.rating = null;
        row.ratingComment = null;
        row.registeredAt = d;
        row.reopenCount++;
        row.ownerUnitCode = null;
        row.assistUnitCodes = [];
        row.acceptedAt = null;
        row.handledAt = null;
        break;
      case "extend-request":
        row.pendingExtension = {
          until: data.until,
          reason: note ?? "",
          requestedBy: actor.unit ?? "",
          requestedAt: d.toISOString()
        };
        break;
      case "extend-approve": {
        const pending = row.pendingExtension;
        row.pendingExtension = null;
        if (data.approve && pending) {
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
  fireTimers(until) {
    if (!SLA_STATES.has(this.status) || this.#due === null) return;
    const sweepAt = (due) => Math.max(due, this.lastAt) + Math.round(this.rng.range(1, 60)) * 1e3;
    const fits = (t) => t < until && t <= this.now;
    const data = () => ({ dueAt: new Date(this.#due).toISOString(), level: this.row.escalationLevel });
    if (this.#warned === null && this.#warn !== null && this.#warn < until) {
      const t = sweepAt(this.#warn);
      if (!fits(t)) return;
      this.#warned = t;
      this.#push("warn", this.status, this.status, t, SYSTEM, "\u5904\u7F6E\u65F6\u9650\u5DF2\u752880%", data());
    }
    if (this.#overdue === null && this.#due < until) {
      const t = sweepAt(this.#due);
      if (!fits(t)) return;
      this.#overdue = t;
      this.#warned ??= t;
      this.#nextEscalation = this.clock.addWorkDays(this.#due, ESCALATION_STEP_DAYS);
      this.#push("overdue", this.status, this.status, t, SYSTEM, "\u5DF2\u8D85\u8FC7\u5904\u7F6E\u65F6\u9650", data());
    }
    while (this.#nextEscalation !== null && this.#nextEscalation < until) {
      const t = sweepAt(this.#nextEscalation);
      if (!fits(t)) return;
      this.row.escalationLevel++;
      this.row.supervisionCount++;
      this.#nextEscalation = this.row.escalationLevel >= MAX_ESCALATION_LEVEL ? null : this.clock.addWorkDays(this.#nextEscalation, ESCALATION_STEP_DAYS);
      this.#push("auto-escalate", this.status, this.status, t, SYSTEM, "\u8D85\u671F\u672A\u529E\u7ED3,\u81EA\u52A8\u5347\u7EA7\u7763\u529E", data());
    }
  }
  /** The row as it stands at `now`. */
  finish() {
    this.fireTimers(this.now);
    const row = this.row;
    row.status = this.status;
    row.dueAt = toDate(this.#due);
    row.warnAt = toDate(this.#warn);
    row.warnedAt = toDate(this.#warned);
    row.overdueAt = toDate(this.#overdue);
    row.nextEscalationAt = toDate(this.#nextEscalation);
    return { ...row, events: this.events };
  }
  #setDeadlines(from) {
    const { dueAt, warnAt } = deadlinesFor(this.clock.calendar, new Date(from), this.row.limitDays);
    this.#resetTimers(dueAt.getTime(), warnAt.getTime());
  }
  #resetTimers(due, warn) {
    this.#due = due;
    this.#warn = warn;
    this.#warned = null;
    this.#overdue = null;
    this.#nextEscalation = null;
    this.row.escalationLevel = 0;
  }
  #push(action, from, to, at, actor, note, data) {
    this.events.push({
      seq: this.events.length + 1,
      action,
      fromStatus: from,
      toStatus: to,
      actorRole: actor.role,
      actorUnitCode: actor.unit,
      at: new Date(at),
      note,
      data
    });
    this.status = to;
    this.lastAt = at;
  }
};
var SYSTEM = { role: null, unit: null };

// apps/server/src/seed/history/random.ts
var Rng = class _Rng {
  #state;
  constructor(seed) {
    this.#state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next() {
    this.#state = this.#state + 1831565813 >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }
  /** Uniform in [a, b). */
  range(a, b) {
    return a + (b - a) * this.next();
  }
  chance(p) {
    return this.next() < p;
  }
  pick(items) {
    if (items.length === 0) throw new Error("Rng.pick: empty list");
    return items[this.int(items.length)];
  }
  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median, sigma) {
    return median * Math.exp(sigma * this.normal());
  }
  /** Standard normal (Box–Muller). */
  normal() {
    const u4 = 1 - this.next();
    const v2 = this.next();
    return Math.sqrt(-2 * Math.log(u4)) * Math.cos(2 * Math.PI * v2);
  }
  /** A fresh generator derived from this one: independent streams keep re-runs stable. */
  fork() {
    return new _Rng(Math.floor(this.next() * 4294967296));
  }
  /** A version-4 UUID drawn from this generator (deterministic ids for tests). */
  uuid() {
    const hex = (n) => Math.floor(this.next() * 16 ** n).toString(16).padStart(n, "0");
    const variant = (8 + this.int(4)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  }
};
var WeightedSampler = class {
  #items;
  #cumulative;
  total;
  constructor(items, weights) {
    this.#items = [...items];
    this.#cumulative = new Float64Array(items.length);
    let sum2 = 0;
    for (let i = 0; i < items.length; i++) {
      const w = weights[i] ?? 0;
      sum2 += Number.isFinite(w) && w > 0 ? w : 0;
      this.#cumulative[i] = sum2;
    }
    this.total = sum2;
  }
  get size() {
    return this.#items.length;
  }
  draw(rng) {
    if (this.total <= 0) throw new Error("WeightedSampler: no positive weight");
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.#cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo];
  }
};
function pickWeighted(rng, table) {
  const entries = Object.entries(table);
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = rng.next() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries[entries.length - 1][0];
}

// apps/server/src/seed/history/time.ts
var MINUTE = 6e4;
var HOUR = 36e5;
var DAY = 864e5;
var CST = 8 * HOUR;
var dayIndex = (ms) => Math.floor((ms + CST) / DAY);
var dayStart = (day) => day * DAY - CST;
var monthOfDay = (day) => new Date(day * DAY).getUTCMonth();
var cstDate = (ms) => new Date(ms + CST).toISOString().slice(0, 10);
var HOURS = {
  // grid workers patrol in office hours, mornings busiest
  grid: [0, 0, 0, 0, 0, 0, 0.02, 0.3, 1, 1.6, 1.6, 1.1, 0.4, 0.8, 1.4, 1.4, 1, 0.4, 0.15, 0.08, 0.05, 0.03, 0.01, 0],
  // 12345 is staffed around the clock; calls follow the citizens' day
  hotline: [0.08, 0.05, 0.03, 0.03, 0.04, 0.08, 0.2, 0.5, 1, 1.5, 1.5, 1.2, 0.7, 1, 1.3, 1.3, 1.1, 0.9, 0.8, 0.8, 0.7, 0.5, 0.3, 0.15],
  // online channels peak after work
  online: [0.15, 0.08, 0.04, 0.03, 0.03, 0.06, 0.2, 0.5, 0.8, 1, 1, 0.9, 0.9, 0.8, 0.9, 0.9, 0.9, 0.9, 1, 1.3, 1.4, 1.3, 0.9, 0.4],
  media: [0, 0, 0, 0, 0, 0, 0.1, 0.4, 1, 1.3, 1.3, 1, 0.5, 0.8, 1.2, 1.2, 1, 0.6, 0.3, 0.2, 0.1, 0.05, 0, 0]
};
var hourProfile = (source) => source === "grid" || source === "hotline" || source === "media" ? source : "online";
var OFF_DAY_WEIGHT = 0.55;
var HistoryClock = class {
  calendar;
  #working = /* @__PURE__ */ new Map();
  #hours = /* @__PURE__ */ new Map();
  constructor(calendar2) {
    this.calendar = calendar2;
    const hours = Array.from({ length: 24 }, (_, h2) => h2);
    for (const [k, w] of Object.entries(HOURS)) this.#hours.set(k, new WeightedSampler(hours, w));
  }
  isWorkingDay(day) {
    let w = this.#working.get(day);
    if (w === void 0) {
      w = this.calendar.isWorkingDay(new Date(dayStart(day) + 12 * HOUR));
      this.#working.set(day, w);
    }
    return w;
  }
  nextWorkingDay(day) {
    let d = day + 1;
    while (!this.isWorkingDay(d)) d++;
    return d;
  }
  /** `ms` of working time after t (non-working days do not count). */
  addWork(t, ms) {
    return this.calendar.addWorkingTime(new Date(t), Math.max(0, ms)).getTime();
  }
  addWorkDays(t, days) {
    return this.calendar.addWorkingDays(new Date(t), days).getTime();
  }
  workBetween(a, b) {
    return this.calendar.workingTimeBetween(new Date(a), new Date(b));
  }
  /** The first moment at or after t when a staffed office acts: 08:00–18:00 on working days, or a duty shift. */
  office(t, rng) {
    const d = dayIndex(t);
    const m = t - dayStart(d);
    if (this.isWorkingDay(d)) {
      if (m >= 8 * HOUR && m < 18 * HOUR) return t;
      if (m < 8 * HOUR) return dayStart(d) + 8 * HOUR + rng.range(0, 50) * MINUTE;
    } else if (m >= 9 * HOUR && m < 16 * HOUR && rng.chance(0.2)) {
      return t;
    }
    return dayStart(this.nextWorkingDay(d)) + 8 * HOUR + rng.range(0, 50) * MINUTE;
  }
  /** An office reaction `ms` after t: short delays run on the wall clock, long ones in working time. */
  after(t, ms, rng) {
    return this.office(ms < 6 * HOUR ? t + ms : this.addWork(t, ms), rng);
  }
  /**
   * Report instants over the 365 CST days ending with now's day, sorted: days weighted by the
   * working-day rhythm and the month's overall volume, hours by channel.
   */
  sampleReports(count2, now2, rng, monthFactor, sources) {
    const today = dayIndex(now2);
    const days = Array.from({ length: 365 }, (_, i) => today - 364 + i);
    const daySampler = new WeightedSampler(
      days,
      days.map((d) => (this.isWorkingDay(d) ? 1 : OFF_DAY_WEIGHT) * (monthFactor[monthOfDay(d)] ?? 1))
    );
    const out = [];
    for (const source of sources) {
      const hours = this.#hours.get(hourProfile(source));
      let at = Number.POSITIVE_INFINITY;
      while (at > now2 - 2 * MINUTE) {
        const d = daySampler.draw(rng);
        at = dayStart(d) + hours.draw(rng) * HOUR + Math.floor(rng.next() * HOUR / 1e3) * 1e3;
      }
      out.push({ at, source });
    }
    if (out.length !== count2) throw new Error("history: source list does not match count");
    return out.sort((a, b) => a.at - b.at);
  }
};

// apps/server/src/seed/history/lifecycle.ts
var RATES = {
  reject: 0.015,
  return: 0.06,
  extension: 0.02,
  supervise: 0.03,
  reworkFail: 0.05,
  evaluate: 0.85,
  reopenUnsatisfied: 0.3,
  assist: 0.03,
  lateHandling: 0.03
};
var RATINGS = { satisfied: 0.88, basically: 0.09, unsatisfied: 0.03 };
var REJECT_REASONS = [
  "\u7ECF\u6838\u5B9E,\u53CD\u6620\u7684\u95EE\u9898\u4E0D\u5C5E\u4E8E\u672C\u5E73\u53F0\u53D7\u7406\u8303\u56F4,\u5DF2\u544A\u77E5\u53CD\u6620\u4EBA\u901A\u8FC7\u53F8\u6CD5\u9014\u5F84\u89E3\u51B3\u3002",
  "\u53CD\u6620\u5185\u5BB9\u65E0\u5177\u4F53\u5730\u70B9,\u4E14\u65E0\u6CD5\u8054\u7CFB\u53CD\u6620\u4EBA\u6838\u5B9E,\u4E0D\u4E88\u7ACB\u6848\u3002",
  "\u7ECF\u7F51\u683C\u5458\u73B0\u573A\u6838\u5B9E,\u672A\u53D1\u73B0\u53CD\u6620\u7684\u95EE\u9898\u3002",
  "\u8BE5\u4E8B\u9879\u5C5E\u4E8E\u6C11\u4E8B\u7EA0\u7EB7,\u5DF2\u5F15\u5BFC\u5F53\u4E8B\u4EBA\u901A\u8FC7\u4EBA\u6C11\u8C03\u89E3\u6216\u8BC9\u8BBC\u9014\u5F84\u89E3\u51B3\u3002"
];
var EXTEND_REASONS = [
  "\u9700\u534F\u8C03\u591A\u4E2A\u90E8\u95E8\u8054\u5408\u5904\u7F6E,\u7533\u8BF7\u5EF6\u957F\u5904\u7F6E\u65F6\u9650\u3002",
  "\u53D7\u5929\u6C14\u5F71\u54CD\u6682\u65E0\u6CD5\u65BD\u5DE5,\u7533\u8BF7\u5EF6\u671F\u3002",
  "\u9700\u91C7\u8D2D\u7EF4\u4FEE\u6750\u6599,\u7533\u8BF7\u5EF6\u671F\u5904\u7F6E\u3002",
  "\u6D89\u53CA\u4EA7\u6743\u5355\u4F4D\u786E\u8BA4,\u9700\u8981\u66F4\u591A\u65F6\u95F4\u6838\u5B9E\u3002"
];
var UNIT_ROLE = {
  department: "department_handler",
  community_station: "community_station",
  township_centre: "township_centre",
  district_centre: "district_centre",
  city_centre: "city_centre"
};
var CONFUSABLE = ["urban_management", "housing", "water", "landscaping", "ecology", "market"];
function simulateCase(base, plan, ctx, rng) {
  const { clock, places, texts } = ctx;
  const { place, category: cat3, vars } = plan;
  const unitActor = (code) => ({ role: UNIT_ROLE[places.units.get(code ?? "")?.type ?? ""] ?? null, unit: code });
  const centre = unitActor(base.centreUnitCode);
  const districtCentre = unitActor(places.centreOf(place.district));
  const superior = () => rng.chance(0.8) ? districtCentre : unitActor(places.centreOf(place.city));
  const gridWorker = { role: "grid_worker", unit: places.centreOf(place.community) };
  const hotline2 = { role: "hotline_agent", unit: ctx.hotlineUnit };
  const isHotline = base.source === "hotline";
  const reportActor = base.source === "grid" ? gridWorker : isHotline ? hotline2 : base.source === "media" ? centre : { role: null, unit: null };
  const sim = new CaseSim(base, clock, ctx.now, rng, reportActor, {
    source: base.source,
    gridCode: base.gridCode,
    suggestedUnit: base.suggestedUnitCode
  });
  const r = base.reportedAt.getTime();
  const held = (s) => plan.hold === s && stayStuck(sim, ctx, rng, superior);
  const lnClamp = (median, sigma, lo, hi) => Math.min(hi, Math.max(lo, rng.logNormal(median, sigma)));
  if (held("reported")) return sim;
  const intakeActor = isHotline ? hotline2 : centre;
  const tIn = isHotline ? r + rng.range(3, 40) * MINUTE : clock.after(r, lnClamp(40 * MINUTE, 0.8, 5 * MINUTE, 5 * HOUR), rng);
  if (!sim.happened(tIn)) return sim;
  if (plan.wantsMerge) {
    const target = plan.findMergeTarget(tIn);
    if (target) {
      const note = `\u4E0E${target.code}\u53CD\u6620\u7684\u4E3A\u540C\u4E00\u95EE\u9898,\u5E76\u6848\u5904\u7406\u3002`;
      sim.act("merge", "merged", tIn, intakeActor, note, { targetId: target.id, targetCode: target.code });
      return sim;
    }
  }
  if (plan.mayReject && rng.chance(RATES.reject)) {
    sim.act("reject", "rejected", tIn, intakeActor, rng.pick(REJECT_REASONS));
    return sim;
  }
  sim.act("register", "registered", tIn, intakeActor, rng.chance(0.3) ? "\u7ECF\u6838\u5B9E\u5C5E\u5B9E,\u7B26\u5408\u7ACB\u6848\u6761\u4EF6,\u4E88\u4EE5\u7ACB\u6848\u3002" : null);
  let start = r;
  for (let round = 0; round < 2; round++) {
    if (held("registered")) return sim;
    const dispatcher = isHotline && rng.chance(0.5) ? districtCentre : centre;
    const owner2 = base.suggestedUnitCode;
    let tD = clock.after(sim.lastAt, lnClamp(45 * MINUTE, 0.9, 5 * MINUTE, 8 * HOUR), rng);
    if (!sim.happened(tD)) return sim;
    if (round === 0 && rng.chance(RATES.return) || plan.forceReturn && round === 0) {
      const sameUnit = rng.chance(0.2);
      const first = sameUnit ? owner2 : wrongUnit(rng, places, place, owner2);
      const code = sameUnit ? "insufficient_info" : pickWeighted(rng, { not_in_list: 0.6, wrong_place: 0.25, other: 0.15 });
      sim.act("dispatch", "dispatched", tD, dispatcher, null, { unitCode: first, assistUnitCodes: [] });
      let t = clock.after(tD, lnClamp(2 * HOUR, 1, 10 * MINUTE, 1.5 * DAY), rng);
      if (!sim.happened(t)) return sim;
      if (rng.chance(0.3)) {
        sim.act("accept", "accepted", t, unitActor(first), null);
        t = clock.after(t, lnClamp(3 * HOUR, 1, 20 * MINUTE, 2 * DAY), rng);
        if (!sim.happened(t)) return sim;
      }
      sim.act("return", "returned", t, unitActor(first), texts.returnReason(rng, cat3, code), { reasonCode: code });
      if (held("returned")) return sim;
      const wait = rng.chance(0.7) ? lnClamp(1.5 * HOUR, 0.8, 10 * MINUTE, 6 * HOUR) : rng.range(1, 3) * DAY;
      tD = clock.after(t, wait, rng);
      if (!sim.happened(tD)) return sim;
    }
    const assist = rng.chance(RATES.assist) ? assistUnits(rng, places, place, owner2) : [];
    const redispatch = sim.status === "returned";
    sim.act("dispatch", "dispatched", tD, dispatcher, redispatch ? "\u5DF2\u6838\u5B9E\u6743\u8D23\u6E05\u5355,\u6539\u6D3E\u627F\u529E\u5355\u4F4D\u3002" : rng.chance(0.4) ? "\u8BF7\u6309\u65F6\u9650\u5904\u7F6E\u5E76\u53CD\u9988\u3002" : null, {
      unitCode: owner2,
      assistUnitCodes: assist
    });
    if (held("dispatched")) return sim;
    const x = rng.next();
    const acceptDelay = x < 0.9 ? lnClamp(50 * MINUTE, 1, 2 * MINUTE, 6 * HOUR) : x < 0.97 ? rng.range(4 * HOUR, DAY) : rng.range(1, 2.5) * DAY;
    const tA = clock.after(sim.lastAt, acceptDelay, rng);
    if (!sim.happened(tA)) return sim;
    const ownerActor = unitActor(owner2);
    sim.act("accept", "accepted", tA, ownerActor, rng.chance(0.25) ? "\u5DF2\u7B7E\u6536,\u5B89\u6392\u4EBA\u5458\u73B0\u573A\u5904\u7F6E\u3002" : null);
    if (held("accepted")) return sim;
    const limit = base.limitDays;
    if (limit >= 3 && rng.chance(RATES.extension)) {
      const tReq = clock.after(tA, rng.range(0.2, 0.5) * limit * DAY, rng);
      if (tReq < sim.dueAt) {
        if (!sim.happened(tReq)) return sim;
        const until = new Date(clock.addWorkDays(sim.dueAt, Math.ceil(limit * rng.range(0.5, 1)))).toISOString();
        sim.act("extend-request", "accepted", tReq, ownerActor, rng.pick(EXTEND_REASONS), { until });
        const tApp = clock.after(tReq, lnClamp(3 * HOUR, 1, 15 * MINUTE, DAY), rng);
        if (!sim.happened(tApp)) return sim;
        const approve = rng.chance(0.9);
        sim.act("extend-approve", "accepted", tApp, centre, approve ? "\u540C\u610F\u5EF6\u671F\u3002" : "\u4E0D\u540C\u610F\u5EF6\u671F,\u8BF7\u6309\u539F\u65F6\u9650\u529E\u7ED3\u3002", { approve });
      }
    }
    const late2 = rng.chance(RATES.lateHandling);
    const frac = late2 ? rng.range(1.02, 1.8) : handleFraction(rng);
    const span = clock.workBetween(start, sim.dueAt);
    const tF = clock.office(Math.max(clock.addWork(start, frac * span), sim.lastAt + rng.range(20, 90) * MINUTE), rng);
    if (rng.chance(late2 ? 0.5 : RATES.supervise)) {
      const tS = clock.office(sim.lastAt + rng.range(0.3, 0.8) * (tF - sim.lastAt), rng);
      if (tS < tF) {
        if (!sim.happened(tS)) return sim;
        sim.act("supervise", sim.status, tS, superior(), texts.urge(rng));
      }
    }
    if (!sim.happened(tF)) return sim;
    const kind = handlerKind(places, owner2);
    sim.act("feedback", "handled", tF, ownerActor, texts.handling(rng, cat3, kind, vars), { photoIds: [] });
    if (held("handled")) return sim;
    let verifier = rng.chance(0.6) ? gridWorker : centre;
    let tV = clock.after(tF, lnClamp(3 * HOUR, 1, 15 * MINUTE, 2 * DAY), rng);
    if (!sim.happened(tV)) return sim;
    if (rng.chance(RATES.reworkFail)) {
      sim.act("verify", "accepted", tV, verifier, texts.verification(rng, cat3, false), { pass: false });
      const tF2 = clock.after(tV, rng.range(0.3, 2) * DAY, rng);
      if (!sim.happened(tF2)) return sim;
      sim.act("feedback", "handled", tF2, ownerActor, texts.handling(rng, cat3, kind, vars), { photoIds: [] });
      verifier = rng.chance(0.6) ? gridWorker : centre;
      tV = clock.after(tF2, lnClamp(3 * HOUR, 1, 15 * MINUTE, 2 * DAY), rng);
      if (!sim.happened(tV)) return sim;
    }
    sim.act("verify", "closed", tV, verifier, texts.verification(rng, cat3, true), { pass: true });
    if (!rng.chance(RATES.evaluate)) return sim;
    const tE = clock.after(tV, lnClamp(isHotline ? 20 * HOUR : 8 * HOUR, 0.8, 30 * MINUTE, 3 * DAY), rng);
    if (!sim.happened(tE)) return sim;
    const rating = round === 0 ? pickWeighted(rng, RATINGS) : pickWeighted(rng, { satisfied: 0.7, basically: 0.25, unsatisfied: 0.05 });
    const comment = rating === "unsatisfied" || rng.chance(0.7) ? texts.evaluation(rng, cat3, rating) : null;
    const evaluator = isHotline ? hotline2 : centre;
    sim.act("evaluate", "evaluated", tE, evaluator, comment, { rating });
    if (round > 0 || rating !== "unsatisfied" || !rng.chance(RATES.reopenUnsatisfied)) return sim;
    const tR = clock.after(tE, lnClamp(3 * HOUR, 1, 10 * MINUTE, DAY), rng);
    if (!sim.happened(tR)) return sim;
    sim.act("reopen", "registered", tR, evaluator, `\u56DE\u8BBF\u4E0D\u6EE1\u610F,\u91CD\u65B0\u529E\u7406:${comment ?? "\u53CD\u6620\u4EBA\u5BF9\u5904\u7F6E\u7ED3\u679C\u4E0D\u6EE1\u610F\u3002"}`);
    start = tR;
  }
  return sim;
}
function handleFraction(rng) {
  const x = rng.next();
  if (x < 0.4) return rng.range(0.04, 0.3);
  if (x < 0.82) return rng.range(0.3, 0.6);
  return rng.range(0.6, 0.93);
}
function stayStuck(sim, ctx, rng, superior) {
  let t = sim.lastAt;
  for (let i = 0; i < 3; i++) {
    t = ctx.clock.after(t, rng.range(3, 12) * DAY, rng);
    if (!sim.happened(t)) break;
    sim.act("supervise", sim.status, t, superior(), ctx.texts.urge(rng));
  }
  return true;
}
function handlerKind(places, unitCode) {
  const u4 = places.units.get(unitCode);
  return u4?.type === "department" && u4.departmentKind ? u4.departmentKind : "territorial";
}
function wrongUnit(rng, places, place, owner2) {
  const depts = places.departmentsServing(place).filter((c) => CONFUSABLE.includes(places.units.get(c)?.departmentKind ?? ""));
  const territorial = [places.centreOf(place.community), places.centreOf(place.township)];
  const options = [...depts, ...territorial].filter((c) => c !== null && c !== owner2);
  return options.length > 0 ? rng.pick(options) : owner2;
}
function assistUnits(rng, places, place, owner2) {
  const options = places.departmentsServing(place).filter((c) => c !== owner2);
  const n = Math.min(options.length, rng.chance(0.7) ? 1 : 2);
  const out = [];
  while (out.length < n) {
    const c = rng.pick(options);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

// apps/server/src/seed/history/people.ts
var SURNAMES = [..."\u738B\u674E\u5F20\u5218\u9648\u6768\u9EC4\u8D75\u5434\u5468\u5F90\u5B59\u9A6C\u6731\u80E1\u90ED\u4F55\u9AD8\u6797\u7F57\u90D1\u6881\u8C22\u5B8B\u5510\u8BB8\u97E9\u51AF\u9093\u66F9\u5F6D\u66FE\u8096\u7530\u8463\u8881\u6F58\u4E8E\u848B\u8521\u4F59\u675C\u53F6\u7A0B\u82CF\u9B4F\u5415\u4E01\u4EFB\u6C88\u59DA\u5362\u59DC\u5D14\u949F\u8C2D\u9646\u6C6A\u8303\u91D1\u77F3\u5ED6\u8D3E\u590F\u4ED8\u65B9\u767D\u90B9\u5B5F\u718A\u79E6\u90B1\u6C5F\u5C39\u859B\u95EB\u6BB5\u96F7\u4FAF\u9F99\u53F2\u9676\u9ECE\u8D3A\u987E\u6BDB\u90DD\u9F9A\u90B5\u4E07\u94B1\u4E25\u6B66\u6234\u5B54"];
var GIVEN = [..."\u4F1F\u82B3\u5A1C\u654F\u9759\u4E3D\u5F3A\u78CA\u519B\u6D0B\u52C7\u8273\u6770\u5A1F\u6D9B\u660E\u8D85\u79C0\u971E\u5E73\u521A\u6842\u82F1\u534E\u7389\u5170\u840D\u7EA2\u9E4F\u8F89\u5EFA\u56FD\u5FD7\u6587\u658C\u5B87\u6D69\u51EF\u4E39\u6676\u7433\u96EA\u6885\u6625\u6D77\u6CE2\u5B81\u9896\u6668"];
var MOBILE_PREFIXES = [
  "130",
  "131",
  "132",
  "133",
  "134",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "155",
  "156",
  "157",
  "158",
  "159",
  "166",
  "177",
  "180",
  "181",
  "182",
  "183",
  "185",
  "186",
  "187",
  "188",
  "189",
  "199"
];
function reporterName(rng) {
  const surname = rng.pick(SURNAMES);
  if (rng.chance(0.65)) return `${surname}${rng.chance(0.5) ? "\u5148\u751F" : "\u5973\u58EB"}`;
  return `${surname}${rng.pick(GIVEN)}${rng.chance(0.6) ? rng.pick(GIVEN) : ""}`;
}
function reporterPhone(rng) {
  let digits = "";
  for (let i = 0; i < 8; i++) digits += String(rng.int(10));
  return `${rng.pick(MOBILE_PREFIXES)}${digits}`;
}

// node_modules/flatqueue/index.js
var FlatQueue = class {
  /**
   * Creates an empty queue. If `capacity` is provided, the queue is backed by fixed-size typed
   * arrays for better performance and memory use, but can't grow beyond `capacity`. `values` uses
   * `ValuesArray` (default `Float64Array`) and `ids` uses `IdsArray` (default `Uint32Array`); pass
   * narrower constructors like `Uint16Array` if your values or ids are known to fit them.
   *
   * @param {number} [capacity]
   * @param {TypedArrayConstructor} [ValuesArray]
   * @param {TypedArrayConstructor} [IdsArray]
   */
  constructor(capacity = Infinity, ValuesArray = Float64Array, IdsArray = Uint32Array) {
    const fixed = capacity !== Infinity;
    this.ids = fixed ? (
      /** @type {T[]} */
      /** @type {unknown} */
      new IdsArray(capacity)
    ) : [];
    this.values = fixed ? (
      /** @type {number[]} */
      /** @type {unknown} */
      new ValuesArray(capacity)
    ) : [];
    this.capacity = capacity;
    this.length = 0;
  }
  /** Removes all items from the queue. */
  clear() {
    this.length = 0;
  }
  /**
   * Adds `item` to the queue with the specified `priority`.
   *
   * `priority` must be a number. Items are sorted and returned from low to high priority. Multiple items
   * with the same priority value can be added to the queue, but there is no guaranteed order between these items.
   *
   * For fixed-capacity queues, throws a `RangeError` if the queue is already full.
   *
   * @param {T} item
   * @param {number} priority
   */
  push(item, priority) {
    if (this.length === this.capacity) throw new RangeError("Queue is at capacity.");
    let pos = this.length++;
    while (pos > 0) {
      const parent = pos - 1 >> 1;
      const parentValue = this.values[parent];
      if (priority >= parentValue) break;
      this.ids[pos] = this.ids[parent];
      this.values[pos] = parentValue;
      pos = parent;
    }
    this.ids[pos] = item;
    this.values[pos] = priority;
  }
  /**
   * Removes and returns the item from the head of this queue, which is one of
   * the items with the lowest priority. If this queue is empty, returns `undefined`.
   */
  pop() {
    if (this.length === 0) return void 0;
    const ids = this.ids, values = this.values, top = ids[0], last = --this.length;
    if (last > 0) {
      const id = ids[last];
      const value = values[last];
      let pos = 0;
      const halfLen = last >> 1;
      while (pos < halfLen) {
        const left = (pos << 1) + 1;
        const right = left + 1;
        const child = left + (+(right < last) & +(values[right] < values[left]));
        if (values[child] >= value) break;
        ids[pos] = ids[child];
        values[pos] = values[child];
        pos = child;
      }
      ids[pos] = id;
      values[pos] = value;
    }
    return top;
  }
  /** Returns the item from the head of this queue without removing it. If this queue is empty, returns `undefined`. */
  peek() {
    return this.length > 0 ? this.ids[0] : void 0;
  }
  /**
   * Returns the priority value of the item at the head of this queue without
   * removing it. If this queue is empty, returns `undefined`.
   */
  peekValue() {
    return this.length > 0 ? this.values[0] : void 0;
  }
  /**
   * Shrinks the internal arrays to `this.length`. No-op for queues with fixed capacity.
   *
   * `pop()` and `clear()` calls don't free memory automatically to avoid unnecessary resize operations.
   * This also means that items that have been added to the queue can't be garbage collected until
   * a new item is pushed in their place, or this method is called.
   */
  shrink() {
    if (Array.isArray(this.ids)) this.ids.length = this.length;
    if (Array.isArray(this.values)) this.values.length = this.length;
  }
};

// node_modules/flatbush/index.js
var ARRAY_TYPES = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
var VERSION = 3;
var Flatbush = class _Flatbush {
  /**
   * Recreate a Flatbush index from raw `ArrayBuffer` or `SharedArrayBuffer` data.
   * @param {ArrayBufferLike} data
   * @param {number} [byteOffset=0] byte offset to the start of the Flatbush buffer in the referenced ArrayBuffer.
   * @returns {Flatbush} index
   */
  static from(data, byteOffset = 0) {
    if (byteOffset % 8 !== 0) {
      throw new Error("byteOffset must be 8-byte aligned.");
    }
    if (!data || data.byteLength === void 0 || "buffer" in data) {
      throw new Error("Data must be an instance of ArrayBuffer or SharedArrayBuffer.");
    }
    const [magic, versionAndType] = new Uint8Array(data, byteOffset + 0, 2);
    if (magic !== 251) {
      throw new Error("Data does not appear to be in a Flatbush format.");
    }
    const version = versionAndType >> 4;
    if (version !== VERSION) {
      throw new Error(`Got v${version} data when expected v${VERSION}.`);
    }
    const ArrayType = ARRAY_TYPES[versionAndType & 15];
    if (!ArrayType) {
      throw new Error("Unrecognized array type.");
    }
    const [nodeSize] = new Uint16Array(data, byteOffset + 2, 1);
    const [numItems] = new Uint32Array(data, byteOffset + 4, 1);
    return new _Flatbush(numItems, nodeSize, ArrayType, void 0, data, byteOffset);
  }
  /**
   * Create a Flatbush index that will hold a given number of items.
   * @param {number} numItems
   * @param {number} [nodeSize=16] Size of the tree node (16 by default).
   * @param {TypedArrayConstructor} [ArrayType=Float64Array] The array type used for coordinates storage (`Float64Array` by default).
   * @param {ArrayBufferConstructor | SharedArrayBufferConstructor} [ArrayBufferType=ArrayBuffer] The array buffer type used to store data (`ArrayBuffer` by default).
   * @param {ArrayBufferLike} [data] (Only used internally)
   * @param {number} [byteOffset=0] (Only used internally)
   */
  constructor(numItems, nodeSize = 16, ArrayType = Float64Array, ArrayBufferType = ArrayBuffer, data, byteOffset = 0) {
    if (numItems === void 0) throw new Error("Missing required argument: numItems.");
    if (isNaN(numItems) || numItems <= 0) throw new Error(`Unexpected numItems value: ${numItems}.`);
    this.numItems = +numItems;
    this.nodeSize = Math.min(Math.max(+nodeSize, 2), 65535);
    this.byteOffset = byteOffset;
    let n = numItems;
    let numNodes = n;
    this._levelBounds = [n * 4];
    do {
      n = Math.ceil(n / this.nodeSize);
      numNodes += n;
      this._levelBounds.push(numNodes * 4);
    } while (n !== 1);
    this.ArrayType = ArrayType;
    this.IndexArrayType = numNodes < 16384 ? Uint16Array : Uint32Array;
    const arrayTypeIndex = ARRAY_TYPES.indexOf(ArrayType);
    const nodesByteSize = numNodes * 4 * ArrayType.BYTES_PER_ELEMENT;
    if (arrayTypeIndex < 0) {
      throw new Error(`Unexpected typed array class: ${ArrayType}.`);
    }
    const BoxCtor = ArrayType;
    const IdxCtor = this.IndexArrayType;
    if (data) {
      this.data = data;
      this._boxes = new BoxCtor(data, byteOffset + 8, numNodes * 4);
      this._indices = new IdxCtor(data, byteOffset + 8 + nodesByteSize, numNodes);
      this._pos = numNodes * 4;
      this.minX = this._boxes[this._pos - 4];
      this.minY = this._boxes[this._pos - 3];
      this.maxX = this._boxes[this._pos - 2];
      this.maxY = this._boxes[this._pos - 1];
    } else {
      const data2 = this.data = new ArrayBufferType(8 + nodesByteSize + numNodes * this.IndexArrayType.BYTES_PER_ELEMENT);
      this._boxes = new BoxCtor(data2, 8, numNodes * 4);
      this._indices = new IdxCtor(data2, 8 + nodesByteSize, numNodes);
      this._pos = 0;
      this.minX = Infinity;
      this.minY = Infinity;
      this.maxX = -Infinity;
      this.maxY = -Infinity;
      new Uint8Array(data2, 0, 2).set([251, (VERSION << 4) + arrayTypeIndex]);
      new Uint16Array(data2, 2, 1)[0] = this.nodeSize;
      new Uint32Array(data2, 4, 1)[0] = numItems;
    }
    this._queue = new FlatQueue();
  }
  /**
   * Add a given rectangle to the index.
   * @param {number} minX
   * @param {number} minY
   * @param {number} maxX
   * @param {number} maxY
   * @returns {number} A zero-based, incremental number that represents the newly added rectangle.
   */
  add(minX, minY, maxX = minX, maxY = minY) {
    const pos = this._pos;
    const index = pos >> 2;
    const boxes = this._boxes;
    this._indices[index] = index;
    boxes[pos] = minX;
    boxes[pos + 1] = minY;
    boxes[pos + 2] = maxX;
    boxes[pos + 3] = maxY;
    this._pos = pos + 4;
    if (minX < this.minX) this.minX = minX;
    if (minY < this.minY) this.minY = minY;
    if (maxX > this.maxX) this.maxX = maxX;
    if (maxY > this.maxY) this.maxY = maxY;
    return index;
  }
  /** Perform indexing of the added rectangles. */
  finish() {
    if (this._pos >> 2 !== this.numItems) {
      throw new Error(`Added ${this._pos >> 2} items when expected ${this.numItems}.`);
    }
    const boxes = this._boxes;
    if (this.numItems <= this.nodeSize) {
      boxes[this._pos++] = this.minX;
      boxes[this._pos++] = this.minY;
      boxes[this._pos++] = this.maxX;
      boxes[this._pos++] = this.maxY;
      return;
    }
    const { numItems, minX, minY, nodeSize, _indices: indices, _levelBounds: levelBounds } = this;
    const width = this.maxX - minX || 1;
    const height = this.maxY - minY || 1;
    const hilbertValues = new Int32Array(numItems);
    const hilbertMax = (1 << 16) - 1;
    const sx = hilbertMax / width;
    const sy = hilbertMax / height;
    for (let i = 0, pos2 = 0; i < numItems; i++) {
      const itemMinX = boxes[pos2++];
      const itemMinY = boxes[pos2++];
      const itemMaxX = boxes[pos2++];
      const itemMaxY = boxes[pos2++];
      const x = sx * ((itemMinX + itemMaxX) / 2 - minX) | 0;
      const y = sy * ((itemMinY + itemMaxY) / 2 - minY) | 0;
      hilbertValues[i] = hilbert(x, y);
    }
    sort(hilbertValues, boxes, indices, 0, numItems - 1, nodeSize);
    let pos = numItems * 4;
    for (let i = 0, readPos = 0; i < levelBounds.length - 1; i++) {
      const end = levelBounds[i];
      while (readPos < end) {
        const nodeIndex = readPos;
        let nodeMinX = boxes[readPos++];
        let nodeMinY = boxes[readPos++];
        let nodeMaxX = boxes[readPos++];
        let nodeMaxY = boxes[readPos++];
        for (let j = 1; j < nodeSize && readPos < end; j++) {
          nodeMinX = Math.min(nodeMinX, boxes[readPos++]);
          nodeMinY = Math.min(nodeMinY, boxes[readPos++]);
          nodeMaxX = Math.max(nodeMaxX, boxes[readPos++]);
          nodeMaxY = Math.max(nodeMaxY, boxes[readPos++]);
        }
        indices[pos >> 2] = nodeIndex;
        boxes[pos++] = nodeMinX;
        boxes[pos++] = nodeMinY;
        boxes[pos++] = nodeMaxX;
        boxes[pos++] = nodeMaxY;
      }
    }
    this._pos = pos;
  }
  /**
   * Search the index by a bounding box.
   * @param {number} minX
   * @param {number} minY
   * @param {number} maxX
   * @param {number} maxY
   * @param {(index: number, x0: number, y0: number, x1: number, y1: number) => boolean} [filterFn] An optional function that is called on every found item; if supplied, only items for which this function returns true will be included in the results array.
   * @returns {number[]} An array of indices of items intersecting or touching the given bounding box.
   */
  search(minX, minY, maxX, maxY, filterFn) {
    if (this._pos !== this._boxes.length) {
      throw new Error("Data not yet indexed - call index.finish().");
    }
    const { _boxes: boxes, _levelBounds: levelBounds, _indices: indices, nodeSize } = this;
    const numItems4 = this.numItems * 4;
    let nodeIndex = boxes.length - 4;
    let level = levelBounds.length - 1;
    const q = [];
    const results = [];
    let contained = false;
    while (nodeIndex !== void 0) {
      const end = Math.min(nodeIndex + nodeSize * 4, levelBounds[level]);
      const isNode = nodeIndex >= numItems4;
      if (contained) {
        this._collectContained(nodeIndex, end, level, numItems4, results, filterFn);
      } else {
        for (let pos = nodeIndex; pos < end; pos += 4) {
          const x0 = boxes[pos];
          if (maxX < x0) continue;
          const y0 = boxes[pos + 1];
          if (maxY < y0) continue;
          const x1 = boxes[pos + 2];
          if (minX > x1) continue;
          const y1 = boxes[pos + 3];
          if (minY > y1) continue;
          const index = indices[pos >> 2] | 0;
          if (isNode) {
            const c = +(minX <= x0 && minY <= y0 && maxX >= x1 && maxY >= y1);
            q.push(index | c, level - 1);
          } else if (filterFn === void 0 || filterFn(index, x0, y0, x1, y1)) {
            results.push(index);
          }
        }
      }
      level = /** @type {number} */
      q.pop();
      nodeIndex = q.pop();
      if (nodeIndex !== void 0) {
        contained = (nodeIndex & 1) === 1;
        nodeIndex &= ~1;
      }
    }
    return results;
  }
  /**
   * Collect all leaves of a subtree that's fully inside the query, skipping intersection tests.
   * Because the tree is packed bottom-up, those leaves occupy one contiguous block of the leaf
   * level, so we skip traversal entirely: descend to the first leaf, then sweep the flat range.
   * @param {number} nodeIndex
   * @param {number} end
   * @param {number} level
   * @param {number} numItems4
   * @param {number[]} results
   * @param {((index: number, x0: number, y0: number, x1: number, y1: number) => boolean) | undefined} filterFn
   */
  _collectContained(nodeIndex, end, level, numItems4, results, filterFn) {
    const boxes = this._boxes;
    const indices = this._indices;
    let pos = nodeIndex;
    for (let l = level; l > 0; l--) pos = indices[pos >> 2];
    const leafEnd = Math.min(pos + (end - nodeIndex) * this.nodeSize ** level, numItems4);
    if (filterFn === void 0) {
      for (; pos < leafEnd; pos += 4) results.push(indices[pos >> 2] | 0);
    } else {
      for (; pos < leafEnd; pos += 4) {
        const index = indices[pos >> 2] | 0;
        if (filterFn(index, boxes[pos], boxes[pos + 1], boxes[pos + 2], boxes[pos + 3])) results.push(index);
      }
    }
  }
  /**
   * Check whether any item intersects or touches a bounding box, stopping at the first match.
   * @param {number} minX
   * @param {number} minY
   * @param {number} maxX
   * @param {number} maxY
   * @param {(index: number, x0: number, y0: number, x1: number, y1: number) => boolean} [filterFn] An optional function that is called on found items; if supplied, only items for which this function returns true count as a match.
   * @returns {boolean} Whether a matching item was found.
   */
  collides(minX, minY, maxX, maxY, filterFn) {
    if (this._pos !== this._boxes.length) {
      throw new Error("Data not yet indexed - call index.finish().");
    }
    const { _boxes: boxes, _levelBounds: levelBounds, _indices: indices, nodeSize } = this;
    const numItems4 = this.numItems * 4;
    let nodeIndex = boxes.length - 4;
    let level = levelBounds.length - 1;
    const q = [];
    while (nodeIndex !== void 0) {
      const end = Math.min(nodeIndex + nodeSize * 4, levelBounds[level]);
      const isNode = nodeIndex >= numItems4;
      for (let pos = nodeIndex; pos < end; pos += 4) {
        const x0 = boxes[pos];
        if (maxX < x0) continue;
        const y0 = boxes[pos + 1];
        if (maxY < y0) continue;
        const x1 = boxes[pos + 2];
        if (minX > x1) continue;
        const y1 = boxes[pos + 3];
        if (minY > y1) continue;
        const index = indices[pos >> 2] | 0;
        if (isNode) {
          q.push(index, level - 1);
        } else if (filterFn === void 0 || filterFn(index, x0, y0, x1, y1)) {
          return true;
        }
      }
      level = /** @type {number} */
      q.pop();
      nodeIndex = q.pop();
    }
    return false;
  }
  /**
   * Search items in order of distance from the given point.
   * @param {number} x
   * @param {number} y
   * @param {number} [maxResults=Infinity]
   * @param {number} [maxDistance=Infinity]
   * @param {(index: number) => boolean} [filterFn] An optional function for filtering the results.
   * @returns {number[]} An array of indices of items found.
   */
  neighbors(x, y, maxResults = Infinity, maxDistance = Infinity, filterFn) {
    if (this._pos !== this._boxes.length) {
      throw new Error("Data not yet indexed - call index.finish().");
    }
    const { _boxes: boxes, _levelBounds: levelBounds, _indices: indices, _queue: q, nodeSize } = this;
    const numItems4 = this.numItems * 4;
    const nodeSize4 = nodeSize * 4;
    const results = [];
    const maxDistSquared = maxDistance * maxDistance;
    const trackNearest = maxResults === 1;
    let bound = maxDistSquared;
    q.push(boxes.length - 4 << 1, 0);
    while (q.length) {
      const top = q.ids[0];
      if (top & 1) {
        q.pop();
        results.push(top >> 1);
        if (results.length === maxResults) break;
        continue;
      }
      q.pop();
      const nodeIndex = top >> 1;
      const isLeafLevel = nodeIndex < numItems4;
      const end = Math.min(nodeIndex + nodeSize4, upperBound(nodeIndex, levelBounds));
      for (let pos = nodeIndex; pos < end; pos += 4) {
        const minX = boxes[pos];
        const minY = boxes[pos + 1];
        const maxX = boxes[pos + 2];
        const maxY = boxes[pos + 3];
        const dx = Math.max(Math.max(minX - x, x - maxX), 0);
        const dy = Math.max(Math.max(minY - y, y - maxY), 0);
        const dist = dx * dx + dy * dy;
        if (dist > bound) continue;
        const childIndex = indices[pos >> 2] | 0;
        if (isLeafLevel) {
          if (filterFn === void 0 || filterFn(childIndex)) {
            q.push(childIndex << 1 | 1, dist);
            if (trackNearest && dist < bound) bound = dist;
          }
        } else {
          q.push(childIndex << 1, dist);
        }
      }
    }
    q.clear();
    return results;
  }
};
function upperBound(value, arr) {
  let i = 0;
  let j = arr.length - 1;
  while (i < j) {
    const m = i + j >> 1;
    if (arr[m] > value) {
      j = m;
    } else {
      i = m + 1;
    }
  }
  return arr[i];
}
function sort(values, boxes, indices, left, right, nodeSize) {
  const stack = [left, right];
  while (stack.length) {
    const r = stack.pop() || 0;
    const l = stack.pop() || 0;
    if (r - l <= nodeSize && Math.floor(l / nodeSize) >= Math.floor(r / nodeSize)) continue;
    const a = values[l];
    const b = values[l + r >> 1];
    const c = values[r];
    const pivot = a > b !== a > c ? a : b < a !== b < c ? b : c;
    let i = l - 1;
    let j = r + 1;
    while (true) {
      do
        i++;
      while (values[i] < pivot);
      do
        j--;
      while (values[j] > pivot);
      if (i >= j) break;
      swap(values, boxes, indices, i, j);
    }
    stack.push(l, j, j + 1, r);
  }
}
function swap(values, boxes, indices, i, j) {
  const temp = values[i];
  values[i] = values[j];
  values[j] = temp;
  const k = 4 * i;
  const m = 4 * j;
  const a = boxes[k];
  const b = boxes[k + 1];
  const c = boxes[k + 2];
  const d = boxes[k + 3];
  boxes[k] = boxes[m];
  boxes[k + 1] = boxes[m + 1];
  boxes[k + 2] = boxes[m + 2];
  boxes[k + 3] = boxes[m + 3];
  boxes[m] = a;
  boxes[m + 1] = b;
  boxes[m + 2] = c;
  boxes[m + 3] = d;
  const e = indices[i];
  indices[i] = indices[j];
  indices[j] = e;
}
function hilbert(x, y) {
  let a = x ^ y;
  let b = 65535 ^ a;
  let c = 65535 ^ (x | y);
  let d = x & (y ^ 65535);
  let A = a | b >> 1;
  let B2 = a >> 1 ^ a;
  let C = c ^ (c >> 1 ^ b & d >> 1);
  let D2 = d ^ (a & c >> 1 ^ d >> 1);
  a = A & A >> 2 ^ B2 & B2 >> 2;
  b = A & B2 >> 2 ^ B2 & (A ^ B2) >> 2;
  c = C ^ (A & C >> 2 ^ B2 & D2 >> 2);
  d = D2 ^ (B2 & C >> 2 ^ (A ^ B2) & D2 >> 2);
  A = a & a >> 4 ^ b & b >> 4;
  B2 = a & b >> 4 ^ b & (a ^ b) >> 4;
  C = c ^ (a & c >> 4 ^ b & d >> 4);
  D2 = d ^ (b & c >> 4 ^ (a ^ b) & d >> 4);
  c = C ^ (A & C >> 8 ^ B2 & D2 >> 8);
  d = D2 ^ (B2 & C >> 8 ^ (A ^ B2) & D2 >> 8);
  c ^= c >> 1;
  d ^= d >> 1;
  a = x ^ y;
  b = d | 65535 ^ (a | c);
  a = (a | a << 8) & 16711935;
  a = (a | a << 4) & 252645135;
  a = (a | a << 2) & 858993459;
  a = (a | a << 1) & 1431655765;
  b = (b | b << 8) & 16711935;
  b = (b | b << 4) & 252645135;
  b = (b | b << 2) & 858993459;
  b = (b | b << 1) & 1431655765;
  return ((b << 1 | a) >>> 0) - 2147483648;
}

// node_modules/robust-predicates/esm/util.js
var epsilon = 11102230246251565e-32;
var splitter = 134217729;
var resulterrbound = (3 + 8 * epsilon) * epsilon;
function sum(elen, e, flen, f, h2) {
  let Q, Qnew, hh, bvirt;
  let enow = e[0];
  let fnow = f[0];
  let eindex = 0;
  let findex = 0;
  if (fnow > enow === fnow > -enow) {
    Q = enow;
    enow = e[++eindex];
  } else {
    Q = fnow;
    fnow = f[++findex];
  }
  let hindex = 0;
  if (eindex < elen && findex < flen) {
    if (fnow > enow === fnow > -enow) {
      Qnew = enow + Q;
      hh = Q - (Qnew - enow);
      enow = e[++eindex];
    } else {
      Qnew = fnow + Q;
      hh = Q - (Qnew - fnow);
      fnow = f[++findex];
    }
    Q = Qnew;
    if (hh !== 0) {
      h2[hindex++] = hh;
    }
    while (eindex < elen && findex < flen) {
      if (fnow > enow === fnow > -enow) {
        Qnew = Q + enow;
        bvirt = Qnew - Q;
        hh = Q - (Qnew - bvirt) + (enow - bvirt);
        enow = e[++eindex];
      } else {
        Qnew = Q + fnow;
        bvirt = Qnew - Q;
        hh = Q - (Qnew - bvirt) + (fnow - bvirt);
        fnow = f[++findex];
      }
      Q = Qnew;
      if (hh !== 0) {
        h2[hindex++] = hh;
      }
    }
  }
  while (eindex < elen) {
    Qnew = Q + enow;
    bvirt = Qnew - Q;
    hh = Q - (Qnew - bvirt) + (enow - bvirt);
    enow = e[++eindex];
    Q = Qnew;
    if (hh !== 0) {
      h2[hindex++] = hh;
    }
  }
  while (findex < flen) {
    Qnew = Q + fnow;
    bvirt = Qnew - Q;
    hh = Q - (Qnew - bvirt) + (fnow - bvirt);
    fnow = f[++findex];
    Q = Qnew;
    if (hh !== 0) {
      h2[hindex++] = hh;
    }
  }
  if (Q !== 0 || hindex === 0) {
    h2[hindex++] = Q;
  }
  return hindex;
}
function estimate(elen, e) {
  let Q = e[0];
  for (let i = 1; i < elen; i++) Q += e[i];
  return Q;
}
function vec(n) {
  return new Float64Array(n);
}

// node_modules/robust-predicates/esm/orient2d.js
var ccwerrboundA = (3 + 16 * epsilon) * epsilon;
var ccwerrboundB = (2 + 12 * epsilon) * epsilon;
var ccwerrboundC = (9 + 64 * epsilon) * epsilon * epsilon;
var B = vec(4);
var C1 = vec(8);
var C2 = vec(12);
var D = vec(16);
var u = vec(4);
function orient2dadapt(ax, ay, bx, by2, cx, cy, detsum) {
  let acxtail, acytail, bcxtail, bcytail;
  let bvirt, c, ahi, alo, bhi, blo, _i, _j, _0, s1, s0, t12, t02, u32;
  const acx = ax - cx;
  const bcx = bx - cx;
  const acy = ay - cy;
  const bcy = by2 - cy;
  s1 = acx * bcy;
  c = splitter * acx;
  ahi = c - (c - acx);
  alo = acx - ahi;
  c = splitter * bcy;
  bhi = c - (c - bcy);
  blo = bcy - bhi;
  s0 = alo * blo - (s1 - ahi * bhi - alo * bhi - ahi * blo);
  t12 = acy * bcx;
  c = splitter * acy;
  ahi = c - (c - acy);
  alo = acy - ahi;
  c = splitter * bcx;
  bhi = c - (c - bcx);
  blo = bcx - bhi;
  t02 = alo * blo - (t12 - ahi * bhi - alo * bhi - ahi * blo);
  _i = s0 - t02;
  bvirt = s0 - _i;
  B[0] = s0 - (_i + bvirt) + (bvirt - t02);
  _j = s1 + _i;
  bvirt = _j - s1;
  _0 = s1 - (_j - bvirt) + (_i - bvirt);
  _i = _0 - t12;
  bvirt = _0 - _i;
  B[1] = _0 - (_i + bvirt) + (bvirt - t12);
  u32 = _j + _i;
  bvirt = u32 - _j;
  B[2] = _j - (u32 - bvirt) + (_i - bvirt);
  B[3] = u32;
  let det = estimate(4, B);
  let errbound = ccwerrboundB * detsum;
  if (det >= errbound || -det >= errbound) {
    return det;
  }
  bvirt = ax - acx;
  acxtail = ax - (acx + bvirt) + (bvirt - cx);
  bvirt = bx - bcx;
  bcxtail = bx - (bcx + bvirt) + (bvirt - cx);
  bvirt = ay - acy;
  acytail = ay - (acy + bvirt) + (bvirt - cy);
  bvirt = by2 - bcy;
  bcytail = by2 - (bcy + bvirt) + (bvirt - cy);
  if (acxtail === 0 && acytail === 0 && bcxtail === 0 && bcytail === 0) {
    return det;
  }
  errbound = ccwerrboundC * detsum + resulterrbound * Math.abs(det);
  det += acx * bcytail + bcy * acxtail - (acy * bcxtail + bcx * acytail);
  if (det >= errbound || -det >= errbound) return det;
  s1 = acxtail * bcy;
  c = splitter * acxtail;
  ahi = c - (c - acxtail);
  alo = acxtail - ahi;
  c = splitter * bcy;
  bhi = c - (c - bcy);
  blo = bcy - bhi;
  s0 = alo * blo - (s1 - ahi * bhi - alo * bhi - ahi * blo);
  t12 = acytail * bcx;
  c = splitter * acytail;
  ahi = c - (c - acytail);
  alo = acytail - ahi;
  c = splitter * bcx;
  bhi = c - (c - bcx);
  blo = bcx - bhi;
  t02 = alo * blo - (t12 - ahi * bhi - alo * bhi - ahi * blo);
  _i = s0 - t02;
  bvirt = s0 - _i;
  u[0] = s0 - (_i + bvirt) + (bvirt - t02);
  _j = s1 + _i;
  bvirt = _j - s1;
  _0 = s1 - (_j - bvirt) + (_i - bvirt);
  _i = _0 - t12;
  bvirt = _0 - _i;
  u[1] = _0 - (_i + bvirt) + (bvirt - t12);
  u32 = _j + _i;
  bvirt = u32 - _j;
  u[2] = _j - (u32 - bvirt) + (_i - bvirt);
  u[3] = u32;
  const C1len = sum(4, B, 4, u, C1);
  s1 = acx * bcytail;
  c = splitter * acx;
  ahi = c - (c - acx);
  alo = acx - ahi;
  c = splitter * bcytail;
  bhi = c - (c - bcytail);
  blo = bcytail - bhi;
  s0 = alo * blo - (s1 - ahi * bhi - alo * bhi - ahi * blo);
  t12 = acy * bcxtail;
  c = splitter * acy;
  ahi = c - (c - acy);
  alo = acy - ahi;
  c = splitter * bcxtail;
  bhi = c - (c - bcxtail);
  blo = bcxtail - bhi;
  t02 = alo * blo - (t12 - ahi * bhi - alo * bhi - ahi * blo);
  _i = s0 - t02;
  bvirt = s0 - _i;
  u[0] = s0 - (_i + bvirt) + (bvirt - t02);
  _j = s1 + _i;
  bvirt = _j - s1;
  _0 = s1 - (_j - bvirt) + (_i - bvirt);
  _i = _0 - t12;
  bvirt = _0 - _i;
  u[1] = _0 - (_i + bvirt) + (bvirt - t12);
  u32 = _j + _i;
  bvirt = u32 - _j;
  u[2] = _j - (u32 - bvirt) + (_i - bvirt);
  u[3] = u32;
  const C2len = sum(C1len, C1, 4, u, C2);
  s1 = acxtail * bcytail;
  c = splitter * acxtail;
  ahi = c - (c - acxtail);
  alo = acxtail - ahi;
  c = splitter * bcytail;
  bhi = c - (c - bcytail);
  blo = bcytail - bhi;
  s0 = alo * blo - (s1 - ahi * bhi - alo * bhi - ahi * blo);
  t12 = acytail * bcxtail;
  c = splitter * acytail;
  ahi = c - (c - acytail);
  alo = acytail - ahi;
  c = splitter * bcxtail;
  bhi = c - (c - bcxtail);
  blo = bcxtail - bhi;
  t02 = alo * blo - (t12 - ahi * bhi - alo * bhi - ahi * blo);
  _i = s0 - t02;
  bvirt = s0 - _i;
  u[0] = s0 - (_i + bvirt) + (bvirt - t02);
  _j = s1 + _i;
  bvirt = _j - s1;
  _0 = s1 - (_j - bvirt) + (_i - bvirt);
  _i = _0 - t12;
  bvirt = _0 - _i;
  u[1] = _0 - (_i + bvirt) + (bvirt - t12);
  u32 = _j + _i;
  bvirt = u32 - _j;
  u[2] = _j - (u32 - bvirt) + (_i - bvirt);
  u[3] = u32;
  const Dlen = sum(C2len, C2, 4, u, D);
  return D[Dlen - 1];
}
function orient2d(ax, ay, bx, by2, cx, cy) {
  const detleft = (ay - cy) * (bx - cx);
  const detright = (ax - cx) * (by2 - cy);
  const det = detleft - detright;
  const detsum = Math.abs(detleft + detright);
  if (Math.abs(det) >= ccwerrboundA * detsum) return det;
  return -orient2dadapt(ax, ay, bx, by2, cx, cy, detsum);
}

// node_modules/robust-predicates/esm/orient3d.js
var o3derrboundA = (7 + 56 * epsilon) * epsilon;
var o3derrboundB = (3 + 28 * epsilon) * epsilon;
var o3derrboundC = (26 + 288 * epsilon) * epsilon * epsilon;
var bc = vec(4);
var ca = vec(4);
var ab = vec(4);
var at_b = vec(4);
var at_c = vec(4);
var bt_c = vec(4);
var bt_a = vec(4);
var ct_a = vec(4);
var ct_b = vec(4);
var bct = vec(8);
var cat = vec(8);
var abt = vec(8);
var u2 = vec(4);
var _8 = vec(8);
var _8b = vec(8);
var _16 = vec(16);
var _12 = vec(12);
var fin = vec(192);
var fin2 = vec(192);

// node_modules/robust-predicates/esm/incircle.js
var iccerrboundA = (10 + 96 * epsilon) * epsilon;
var iccerrboundB = (4 + 48 * epsilon) * epsilon;
var iccerrboundC = (44 + 576 * epsilon) * epsilon * epsilon;
var bc2 = vec(4);
var ca2 = vec(4);
var ab2 = vec(4);
var aa = vec(4);
var bb = vec(4);
var cc = vec(4);
var u3 = vec(4);
var v = vec(4);
var axtbc = vec(8);
var aytbc = vec(8);
var bxtca = vec(8);
var bytca = vec(8);
var cxtab = vec(8);
var cytab = vec(8);
var abt2 = vec(8);
var bct2 = vec(8);
var cat2 = vec(8);
var abtt = vec(4);
var bctt = vec(4);
var catt = vec(4);
var _82 = vec(8);
var _162 = vec(16);
var _16b = vec(16);
var _16c = vec(16);
var _32 = vec(32);
var _32b = vec(32);
var _48 = vec(48);
var _64 = vec(64);
var fin3 = vec(1152);
var fin22 = vec(1152);

// node_modules/robust-predicates/esm/insphere.js
var isperrboundA = (16 + 224 * epsilon) * epsilon;
var isperrboundB = (5 + 72 * epsilon) * epsilon;
var isperrboundC = (71 + 1408 * epsilon) * epsilon * epsilon;
var ab3 = vec(4);
var bc3 = vec(4);
var cd = vec(4);
var de = vec(4);
var ea = vec(4);
var ac = vec(4);
var bd = vec(4);
var ce = vec(4);
var da = vec(4);
var eb = vec(4);
var abc = vec(24);
var bcd = vec(24);
var cde = vec(24);
var dea = vec(24);
var eab = vec(24);
var abd = vec(24);
var bce = vec(24);
var cda = vec(24);
var deb = vec(24);
var eac = vec(24);
var adet = vec(1152);
var bdet = vec(1152);
var cdet = vec(1152);
var ddet = vec(1152);
var edet = vec(1152);
var abdet = vec(2304);
var cddet = vec(2304);
var cdedet = vec(3456);
var deter = vec(5760);
var _83 = vec(8);
var _8b2 = vec(8);
var _8c = vec(8);
var _163 = vec(16);
var _24 = vec(24);
var _482 = vec(48);
var _48b = vec(48);
var _96 = vec(96);
var _192 = vec(192);
var _384x = vec(384);
var _384y = vec(384);
var _384z = vec(384);
var _768 = vec(768);
var xdet = vec(96);
var ydet = vec(96);
var zdet = vec(96);
var fin4 = vec(1152);

// node_modules/point-in-polygon-hao/dist/esm/index.js
function pointInPolygon(p, polygon) {
  var i;
  var ii;
  var k = 0;
  var f;
  var u1;
  var v1;
  var u22;
  var v2;
  var currentP;
  var nextP;
  var x = p[0];
  var y = p[1];
  var numContours = polygon.length;
  for (i = 0; i < numContours; i++) {
    ii = 0;
    var contour = polygon[i];
    var contourLen = contour.length - 1;
    currentP = contour[0];
    if (currentP[0] !== contour[contourLen][0] && currentP[1] !== contour[contourLen][1]) {
      throw new Error("First and last coordinates in a ring must be the same");
    }
    u1 = currentP[0] - x;
    v1 = currentP[1] - y;
    for (ii; ii < contourLen; ii++) {
      nextP = contour[ii + 1];
      u22 = nextP[0] - x;
      v2 = nextP[1] - y;
      if (v1 === 0 && v2 === 0) {
        if (u22 <= 0 && u1 >= 0 || u1 <= 0 && u22 >= 0) {
          return 0;
        }
      } else if (v2 >= 0 && v1 <= 0 || v2 <= 0 && v1 >= 0) {
        f = orient2d(u1, u22, v1, v2, 0, 0);
        if (f === 0) {
          return 0;
        }
        if (f > 0 && v2 > 0 && v1 <= 0 || f < 0 && v2 <= 0 && v1 > 0) {
          k++;
        }
      }
      currentP = nextP;
      v1 = v2;
      u1 = u22;
    }
  }
  if (k % 2 === 0) {
    return false;
  }
  return true;
}

// apps/server/src/spatial/grid-index.ts
var M_PER_DEG_LAT = 63710088e-1 * Math.PI / 180;
function testMultiPolygon(mp, p) {
  let onEdge = false;
  for (const poly of mp) {
    const r = pointInPolygon(p, poly);
    if (r === true) return true;
    if (r === 0) onEdge = true;
  }
  return onEdge ? 0 : false;
}
function segmentDist2(ax, ay, bx, by2) {
  const dx = bx - ax;
  const dy = by2 - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(Math.max(-(ax * dx + ay * dy) / len2, 0), 1) : 0;
  const x = ax + t * dx;
  const y = ay + t * dy;
  return x * x + y * y;
}
function closeRings(mp) {
  return mp.map(
    (poly) => poly.map((ring) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (!first || !last || first[0] === last[0] && first[1] === last[1]) return ring;
      return [...ring, first];
    })
  );
}
var GridIndex = class _GridIndex {
  #codes;
  #shapes;
  #tree;
  #outline;
  constructor(codes, shapes, outline) {
    this.#codes = codes;
    this.#shapes = shapes;
    this.#outline = outline;
    if (shapes.length === 0) {
      this.#tree = null;
      return;
    }
    const tree = new Flatbush(shapes.length);
    for (const mp of shapes) {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const poly of mp) {
        for (const [x = NaN, y = NaN] of poly[0] ?? []) {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
      tree.add(x0, y0, x1, y1);
    }
    tree.finish();
    this.#tree = tree;
  }
  /** Grids are ordered by code, so ties on shared edges always resolve to the lowest code. */
  static build(grids, cityOutline) {
    const sorted = [...grids].sort((a, b) => a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    return new _GridIndex(
      sorted.map((g) => g.code),
      sorted.map((g) => closeRings(g.coordinates)),
      cityOutline ? closeRings(cityOutline) : null
    );
  }
  get size() {
    return this.#codes.length;
  }
  /** Grid code containing the point, or null. Points exactly on a shared edge get the lowest grid code. */
  locate(lat, lng) {
    if (!this.#tree || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
    const candidates = this.#tree.search(lng, lat, lng, lat);
    const p = [lng, lat];
    let edge = -1;
    for (const i of candidates) {
      const r = testMultiPolygon(this.#shapes[i], p);
      if (r === true) return this.#codes[i];
      if (r === 0 && (edge < 0 || i < edge)) edge = i;
    }
    return edge < 0 ? null : this.#codes[edge];
  }
  /**
   * Like locate, but a point inside the city outline that falls in a sliver outside every grid (the
   * district outlines and the city outline are simplified independently) gets the nearest grid within
   * maxMeters. Without a city outline any point may snap.
   */
  locateNearest(lat, lng, maxMeters) {
    const hit = this.locate(lat, lng);
    if (hit !== null || !this.#tree || !(maxMeters > 0)) return hit;
    if (this.#outline && testMultiPolygon(this.#outline, [lng, lat]) === false) return null;
    const mx = M_PER_DEG_LAT * Math.cos(lat * Math.PI / 180);
    const my = M_PER_DEG_LAT;
    const dLng = maxMeters / mx;
    const dLat = maxMeters / my;
    const candidates = this.#tree.search(lng - dLng, lat - dLat, lng + dLng, lat + dLat);
    let best = -1;
    let bestD2 = maxMeters * maxMeters;
    for (const i of candidates) {
      let d2 = Infinity;
      for (const poly of this.#shapes[i]) {
        for (const ring of poly) {
          for (let k = 0; k + 1 < ring.length; k++) {
            const a = ring[k];
            const b = ring[k + 1];
            const d = segmentDist2(
              (a[0] - lng) * mx,
              (a[1] - lat) * my,
              (b[0] - lng) * mx,
              (b[1] - lat) * my
            );
            if (d < d2) d2 = d;
          }
        }
      }
      if (d2 < bestD2 || d2 === bestD2 && (best < 0 || i < best)) {
        bestD2 = d2;
        best = i;
      }
    }
    return best < 0 ? null : this.#codes[best];
  }
};

// apps/server/src/seed/history/places.ts
var URBAN_GRID_WEIGHT = 5;
var VILLAGE_GRID_WEIGHT = 1;
var CENTRE_LIKE = /* @__PURE__ */ new Set(["city_centre", "district_centre", "township_centre", "community_station"]);
var HistoryPlaces = class {
  divisions;
  units;
  #grids;
  #index;
  #sampler;
  #bbox = /* @__PURE__ */ new Map();
  #centres = /* @__PURE__ */ new Map();
  #departments = /* @__PURE__ */ new Map();
  #departmentsAt = /* @__PURE__ */ new Map();
  #places = /* @__PURE__ */ new Map();
  constructor(divisions, grids, units) {
    this.divisions = new Map(divisions.map((d) => [d.code, d]));
    this.units = new Map(units.map((u4) => [u4.code, u4]));
    this.#grids = new Map(grids.map((g) => [g.code, g]));
    this.#index = GridIndex.build(grids.map((g) => ({ code: g.code, communityCode: g.communityCode, coordinates: g.coordinates })));
    const usable = grids.filter((g) => this.placeOfGrid(g.code) !== null);
    this.#sampler = new WeightedSampler(
      usable,
      usable.map((g) => this.divisions.get(g.communityCode)?.name.endsWith("\u6751") ? VILLAGE_GRID_WEIGHT : URBAN_GRID_WEIGHT)
    );
    for (const u4 of units) {
      if (!u4.active) continue;
      if (CENTRE_LIKE.has(u4.type)) this.#centres.set(u4.divisionCode, u4.code);
      if (u4.type === "department" && u4.departmentKind) {
        this.#departments.set(`${u4.departmentKind}@${u4.divisionCode}`, u4.code);
        const list = this.#departmentsAt.get(u4.divisionCode) ?? [];
        list.push(u4.code);
        this.#departmentsAt.set(u4.divisionCode, list);
      }
    }
  }
  centreOf(divisionCode) {
    return this.#centres.get(divisionCode) ?? null;
  }
  departmentOf(kind, divisionCode) {
    return this.#departments.get(`${kind}@${divisionCode}`) ?? null;
  }
  /** Departments that serve the place: those of its district and of the city. */
  departmentsServing(place) {
    return [...this.#departmentsAt.get(place.district) ?? [], ...this.#departmentsAt.get(place.city) ?? []];
  }
  divisionName(code) {
    return this.divisions.get(code)?.name ?? "";
  }
  placeOfGrid(gridCode) {
    const cached2 = this.#places.get(gridCode);
    if (cached2 !== void 0) return cached2;
    const community = this.#grids.get(gridCode)?.communityCode;
    const township = community ? this.divisions.get(community)?.parentCode : null;
    const district = township ? this.divisions.get(township)?.parentCode : null;
    const city = district ? this.divisions.get(district)?.parentCode : null;
    const place = community && township && district && city ? { grid: gridCode, community, township, district, city } : null;
    this.#places.set(gridCode, place);
    return place;
  }
  /** A weighted grid and a point that the live locator puts in that same grid. */
  sample(rng) {
    for (let tries = 0; tries < 50; tries++) {
      const grid = this.#sampler.draw(rng);
      const point = this.#pointIn(grid, rng);
      if (point) return { place: this.placeOfGrid(grid.code), lat: point[1], lng: point[0] };
    }
    throw new Error("history: could not place a point in any grid");
  }
  #pointIn(grid, rng) {
    let box = this.#bbox.get(grid.code);
    if (!box) {
      box = [Infinity, Infinity, -Infinity, -Infinity];
      for (const poly of grid.coordinates) {
        for (const [x = NaN, y = NaN] of poly[0] ?? []) {
          box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
        }
      }
      this.#bbox.set(grid.code, box);
    }
    for (let i = 0; i < 40; i++) {
      const lng = Math.round(rng.range(box[0], box[2]) * 1e6) / 1e6;
      const lat = Math.round(rng.range(box[1], box[3]) * 1e6) / 1e6;
      if (this.#index.locate(lat, lng) === grid.code) return [lng, lat];
    }
    return null;
  }
};
function distanceMeters(lat1, lng1, lat2, lng2) {
  const k = 111195;
  const dx = (lng2 - lng1) * k * Math.cos((lat1 + lat2) / 2 * (Math.PI / 180));
  const dy = (lat2 - lat1) * k;
  return Math.sqrt(dx * dx + dy * dy);
}

// apps/server/src/seed/history/texts.ts
var TITLE_MAX = 60;
var TOPICS = [
  "\u5783\u573E",
  "\u5C0F\u5E7F\u544A",
  "\u6742\u7269",
  "\u5360\u9053",
  "\u5E97\u5916",
  "\u6D88\u9632\u901A\u9053",
  "\u8C03\u89E3",
  "\u77DB\u76FE",
  "\u96EA",
  "\u51B0",
  "\u8DEF\u706F",
  "\u7167\u660E",
  "\u4E95\u76D6",
  "\u8DEF\u9762",
  "\u4EBA\u884C\u9053",
  "\u56F4\u6321",
  "\u7269\u4E1A",
  "\u5DE5\u5730",
  "\u65BD\u5DE5",
  "\u7BA1\u9053",
  "\u6F0F\u6C34",
  "\u4F9B\u6C34",
  "\u6C34\u538B",
  "\u79EF\u6C34",
  "\u7B85\u5B50",
  "\u6392\u6C34",
  "\u6696\u6C14",
  "\u5BA4\u6E29",
  "\u4F9B\u70ED",
  "\u5DE5\u8D44",
  "\u566A\u58F0",
  "\u6CB9\u70DF",
  "\u8FDD\u6CD5\u5EFA\u8BBE",
  "\u724C\u533E",
  "\u9057\u6492",
  "\u7535\u68AF",
  "\u9000\u6B3E",
  "\u9000\u8D27",
  "\u9910",
  "\u8FDD\u505C",
  "\u8F66\u8F86",
  "\u4FE1\u53F7\u706F",
  "\u6807\u5FD7",
  "\u6807\u7EBF",
  "\u6811",
  "\u75C5\u866B\u5BB3",
  "\u62A4\u680F",
  "\u5EA7\u6905",
  "\u6D41\u6D6A",
  "\u4F4E\u4FDD",
  "\u8865\u8D34",
  "\u8DEF\u540D\u724C",
  "\u8BCA\u6240",
  "\u533B\u9662",
  "\u533B\u7597",
  "\u71C3\u6C14",
  "\u7EBF\u7F06",
  "\u5BBD\u5E26",
  "\u4FE1\u53F7",
  "\u57F9\u8BAD",
  "\u5B66\u6821",
  "\u62DB\u751F",
  "\u793E\u4FDD",
  "\u52B3\u52A8\u5408\u540C",
  "\u6751\u52A1",
  "\u9632\u75AB",
  "\u666F\u533A",
  "\u6587\u7269",
  "\u51FA\u7248\u7269",
  "\u53D8\u538B\u5668",
  "\u7EBF\u8DEF",
  "\u7535\u538B",
  "\u4F9B\u7535",
  "\u516C\u4EA4",
  "\u51FA\u79DF\u8F66",
  "\u5FEB\u9012",
  "\u5360\u5730",
  "\u89C4\u5212",
  "\u767B\u8BB0",
  "\u6392\u6C61",
  "\u76D1\u6D4B",
  "\u62C6\u9664",
  "\u5546\u6237",
  "\u5546\u8D29",
  "\u644A",
  "\u4EF7\u683C",
  "\u98DF\u54C1",
  "\u4F01\u4E1A",
  "\u52A0\u6CB9\u7AD9",
  "\u9AD8\u7A7A"
];
var topicsOf = (text) => TOPICS.filter((t) => text.includes(t));
var HistoryTexts = class {
  #texts;
  #categories;
  #gridPool;
  #hotlinePool;
  #samplers = /* @__PURE__ */ new Map();
  #topics = /* @__PURE__ */ new Map();
  #fitting = /* @__PURE__ */ new Map();
  constructor(texts, categories) {
    this.#texts = texts;
    this.#categories = new Map(categories.map((c) => [c.code, c]));
    const usable = texts.categories.filter(
      (c) => this.#categories.has(c.categoryCode) && c.titles.length > 0 && c.descriptions.length > 0 && c.weight > 0
    );
    this.#hotlinePool = usable.filter((c) => this.#categories.get(c.categoryCode)?.kind === "hotline");
    this.#gridPool = usable.filter((c) => this.#categories.get(c.categoryCode)?.kind !== "hotline");
    if (this.#gridPool.length === 0) throw new Error("history: case-texts.json has no usable GB/T category");
  }
  get hasHotlineCategories() {
    return this.#hotlinePool.length > 0;
  }
  #seasonal(c, month) {
    return this.#texts.seasonal[c.season]?.[month] ?? 1;
  }
  /** Overall volume per month relative to the year, given the share of hotline-taxonomy cases. */
  monthFactors(hotlineShare) {
    const mean = (pool, m) => {
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
  drawCategory(rng, month, hotline2) {
    const useHotline = hotline2 && this.hasHotlineCategories;
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
  categoryName(code) {
    return this.#categories.get(code)?.name ?? "";
  }
  /** {place}: a street or a compound, now and then the community itself. */
  vars(rng, communityName) {
    const v2 = this.#texts.vocab;
    const r = rng.next();
    const place = r < 0.4 ? rng.pick(v2.streets) : r < 0.85 ? rng.pick(v2.compounds) : communityName;
    return { place, landmark: rng.pick(v2.landmarks), time: rng.pick(v2.times) };
  }
  caseText(rng, c, vars) {
    const title = fill(rng.pick(c.titles), vars).slice(0, TITLE_MAX);
    return { title, description: fill(rng.pick(c.descriptions), vars) };
  }
  handling(rng, c, kind, vars) {
    const list = this.#texts.handling[kind] ?? this.#texts.handling.territorial ?? [];
    return fill(this.#fit(rng, c, `h:${kind}`, list) ?? "\u5DF2\u6309\u8981\u6C42\u5904\u7F6E\u5B8C\u6BD5,\u73B0\u573A\u6062\u590D\u6B63\u5E38\u3002", vars);
  }
  returnReason(rng, c, code) {
    return this.#fit(rng, c, `r:${code}`, this.#texts.returnReasons[code] ?? []) ?? "\u4E0D\u5C5E\u4E8E\u672C\u5355\u4F4D\u804C\u8D23\u8303\u56F4,\u8BF7\u6539\u6D3E\u3002";
  }
  verification(rng, c, pass) {
    const list = pass ? this.#texts.verification.passed : this.#texts.verification.failed;
    return this.#fit(rng, c, `v:${pass}`, list) ?? (pass ? "\u7ECF\u73B0\u573A\u6838\u67E5,\u95EE\u9898\u5DF2\u5904\u7F6E\u5B8C\u6BD5\u3002" : "\u5904\u7F6E\u672A\u5230\u4F4D,\u8BF7\u8FD4\u5DE5\u3002");
  }
  evaluation(rng, c, rating) {
    return this.#fit(rng, c, `e:${rating}`, this.#texts.evaluation[rating] ?? []);
  }
  urge(rng) {
    return this.#texts.urgeNotes.length > 0 ? rng.pick(this.#texts.urgeNotes) : "\u8BF7\u52A0\u5FEB\u5904\u7F6E\u8FDB\u5EA6\u3002";
  }
  /** A note whose topic words all occur in the category's own texts; the least off-topic one otherwise. */
  #fit(rng, c, listKey, list) {
    if (list.length === 0) return null;
    const key = `${c.categoryCode}|${listKey}`;
    let fitting = this.#fitting.get(key);
    if (!fitting) {
      let own = this.#topics.get(c.categoryCode);
      if (!own) {
        own = new Set(topicsOf([this.categoryName(c.categoryCode), ...c.titles, ...c.descriptions].join(" ")));
        this.#topics.set(c.categoryCode, own);
      }
      const foreign = (t) => topicsOf(t).filter((w) => !own.has(w)).length;
      const best = Math.min(...list.map(foreign));
      fitting = list.filter((t) => foreign(t) === best);
      this.#fitting.set(key, fitting);
    }
    return rng.pick(fitting);
  }
};
function fill(template, vars) {
  return template.replace(/\{(\w+)\}/g, (_m, k) => k in vars ? vars[k] : "");
}

// apps/server/src/seed/history-generator.ts
var SOURCE_MIX = { grid: 0.55, hotline: 0.28, web: 0.08, app: 0.05, media: 0.02, open311: 0.02 };
var HOTLINE_TAXONOMY = { hotline: 0.3, web: 0.15, app: 0.1, media: 0.05 };
var NAMED_SOURCES = /* @__PURE__ */ new Set(["hotline", "web", "app"]);
var STUCK_SHARE = 19e-4;
var HOLD_STAGES = { accepted: 0.5, dispatched: 0.12, returned: 0.15, registered: 0.1, handled: 0.13 };
var MERGE_SHARE = 0.02;
var MERGE_RADIUS_M = 1500;
var OPEN_STATES = ["reported", "registered", "dispatched", "accepted", "returned", "handled"];
var DEFAULT_HISTORY_SEED = 20250101;
function generateHistory(opts) {
  const seed = opts.seed ?? DEFAULT_HISTORY_SEED;
  const now2 = opts.now.getTime();
  const rng = new Rng(seed);
  const idRng = new Rng(seed ^ 1540483477);
  const newId = opts.newId ?? (() => idRng.uuid());
  const { ref: ref2 } = opts;
  const places = new HistoryPlaces(ref2.divisions, ref2.grids, ref2.units);
  const texts = new HistoryTexts(ref2.texts, ref2.categories);
  const clock = new HistoryClock(opts.calendar);
  const responsibility = new Map(ref2.responsibility.map((e) => [e.categoryCode, e]));
  const hotlineUnit = ref2.units.find((u4) => u4.type === "hotline" && u4.active)?.code ?? null;
  const ctx = { clock, places, texts, now: now2, hotlineUnit };
  const sources = Array.from({ length: opts.count }, () => pickWeighted(rng, SOURCE_MIX));
  let hotlineShare = 0;
  for (const [s, p] of Object.entries(SOURCE_MIX)) hotlineShare += p * (HOTLINE_TAXONOMY[s] ?? 0);
  const reports = clock.sampleReports(opts.count, now2, rng, texts.monthFactors(hotlineShare), sources);
  const cases = [];
  const drawn = [];
  const terminalAt = [];
  const mergeIndex = /* @__PURE__ */ new Map();
  const perDay = /* @__PURE__ */ new Map();
  let mergeDebt = 0;
  for (const [i, report] of reports.entries()) {
    const caseRng = rng.fork();
    const month = monthOfDay(dayIndex(report.at));
    const category = texts.drawCategory(caseRng, month, caseRng.chance(HOTLINE_TAXONOMY[report.source] ?? 0));
    const { place, lat, lng } = places.sample(caseRng);
    const route = routeCase(place, responsibility.get(category.categoryCode) ?? null, places);
    const centre = places.centreOf(place.township) ?? places.centreOf(place.district);
    if (!centre) throw new Error(`history: no centre for ${place.township}`);
    const communityName = places.divisionName(place.community);
    const vars = texts.vars(caseRng, communityName);
    const { title, description } = texts.caseText(caseRng, category, vars);
    const day = cstDate(report.at);
    const serial = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, serial);
    const named = NAMED_SOURCES.has(report.source);
    const base = {
      id: newId(),
      code: `AS-${day.replaceAll("-", "")}-${String((opts.codeOffsets?.get(day) ?? 0) + serial).padStart(6, "0")}`,
      title,
      description,
      source: report.source,
      categoryCode: category.categoryCode,
      lat,
      lng,
      address: addressOf(places, place, vars.place === communityName ? "" : vars.place),
      gridCode: place.grid,
      communityCode: place.community,
      townshipCode: place.township,
      districtCode: place.district,
      cityCode: place.city,
      reporterName: named ? reporterName(caseRng) : null,
      reporterPhone: named ? reporterPhone(caseRng) : null,
      centreUnitCode: centre,
      suggestedUnitCode: route.unitCode,
      routingRule: route.rule,
      routingReason: route.reason,
      limitDays: route.limitDays ?? DEFAULT_LIMIT_DAYS,
      reportedAt: new Date(report.at)
    };
    if (caseRng.chance(MERGE_SHARE)) mergeDebt = Math.min(mergeDebt + 1, 25);
    const key = `${category.categoryCode}|${place.township}`;
    const hold = caseRng.chance(STUCK_SHARE) ? pickWeighted(caseRng, HOLD_STAGES) : null;
    const plan = {
      place,
      category,
      vars,
      hold,
      wantsMerge: mergeDebt > 0,
      mayReject: true,
      forceReturn: hold === "returned",
      findMergeTarget: (at) => {
        const list = mergeIndex.get(key) ?? [];
        for (let k = list.length - 1, seen = 0; k >= 0 && seen < 40; k--, seen++) {
          const j = list[k];
          const c = cases[j];
          if (c.reportedAt.getTime() >= at || terminalAt[j] <= at + 10 * MINUTE) continue;
          if (distanceMeters(c.lat, c.lng, lat, lng) <= MERGE_RADIUS_M) return { id: c.id, code: c.code };
        }
        return null;
      }
    };
    const sim = simulateCase(base, plan, ctx, caseRng);
    const row = sim.finish();
    cases.push(row);
    drawn.push({ base, plan });
    terminalAt.push(sim.firstTerminalAt);
    if (row.status === "merged") {
      mergeDebt--;
      joinDuplicate(cases, row);
    } else if (row.status !== "rejected") {
      const list = mergeIndex.get(key) ?? [];
      list.push(i);
      mergeIndex.set(key, list);
    }
  }
  fillOpenStages(cases, drawn, ctx, seed, now2);
  const counters = /* @__PURE__ */ new Map();
  for (const [day, n] of perDay) counters.set(day, (opts.codeOffsets?.get(day) ?? 0) + n);
  let eventCount = 0;
  for (const c of cases) eventCount += c.events.length;
  return { cases, counters, eventCount };
}
function joinDuplicate(cases, merged) {
  const target = cases.find((c) => c.id === merged.mergedIntoId);
  if (!target) throw new Error(`history: merge target ${merged.mergedIntoId} not generated`);
  target.meTooCount += 1 + merged.meTooCount;
  const at = merged.events[merged.events.length - 1]?.at ?? merged.reportedAt;
  if (at > target.updatedAt) target.updatedAt = at;
}
function addressOf(places, place, spot) {
  return `${places.divisionName(place.district)}${places.divisionName(place.township)}${places.divisionName(place.community)}${spot}`;
}
function fillOpenStages(cases, drawn, ctx, seed, now2) {
  const present = new Set(cases.map((c) => c.status));
  const used = /* @__PURE__ */ new Set();
  for (const status of OPEN_STATES) {
    if (present.has(status)) continue;
    const minAge = status === "reported" ? 0 : status === "registered" ? 0.2 * DAY : 2 * DAY;
    let tries = 0;
    for (let i = cases.length - 1; i >= 0 && tries < 300; i--) {
      const c = cases[i];
      const d = drawn[i];
      if (used.has(i) || c.meTooCount > 0 || c.status === "merged" || now2 - c.reportedAt.getTime() < minAge) continue;
      tries++;
      const plan = {
        ...d.plan,
        hold: status,
        wantsMerge: false,
        mayReject: false,
        forceReturn: status === "returned"
      };
      const row = simulateCase(d.base, plan, ctx, new Rng((seed ^ Math.imul(i + 1, 2654435761)) >>> 0)).finish();
      if (row.status !== status) continue;
      cases[i] = row;
      used.add(i);
      break;
    }
  }
}

// apps/server/src/seed/seed-data.ts
import { readFileSync } from "node:fs";
import path2 from "node:path";

// apps/server/src/lib/paths.ts
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var cached = null;
function serverRoot() {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "migrations"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find apps/server (no migrations folder above this module)");
    dir = parent;
  }
  cached = dir;
  return dir;
}

// apps/server/src/seed/seed-data.ts
function readSeedJson(name) {
  return JSON.parse(readFileSync(path2.join(serverRoot(), "seed-data", name), "utf8"));
}

// apps/server/src/seed/units.ts
var CITY_CODE = "210300000000";
var HOTLINE_UNIT = `${CITY_CODE}-12345`;
var ADMIN_UNIT = `${CITY_CODE}-admin`;
var centreCode = (divisionCode) => `${divisionCode}-centre`;
var stationCode = (communityCode) => `${communityCode}-station`;
var departmentCode = (seat, kind) => `${seat}-${kind}`;
function buildUnits(divisions, departments) {
  const units = [];
  const cityName = divisions.find((d) => d[0] === CITY_CODE)?.[1] ?? "\u978D\u5C71\u5E02";
  for (const [code, name, , level] of divisions) {
    if (level === "community") {
      units.push({
        code: stationCode(code),
        name: `${name}\u7F51\u683C\u5316\u5DE5\u4F5C\u7AD9`,
        name_en: "Community grid work station",
        type: "community_station",
        level,
        division_code: code,
        department_kind: null
      });
    } else {
      units.push({
        code: centreCode(code),
        name: `${name}\u5E02\u57DF\u6CBB\u7406\u4E2D\u5FC3`,
        name_en: `${level[0]?.toUpperCase()}${level.slice(1)} governance centre`,
        type: `${level}_centre`,
        level,
        division_code: code,
        department_kind: null
      });
    }
  }
  for (const dept of departments) {
    if (dept.levels.includes("city")) {
      units.push({
        code: departmentCode(CITY_CODE, dept.kind),
        name: dept.nameCity,
        name_en: dept.nameEn,
        type: "department",
        level: "city",
        division_code: CITY_CODE,
        department_kind: dept.kind
      });
    }
    if (dept.levels.includes("district")) {
      for (const [code, name, , level] of divisions) {
        if (level !== "district") continue;
        units.push({
          code: departmentCode(code, dept.kind),
          name: dept.districtNames[code] ?? `${name}${dept.nameDistrictSuffix ?? ""}`,
          name_en: `${dept.nameEn} (${name})`,
          type: "department",
          level: "district",
          division_code: code,
          department_kind: dept.kind
        });
      }
    }
  }
  units.push(
    {
      code: HOTLINE_UNIT,
      name: `${cityName}12345\u653F\u52A1\u670D\u52A1\u4FBF\u6C11\u70ED\u7EBF`,
      name_en: "12345 Government Service Hotline",
      type: "hotline",
      level: "city",
      division_code: CITY_CODE,
      department_kind: null
    },
    {
      code: ADMIN_UNIT,
      name: `${cityName}\u5E02\u57DF\u6CBB\u7406\u5E73\u53F0\u8FD0\u7EF4\u7BA1\u7406`,
      name_en: "Platform administration",
      type: "admin",
      level: "city",
      division_code: CITY_CODE,
      department_kind: null
    }
  );
  return units;
}

// ../../tmp/cg/ref.ts
function loadRef() {
  const divisions = readSeedJson("divisions.json");
  const grids = readSeedJson("grids.json");
  const departments = readSeedJson("departments.json");
  const cal = readSeedJson("calendar.json");
  const units = buildUnits(divisions, departments).map((u4) => ({ code: u4.code, type: u4.type, level: u4.level, divisionCode: u4.division_code, departmentKind: u4.department_kind ?? null, active: true }));
  return {
    ref: {
      divisions: divisions.map(([code, name, parentCode, level]) => ({ code, name, parentCode, level })),
      grids: grids.map(([code, communityCode, name, coordinates]) => ({ code, communityCode, name, coordinates })),
      units,
      categories: readSeedJson("categories.json"),
      responsibility: readSeedJson("responsibility.json"),
      texts: readSeedJson("case-texts.json")
    },
    calendar: new WorkCalendar({
      holidays: Object.values(cal.years).flatMap((y) => y.holidays),
      workdays: Object.values(cal.years).flatMap((y) => y.workdays)
    })
  };
}

// ../../tmp/cg/stats.ts
var count = Number(process.argv[2] ?? 78182);
var now = new Date(process.argv[3] ?? "2025-11-27T10:30:00+08:00");
var t0 = performance.now();
var { ref, calendar } = loadRef();
var t1 = performance.now();
var h = generateHistory({ count, now, calendar, ref });
var t2 = performance.now();
console.log(`load ${(t1 - t0).toFixed(0)} ms, generate ${(t2 - t1).toFixed(0)} ms, cases ${h.cases.length}, events ${h.eventCount}, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
var by = (f) => {
  const m = {};
  for (const c of h.cases) m[f(c)] = (m[f(c)] ?? 0) + 1;
  return m;
};
console.log("status", by((c) => c.status));
console.log("source", by((c) => c.source));
console.log("hotline cat", h.cases.filter((c) => c.categoryCode?.startsWith("H")).length / count);
var bad = 0;
for (const c of h.cases) {
  const e = findInvalidStep(c.events);
  if (e) {
    if (bad++ < 5) console.log(c.code, e);
  }
}
console.log("invalid", bad);
var cutoff = now.getTime() - 30 * 864e5;
var old = h.cases.filter((c) => c.reportedAt.getTime() < cutoff);
var oldReal = old.filter((c) => c.status !== "rejected" && c.status !== "merged");
var resolved = oldReal.filter((c) => c.status === "closed" || c.status === "evaluated").length;
console.log("old", old.length, "old non-rej/merged", oldReal.length, "resolved", resolved, (100 * resolved / oldReal.length).toFixed(3) + "%");
var allReal = h.cases.filter((c) => c.status !== "rejected" && c.status !== "merged");
var allRes = allReal.filter((c) => c.status === "closed" || c.status === "evaluated").length;
console.log("all: found", count, "resolved(closed/evaluated)", allRes, "+merged/rejected", h.cases.length - allReal.length, "=", allRes + h.cases.length - allReal.length);
var closed = h.cases.filter((c) => c.closedAt);
var late = closed.filter((c) => c.closedAt > c.dueAt).length;
var lateFb = closed.filter((c) => c.handledAt && c.handledAt > c.dueAt).length;
console.log("closed", closed.length, "late closed", (100 * late / closed.length).toFixed(2) + "%", "late handled", (100 * lateFb / closed.length).toFixed(2) + "%");
var ev = h.cases.filter((c) => c.rating);
console.log("ratings", ev.length / closed.length, { s: ev.filter((c) => c.rating === "satisfied").length / ev.length, b: ev.filter((c) => c.rating === "basically").length / ev.length, u: ev.filter((c) => c.rating === "unsatisfied").length / ev.length });
console.log("returns", h.cases.filter((c) => c.returnCount > 0).length / count, "rework", h.cases.filter((c) => c.reworkCount > 0).length / count, "ext", h.cases.filter((c) => c.extensionCount > 0).length / count, "reopen", h.cases.filter((c) => c.reopenCount > 0).length / count, "assist", h.cases.filter((c) => c.assistUnitCodes.length > 0).length / count, "supervised", h.cases.filter((c) => c.supervisionCount > 0).length / count, "warned", h.cases.filter((c) => c.warnedAt).length / count, "overdue", h.cases.filter((c) => c.overdueAt).length / count);
var actions = {};
for (const c of h.cases) for (const e of c.events) actions[e.action] = (actions[e.action] ?? 0) + 1;
console.log(actions);
var months = {};
for (const c of h.cases) {
  const m = new Date(c.reportedAt.getTime() + 8 * 36e5).toISOString().slice(0, 7);
  months[m] = (months[m] ?? 0) + 1;
}
console.log(months);
var wd = [0, 0, 0, 0, 0, 0, 0];
for (const c of h.cases) wd[new Date(c.reportedAt.getTime() + 8 * 36e5).getUTCDay()]++;
console.log("weekday", wd);
var hr = Array(24).fill(0);
for (const c of h.cases) hr[new Date(c.reportedAt.getTime() + 8 * 36e5).getUTCHours()]++;
console.log("hour", hr.join(" "));
var urban = h.cases.filter((c) => ref.divisions.find((d) => d.code === c.communityCode)?.name.endsWith("\u793E\u533A")).length;
console.log("urban share", urban / count);
console.log("max title", Math.max(...h.cases.map((c) => c.title.length)));
var open = h.cases.filter((c) => !["closed", "evaluated", "merged", "rejected"].includes(c.status));
console.log("open", open.length, "overdue open", open.filter((c) => c.overdueAt).length, "esc", open.filter((c) => c.escalationLevel > 0).length);
console.log(JSON.stringify(h.cases.find((c) => c.returnCount > 0 && c.reworkCount > 0) ?? h.cases[100], null, 1).slice(0, 6e3));
