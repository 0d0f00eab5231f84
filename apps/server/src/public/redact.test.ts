import { describe, expect, it } from "vitest";
import { redactPublicText } from "./redact.ts";

describe("redactPublicText", () => {
  it("masks mobile numbers, landlines and ID card numbers", () => {
    const out = redactPublicText("已联系张先生13812345678,座机0412-2345678,身份证21030319800101123X。");
    expect(out).not.toMatch(/13812345678|2345678|21030319800101123X/);
    expect(out).toContain("已联系张先生");
  });

  it("masks mobiles written with separators", () => {
    expect(redactPublicText("电话 138-1234-5678 或 +86 139 1234 5678")).not.toMatch(/1234/);
  });

  it("keeps dates, house numbers and counts", () => {
    const text = "2026-11-24 已修复胜利路123号路灯3盏,费用1500元";
    expect(redactPublicText(text)).toBe(text);
  });
});
