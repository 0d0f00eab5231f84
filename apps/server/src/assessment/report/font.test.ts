import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { findReportFont } from "./font.ts";

describe("findReportFont", () => {
  it("finds the Chinese font shipped in the npm package", () => {
    const font = findReportFont();
    expect(existsSync(font.path)).toBe(true);
    expect(font.path).toMatch(/NotoSansHans-Regular\.otf$|NotoSansCJK-Regular\.ttc$/);
  });

  it("refuses with 503 REPORT_FONT_UNAVAILABLE when no font is there, rather than drawing boxes", () => {
    let error: unknown;
    try {
      findReportFont([null, { path: "/nonexistent/font.ttc", family: "X" }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("REPORT_FONT_UNAVAILABLE");
    expect((error as AppError).status).toBe(503);
  });
});
