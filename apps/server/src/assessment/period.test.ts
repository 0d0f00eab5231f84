import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { endOf, periodsOf, startOf } from "./period.ts";

// Thursday 2026-11-26 01:00 CST is still Wednesday in UTC: the default period follows CST
const NOW = new Date("2026-11-25T17:00:00Z");

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? `${e.code} ${e.status}` : String(e);
  }
  return "ok";
};

describe("periodsOf", () => {
  it("defaults to this month so far, in China Standard Time", () => {
    expect(periodsOf({}, NOW)).toEqual({
      current: { from: "2026-11-01", to: "2026-11-26" }, // 26 days
      previous: { from: "2026-10-06", to: "2026-10-31" },
    });
    expect(periodsOf({ to: "2026-02-10" }, NOW).current).toEqual({ from: "2026-02-01", to: "2026-02-10" });
  });

  it("accepts up to 366 days and refuses the rest with 400 PERIOD_INVALID", () => {
    expect(code(() => periodsOf({ from: "2023-11-25", to: "2024-11-24" }, NOW))).toBe("ok"); // 366, leap day inside
    expect(code(() => periodsOf({ from: "2025-01-01", to: "2026-01-02" }, NOW))).toBe("PERIOD_INVALID 400"); // 367
    expect(code(() => periodsOf({ from: "2026-10-31", to: "2026-10-01" }, NOW))).toBe("PERIOD_INVALID 400");
    expect(code(() => periodsOf({ from: "2026-02-29", to: "2026-03-01" }, NOW))).toBe("PERIOD_INVALID 400");
  });

  it("starts and ends periods at midnight CST", () => {
    expect(startOf("2026-11-01").toISOString()).toBe("2026-10-31T16:00:00.000Z");
    expect(endOf("2026-11-30").toISOString()).toBe("2026-11-30T16:00:00.000Z");
  });
});
