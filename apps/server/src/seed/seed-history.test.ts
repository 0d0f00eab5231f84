// The demo-history generator, without a database: every case's timeline is a legal path through
// the state machine, consistent with its row, its place and the units that serve it.
import {
  type ActorUnit,
  type CaseSnapshot,
  checkAllowed,
  findInvalidStep,
  isCoordinator,
  isInTerritory,
  type WorkCalendar,
} from "@civicgrid/domain";
import { CASE_STATUSES, type CaseAction, type CaseStatus, type Rating, type Role } from "@civicgrid/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { GridIndex } from "../spatial/grid-index.ts";
import { type GeneratedHistory, generateHistory, type HistoryReference } from "./history-generator.ts";
import { loadReference } from "./seed-json-reference.ts";

const COUNT = 3_000;
// a Thursday morning in November: heating season, mid-week
const NOW = new Date("2025-11-27T10:30:00+08:00");
const DAY = 86_400_000;
const TERMINAL = new Set(["closed", "evaluated", "rejected", "merged"]);
const SYSTEM = new Set(["report", "warn", "overdue", "auto-escalate"]);

describe("generateHistory", () => {
  let ref: HistoryReference;
  let calendar: WorkCalendar;
  let history: GeneratedHistory;

  beforeAll(() => {
    ({ ref, calendar } = loadReference());
    history = generateHistory({ count: COUNT, now: NOW, calendar, ref, seed: 7 });
  });

  it("walks every case along the state machine, its row matching its timeline", () => {
    expect(history.cases).toHaveLength(COUNT);
    for (const c of history.cases) {
      expect(findInvalidStep(c.events), c.code).toBeNull();
      const last = c.events[c.events.length - 1];
      expect(last?.toStatus).toBe(c.status);
      expect(c.events.map((e) => e.seq)).toEqual(c.events.map((_, i) => i + 1));
      expect(c.version).toBe(c.events.filter((e) => !SYSTEM.has(e.action)).length);
    }
    expect(history.eventCount).toBe(history.cases.reduce((n, c) => n + c.events.length, 0));
  });

  it("leaves cases in every state, and the old ones resolved", () => {
    const statuses = new Set(history.cases.map((c) => c.status));
    expect([...statuses].sort()).toEqual([...CASE_STATUSES].sort());
    const old = history.cases.filter((c) => NOW.getTime() - c.reportedAt.getTime() > 30 * DAY);
    const done = old.filter((c) => TERMINAL.has(c.status)).length;
    expect(done / old.length).toBeGreaterThanOrEqual(0.99);
  });

  it("keeps each timeline in order, within the year before now", () => {
    const yearAgo = NOW.getTime() - 366 * DAY;
    for (const c of history.cases) {
      expect(c.reportedAt.getTime()).toBeGreaterThan(yearAgo);
      expect(c.events[0]?.at.getTime()).toBe(c.reportedAt.getTime());
      let prev = 0;
      for (const e of c.events) {
        expect(e.at.getTime(), c.code).toBeGreaterThanOrEqual(prev);
        expect(e.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
        prev = e.at.getTime();
      }
      for (const t of [
        c.registeredAt,
        c.dispatchedAt,
        c.acceptedAt,
        c.handledAt,
        c.closedAt,
        c.evaluatedAt,
        c.warnedAt,
        c.overdueAt,
      ]) {
        if (t) expect(t.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
      expect(c.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it("places each case in its grid, with the grid's division chain", () => {
    const index = GridIndex.build(ref.grids);
    const parent = new Map(ref.divisions.map((d) => [d.code, d.parentCode]));
    for (const c of history.cases) {
      expect(index.locate(c.lat, c.lng)).toBe(c.gridCode);
      expect(c.gridCode.slice(0, 12)).toBe(c.communityCode);
      expect(parent.get(c.communityCode)).toBe(c.townshipCode);
      expect(parent.get(c.townshipCode)).toBe(c.districtCode);
      expect(parent.get(c.districtCode)).toBe(c.cityCode);
      expect(c.centreUnitCode).toBe(`${c.townshipCode}-centre`);
    }
  });

  it("dispatches only to units that exist and serve the place", () => {
    const units = new Map(ref.units.map((u) => [u.code, u]));
    const serves = (code: string, c: GeneratedHistory["cases"][number]) => {
      const u = units.get(code);
      if (!u) return false;
      if (u.type === "department") return u.divisionCode === c.cityCode || u.divisionCode === c.districtCode;
      if (u.type === "community_station") return u.divisionCode === c.communityCode;
      if (u.type === "township_centre") return u.divisionCode === c.townshipCode;
      if (u.type === "district_centre") return u.divisionCode === c.districtCode;
      return false;
    };
    let dispatches = 0;
    for (const c of history.cases) {
      for (const e of c.events.filter((x) => x.action === "dispatch")) {
        dispatches++;
        const targets = [e.data.unitCode as string, ...(e.data.assistUnitCodes as string[])];
        for (const t of targets) expect(serves(t, c), `${c.code} → ${t}`).toBe(true);
        expect(units.get(e.actorUnitCode ?? "")?.type).toMatch(/_centre$/);
      }
      for (const code of [c.ownerUnitCode, c.suggestedUnitCode, ...c.assistUnitCodes]) {
        if (code) expect(serves(code, c), `${c.code} owner ${code}`).toBe(true);
      }
      for (const code of [c.centreUnitCode, c.ownerUnitCode, ...c.assistUnitCodes]) {
        if (code) expect(c.involvedUnitCodes).toContain(code);
      }
    }
    expect(dispatches).toBeGreaterThan(COUNT * 0.9);
  });

  it("has each step taken by an actor the live permission rules allow", () => {
    const units = new Map(ref.units.map((u) => [u.code, u]));
    const actorUnit = (code: string | null): ActorUnit | undefined => {
      const u = units.get(code ?? "");
      return u ? { code: u.code, type: u.type, level: u.level, divisionCode: u.divisionCode } : undefined;
    };
    for (const c of history.cases) {
      const place = {
        city: c.cityCode,
        district: c.districtCode,
        township: c.townshipCode,
        community: c.communityCode,
        grid: c.gridCode,
      };
      const centre = actorUnit(c.centreUnitCode) as ActorUnit;
      const s: CaseSnapshot = {
        id: c.id,
        status: "reported",
        ownerUnitCode: null,
        dueAt: null,
        rating: null,
        reopenCount: 0,
        pendingExtension: null,
      };
      for (const e of c.events) {
        if (!SYSTEM.has(e.action)) {
          const unit = actorUnit(e.actorUnitCode);
          expect(unit, `${c.code} ${e.action}`).toBeDefined();
          if (!unit) continue;
          const facts = {
            roles: [e.actorRole as Role],
            isCoordinator: isCoordinator(unit, centre, place),
            isOwner: s.ownerUnitCode === unit.code,
            inTerritory: isInTerritory(unit, place),
            isReporter: false,
          };
          expect(
            checkAllowed(s, e.action as CaseAction, facts),
            `${c.code} #${e.seq} ${e.action} by ${e.actorRole}`,
          ).toBeNull();
        }
        if (e.action === "dispatch") s.ownerUnitCode = e.data.unitCode as string;
        if (e.action === "return" || e.action === "reopen") s.ownerUnitCode = null;
        if (e.action === "evaluate") s.rating = e.data.rating as Rating;
        if (e.action === "reopen") {
          s.rating = null;
          s.reopenCount++;
        }
        if (e.action === "extend-request")
          s.pendingExtension = { until: String(e.data.until), reason: "", requestedBy: "", requestedAt: "" };
        if (e.action === "extend-approve") s.pendingExtension = null;
        s.status = e.toStatus as CaseStatus;
      }
      expect(s.ownerUnitCode).toBe(c.ownerUnitCode);
      expect(s.rating).toBe(c.rating);
    }
  });

  it("records whether the problem was solved and the handling working days", () => {
    const evaluated = history.cases.filter((c) => c.rating !== null);
    for (const c of history.cases) {
      expect(c.solved !== null, c.code).toBe(c.rating !== null);
      // handling time is measured for the handled cases, from their latest dispatch, as live (apply-patch.ts)
      expect(c.handlingWorkDays !== null, c.code).toBe(c.handledAt !== null && c.dispatchedAt !== null);
      if (c.handlingWorkDays !== null && c.dispatchedAt && c.handledAt) {
        const days = calendar.workingTimeBetween(c.dispatchedAt, c.handledAt) / DAY;
        expect(c.handlingWorkDays).toBeCloseTo(days, 2);
      }
      const evaluation = c.events.findLast((e) => e.action === "evaluate");
      if (c.rating) expect(evaluation?.data.solved).toBe(c.solved);
    }
    const share = (rows: typeof evaluated) => rows.filter((c) => c.solved).length / rows.length;
    expect(share(evaluated)).toBeGreaterThan(0.95);
    expect(share(evaluated.filter((c) => c.rating === "unsatisfied"))).toBeLessThan(0.5);
    expect(share(evaluated.filter((c) => c.rating === "satisfied"))).toBeGreaterThan(0.98);
    const handled = history.cases.filter((c) => c.handlingWorkDays !== null);
    const mean = handled.reduce((n, c) => n + (c.handlingWorkDays ?? 0), 0) / handled.length;
    expect(mean).toBeGreaterThan(0.3);
    expect(mean).toBeLessThan(5);
  });

  it("merges duplicates into an earlier open case of the same category nearby", () => {
    const byId = new Map(history.cases.map((c) => [c.id, c]));
    const merged = history.cases.filter((c) => c.status === "merged");
    expect(merged.length).toBeGreaterThan(COUNT * 0.01);
    const meToo = new Map<string, number>();
    for (const c of merged) {
      const target = byId.get(c.mergedIntoId ?? "");
      expect(target, c.code).toBeDefined();
      if (!target) continue;
      expect(target.categoryCode).toBe(c.categoryCode);
      expect(target.gridCode).toBe(c.gridCode);
      expect(target.reportedAt.getTime()).toBeLessThan(c.reportedAt.getTime());
      const mergedAt = c.events[c.events.length - 1]?.at.getTime() ?? 0;
      const closedAt = target.events.find((e) => TERMINAL.has(e.toStatus))?.at.getTime() ?? Number.POSITIVE_INFINITY;
      expect(closedAt).toBeGreaterThan(mergedAt);
      meToo.set(target.id, (meToo.get(target.id) ?? 0) + 1);
    }
    for (const c of history.cases) expect(c.meTooCount).toBe(meToo.get(c.id) ?? 0);
  });

  it("numbers cases per CST day and fills the channel mix", () => {
    const codes = new Set(history.cases.map((c) => c.code));
    expect(codes.size).toBe(COUNT);
    for (const c of history.cases) {
      const day = new Date(c.reportedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(c.code).toMatch(new RegExp(`^AS-${day.replaceAll("-", "")}-\\d{6}$`));
      expect(Number(c.code.slice(-6))).toBeLessThanOrEqual(history.counters.get(day) ?? 0);
      expect(c.title.length).toBeLessThanOrEqual(60);
      const named = ["hotline", "web", "app"].includes(c.source);
      expect(c.reporterPhone !== null).toBe(named);
      if (c.reporterPhone) expect(c.reporterPhone).toMatch(/^1[3-9]\d{9}$/);
    }
    const share = (s: string) => history.cases.filter((c) => c.source === s).length / COUNT;
    expect(share("grid")).toBeGreaterThan(0.5);
    expect(share("hotline")).toBeGreaterThan(0.24);
    const hotlineTaxonomy = history.cases.filter((c) => c.categoryCode?.startsWith("H")).length / COUNT;
    expect(hotlineTaxonomy).toBeGreaterThan(0.06);
    expect(hotlineTaxonomy).toBeLessThan(0.15);
  });

  it("continues after serials already used that day", () => {
    const day = "2025-11-26";
    const h = generateHistory({ count: 300, now: NOW, calendar, ref, seed: 3, codeOffsets: new Map([[day, 41]]) });
    const serials = h.cases.filter((c) => c.code.startsWith("AS-20251126-")).map((c) => Number(c.code.slice(-6)));
    expect(serials.length).toBeGreaterThan(0);
    expect(Math.min(...serials)).toBe(42);
    expect(h.counters.get(day)).toBe(41 + serials.length);
  });

  it("is deterministic for a seed", () => {
    const again = generateHistory({ count: COUNT, now: NOW, calendar, ref, seed: 7 });
    expect(JSON.stringify(again.cases)).toBe(JSON.stringify(history.cases));
    const other = generateHistory({ count: 200, now: NOW, calendar, ref, seed: 8 });
    expect(other.cases[0]?.code === history.cases[0]?.code && other.cases[0]?.title === history.cases[0]?.title).toBe(
      false,
    );
  }, 60_000); // two full generations: slow on a loaded machine, not a speed check
});
