import { FIGURES } from "@civicgrid/shared";
import { describe, expect, it } from "vitest";
import { countReportsDuringPatrols, patrolCoverage, reportsPerPatrol } from "./grid-worker.ts";
import {
  addCounts,
  computeIndicators,
  emptyCounts,
  INDICATOR_KEYS,
  INDICATOR_KINDS,
  type IndicatorCounts,
  LOWER_IS_BETTER,
} from "./indicators.ts";
import { changeBetween, changeOf, dayNumber, monthPeriod, periodLength, previousPeriod } from "./period.ts";
import { defaultOrder, rankRows } from "./ranking.ts";

// A district's month, counted by hand from 20 imagined cases.
const district: IndicatorCounts = {
  reported: 20,
  registered: 18, // 1 rejected, 1 merged before registering
  dispatched: 16,
  dispatches: 19, // 16 cases, 3 of them dispatched a second time after a return
  returns: 3,
  acceptedInTime: 14,
  handled: 15,
  handledOnTime: 12,
  dueToHandle: 16, // 15 handled + 1 overdue and not handled
  reworked: 2,
  closed: 13,
  closedOnTime: 11,
  dueToClose: 15, // 13 closed + 2 overdue and not closed
  open: 4,
  overdueOpen: 1,
  overdueEver: 3,
  evaluated: 10,
  satisfied: 7,
  basically: 2,
  unsatisfied: 1,
  solved: 9,
  handlingDaysSum: 37.5,
  handlingDaysN: 15,
};

describe("computeIndicators", () => {
  it("measures each indicator as the shared figure of the same name does (names, formats, tables)", () => {
    for (const key of INDICATOR_KEYS) expect(FIGURES[key]?.kind, key).toBe(INDICATOR_KINDS[key]);
    expect([...LOWER_IS_BETTER].sort()).toEqual(["avgHandlingDays", "open", "overdue", "reworkRate"]);
  });

  it("computes every rate of the glossary from hand-counted figures", () => {
    const i = computeIndicators(district);
    expect(i.closureRate).toBeCloseTo(13 / 18, 12); // closed 13 ÷ registered 18 = 0.7222…
    expect(i.onTimeClosureRate).toBeCloseTo(11 / 15, 12); // closed on time 11 ÷ due to close 15 = 0.7333…
    expect(i.onTimeHandlingRate).toBe(0.75); // handled on time 12 ÷ due to handle 16
    expect(i.reworkRate).toBeCloseTo(2 / 15, 12); // reworked 2 ÷ handled 15 = 0.1333…
    expect(i.accurateDispatchRate).toBeCloseTo(16 / 19, 12); // (19 − 3) ÷ 19 = 0.8421…
    expect(i.responseRate).toBe(0.875); // accepted in time 14 ÷ dispatched 16
    expect(i.resolutionRate).toBe(0.9); // solved 9 ÷ evaluated 10
    expect(i.satisfactionRate).toBe(0.9); // (7 satisfied + 2 basically) ÷ 10 evaluated
    expect(i.avgHandlingDays).toBe(2.5); // 37.5 working days ÷ 15 cases
    // the article's figures: found = reported 20; resolved = no longer open, 20 − 4 = 16; of the 4 open
    // ones 3 are within their limit (not due yet), 1 is overdue → 16 ÷ (16 + 1)
    expect(i.found).toBe(20);
    expect(i.resolved).toBe(16);
    expect(i.resolvedRate).toBeCloseTo(16 / 17, 12);
    expect(i.accurateDispatches).toBe(16); // 19 dispatches − 3 returned
    expect(i.overdue).toBe(1);
    expect(i.reported).toBe(20);
    expect(i.open).toBe(4);
  });

  it("reproduces the article's 问题解决率 at the seeded year's scale", () => {
    // the demo year: 78,182 reported, 623 still open of which 160 past their deadline
    const year = { ...emptyCounts(), reported: 78_182, open: 623, overdueOpen: 160 };
    const i = computeIndicators(year);
    expect(i.found).toBe(78_182);
    expect(i.resolved).toBe(77_559); // 78,182 − 623
    // 77,559 ÷ (77,559 + 160) = 77,559 ÷ 77,719 = 0.99794…
    expect(i.resolvedRate).toBeCloseTo(0.99794, 5);
  });

  it("gives null, never NaN, for a rate with nothing to measure", () => {
    const i = computeIndicators(emptyCounts());
    for (const key of INDICATOR_KEYS) {
      const v = i[key];
      if (v !== null) expect(Number.isFinite(v), key).toBe(true);
    }
    expect(i.closureRate).toBeNull();
    expect(i.onTimeClosureRate).toBeNull();
    expect(i.onTimeHandlingRate).toBeNull();
    expect(i.reworkRate).toBeNull();
    expect(i.accurateDispatchRate).toBeNull();
    expect(i.responseRate).toBeNull();
    expect(i.resolutionRate).toBeNull();
    expect(i.satisfactionRate).toBeNull();
    expect(i.avgHandlingDays).toBeNull();
    expect(i.resolvedRate).toBeNull();
    expect(i.reported).toBe(0);
    // registered but nothing evaluated yet: closure defined, the 三率 of the reporter not
    const some = computeIndicators({ ...emptyCounts(), reported: 2, registered: 2, closed: 1 });
    expect(some.closureRate).toBe(0.5);
    expect(some.satisfactionRate).toBeNull();
  });

  it("sums count rows field by field (a period is the sum of its days)", () => {
    const day2: IndicatorCounts = {
      ...emptyCounts(),
      reported: 5,
      registered: 4,
      closed: 2,
      handlingDaysSum: 2.5,
      handlingDaysN: 1,
    };
    const sum = addCounts(district, day2, emptyCounts());
    expect(sum.reported).toBe(25); // 20 + 5
    expect(sum.registered).toBe(22); // 18 + 4
    expect(sum.closed).toBe(15); // 13 + 2
    expect(sum.handlingDaysSum).toBe(40); // 37.5 + 2.5
    expect(sum.handlingDaysN).toBe(16);
    expect(sum.solved).toBe(9);
    expect(computeIndicators(sum).avgHandlingDays).toBe(2.5); // 40 ÷ 16
    expect(computeIndicators(sum).closureRate).toBeCloseTo(15 / 22, 12);
    expect(addCounts()).toEqual(emptyCounts());
  });
});

