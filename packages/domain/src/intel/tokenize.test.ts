import { describe, expect, it } from "vitest";
import { normaliseText, tokenize } from "./tokenize.ts";

describe("tokenize", () => {
  it("cuts Han runs into character unigrams and bigrams, in order of appearance", () => {
    expect(tokenize("路灯坏了")).toEqual(["路", "路灯", "灯", "灯坏", "坏", "坏了", "了"]);
  });

  it("never joins characters across punctuation or spaces", () => {
    expect(tokenize("欠薪，噪音")).toEqual(["欠", "欠薪", "薪", "噪", "噪音", "音"]);
  });

  it("folds full-width forms and case (NFKC + lower case)", () => {
    expect(normaliseText("ＡＢＣ１２３")).toBe("abc123");
    expect(tokenize("Ａ３区 Street LIGHT")).toEqual(["a3", "区", "street", "light"]);
  });

  it("keeps Latin words of two or more characters and drops bare numbers", () => {
    expect(tokenize("The street light at No. 12 is out, call 12345")).toEqual([
      "the",
      "street",
      "light",
      "at",
      "no",
      "is",
      "out",
      "call",
    ]);
  });

  it("handles mixed Chinese and English text", () => {
    expect(tokenize("wifi信号差")).toEqual(["wifi", "信", "信号", "号", "号差", "差"]);
  });

  it("honours the n-gram range", () => {
    expect(tokenize("垃圾桶", { maxNgram: 3 })).toEqual(["垃", "垃圾", "垃圾桶", "圾", "圾桶", "桶"]);
    expect(tokenize("垃圾桶", { minNgram: 2, maxNgram: 2 })).toEqual(["垃圾", "圾桶"]);
  });

  it("counts a Han character outside the BMP as one character", () => {
    // U+20BB7 𠮷 takes two UTF-16 units
    expect(tokenize("𠮷野")).toEqual(["𠮷", "𠮷野", "野"]);
  });

  it("can add ICU dictionary words, prefixed so they never collide with n-grams", () => {
    const tokens = tokenize("安全隐患", { segmenterWords: true });
    expect(tokens.slice(0, 7)).toEqual(["安", "安全", "全", "全隐", "隐", "隐患", "患"]);
    expect(tokens.filter((t) => t.startsWith("w:")).length).toBeGreaterThan(0);
  });

  it("can repeat the first line's (the title's) features with a t: prefix", () => {
    expect(tokenize("路灯\n坏了", { titleNamespace: true })).toEqual([
      "路",
      "路灯",
      "灯",
      "坏",
      "坏了",
      "了",
      "t:路",
      "t:路灯",
      "t:灯",
    ]);
    expect(tokenize("路灯坏了", { titleNamespace: true })).toEqual(tokenize("路灯坏了"));
    expect(tokenize("\n路灯", { titleNamespace: true })).toEqual(["路", "路灯", "灯"]);
  });

  it("gives nothing for text without letters or digits", () => {
    expect(tokenize("！！…  ,,")).toEqual([]);
  });
});