describe("periods", () => {
  it("parses strict dates only", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2025-02-30")).toBeNull();
    expect(dayNumber("2025-2-3")).toBeNull();
    expect(dayNumber("2024-02-29")).not.toBeNull();
  });

  it("finds the previous period of equal length", () => {
    // October has 31 days; 31 days before 10-01 is 08-31 (September has 30)
    expect(previousPeriod({ from: "2025-10-01", to: "2025-10-31" })).toEqual({ from: "2025-08-31", to: "2025-09-30" });
    // Q1 2025 = 31 + 28 + 31 = 90 days; the 90 days before: 29 of October (03..31), November 30, December 31
    expect(periodLength({ from: "2025-01-01", to: "2025-03-31" })).toBe(90);
    expect(previousPeriod({ from: "2025-01-01", to: "2025-03-31" })).toEqual({ from: "2024-10-03", to: "2024-12-31" });
    // a single day: the day before
    expect(previousPeriod({ from: "2024-03-01", to: "2024-03-01" })).toEqual({ from: "2024-02-29", to: "2024-02-29" });
  });

  it("turns a month into its days", () => {
    expect(monthPeriod("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" }); // leap year
    expect(monthPeriod("2025-02")).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    expect(monthPeriod("2025-12")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(monthPeriod("2025-13")).toBeNull();
    expect(monthPeriod("2025-1")).toBeNull();
  });

  it("measures the change: points for rates, per cent for counts, days for handling time", () => {
    const current = computeIndicators({
      ...emptyCounts(),
      reported: 30,
      registered: 20,
      closed: 15, // closure 15/20 = 75%
      handlingDaysSum: 5,
      handlingDaysN: 2, // 2.5 days
    });
    const previous = computeIndicators({
      ...emptyCounts(),
      reported: 20,
      registered: 10,
      closed: 6, // closure 6/10 = 60%
      handlingDaysSum: 9,
      handlingDaysN: 3, // 3 days
      evaluated: 4,
      satisfied: 4,
    });
    const change = changeBetween(current, previous);
    expect(change.closureRate).toBeCloseTo(15, 9); // 75% − 60% = +15 points
    expect(change.reported).toBe(50); // (30 − 20) ÷ 20 = +50%
    expect(change.registered).toBe(100); // (20 − 10) ÷ 10 = +100%
    expect(change.closed).toBe(150); // (15 − 6) ÷ 6 = +150%
    expect(change.avgHandlingDays).toBe(-0.5); // 2.5 − 3 days
    expect(change.satisfactionRate).toBeNull(); // nothing evaluated now: no change to show
    expect(change.evaluated).toBe(-100); // 4 → 0
    expect(change.overdue).toBeNull(); // 0 → 0: no per cent of nothing
    expect(changeOf("ratio", 1.5, 1.25)).toBe(0.25); // reports per patrol: plain difference
    expect(changeOf("rate", 0.5, null)).toBeNull();
  });
});

describe("rankRows", () => {
  const rows = [
    { name: "a", v: 0.9 },
    { name: "b", v: null },
    { name: "c", v: 0.95 },
    { name: "d", v: 0.9 },
    { name: "e", v: 0.8 },
  ];

  it("ranks best first, ties share a rank in input order, missing values last and unranked", () => {
    const desc = rankRows(rows, (r) => r.v, "desc");
    expect(desc.map((r) => [r.name, r.rank])).toEqual([
      ["c", 1],
      ["a", 2],
      ["d", 2],
      ["e", 4],
      ["b", null],
    ]);
    const asc = rankRows(rows, (r) => r.v, "asc");
    expect(asc.map((r) => [r.name, r.rank])).toEqual([
      ["e", 1],
      ["a", 2],
      ["d", 2],
      ["c", 4],
      ["b", null],
    ]);
    expect(rows[0]).toEqual({ name: "a", v: 0.9 }); // the input is not touched
  });

  it("knows which indicators are better low", () => {
    expect(defaultOrder("satisfactionRate")).toBe("desc");
    expect(defaultOrder("reported")).toBe("desc");
    expect(defaultOrder("reworkRate")).toBe("asc");
    expect(defaultOrder("avgHandlingDays")).toBe("asc");
    expect(defaultOrder("overdue")).toBe("asc");
  });
});

describe("grid-worker indicators", () => {
  it("reports per patrol", () => {
    expect(reportsPerPatrol(6, 4)).toBe(1.5); // 6 reports over 4 patrols
    expect(reportsPerPatrol(3, 0)).toBeNull();
  });

  it("patrol coverage counts each assigned grid once", () => {
    // assigned g1, g2, g3; points fell in g1 (twice), g3 and g9 (not assigned) → 2 of 3
    expect(patrolCoverage(["g1", "g1", "g3", "g9"], ["g1", "g2", "g3"])).toBeCloseTo(2 / 3, 12);
    expect(patrolCoverage([], ["g1"])).toBe(0);
    expect(patrolCoverage(["g1"], [])).toBeNull();
  });

  it("counts the reports made while a patrol was under way, ends included", () => {
    const patrols = [
      { start: 100, end: 200 },
      { start: 300, end: null }, // still walking: counts up to now = 400
    ];
    // 100 and 150 fall in the first, 350 in the second; 50, 250 and 450 in none → 3
    expect(countReportsDuringPatrols([50, 100, 150, 250, 350, 450], patrols, 400)).toBe(3);
    expect(countReportsDuringPatrols([150], [], 400)).toBe(0);
  });
});
