import { describe, expect, it } from "vitest";
import { highlightRanges, mergeRanges, snippetOf } from "./highlight.ts";
import { parseSearchQuery } from "./search-text.ts";

const marked = (text: string, q: string) =>
  highlightRanges(text, parseSearchQuery(q)).map(([a, b]) => text.slice(a, b));

describe("highlightRanges", () => {
  it("marks a Chinese word inside a longer run, every occurrence", () => {
    expect(marked("楼道口垃圾桶满了,垃圾散落", "垃圾")).toEqual(["垃圾", "垃圾"]);
    expect(highlightRanges("楼道口垃圾桶满了", parseSearchQuery("垃圾桶"))).toEqual([[3, 6]]);
  });

  it("marks one character wherever it stands", () => {
    expect(marked("井盖缺失,水井", "井")).toEqual(["井", "井"]);
  });

  it("does not mark characters that are apart in the text", () => {
    expect(marked("垃圾。桶", "垃圾桶")).toEqual([]);
    expect(marked("号 楼", "号楼")).toEqual([]);
  });

  it("marks every term and merges overlapping marks", () => {
    expect(marked("胜利北路路灯不亮", "北路 路灯")).toEqual(["北路路灯"]);
    expect(marked("胜利北路路灯不亮", "不亮 胜利")).toEqual(["胜利", "不亮"]);
  });

  it("marks a word's beginning at the end of a term, whole words elsewhere, in the original characters", () => {
    expect(marked("案件 AS-20261127-000123", "20261127-0001")).toEqual(["20261127-0001"]);
    expect(marked("Room ３号楼", "3号楼")).toEqual(["３号楼"]);
    expect(marked("13号楼", "3号楼")).toEqual([]);
    expect(marked("ABCDEF", "abc")).toEqual(["ABC"]);
  });

  it("is empty without text or terms", () => {
    expect(highlightRanges(null, parseSearchQuery("井"))).toEqual([]);
    expect(highlightRanges("井盖", parseSearchQuery("！"))).toEqual([]);
  });
});

describe("mergeRanges", () => {
  it("sorts and joins touching or overlapping ranges", () => {
    expect(
      mergeRanges([
        [5, 7],
        [0, 2],
        [2, 3],
        [6, 9],
      ]),
    ).toEqual([
      [0, 3],
      [5, 9],
    ]);
  });
});

describe("snippetOf", () => {
  const text = `${"前".repeat(100)}井盖${"后".repeat(100)}`;

  it("keeps a short text whole", () => {
    expect(snippetOf("井盖缺失", [[0, 2]])).toEqual({
      text: "井盖缺失",
      ranges: [[0, 2]],
      cutStart: false,
      cutEnd: false,
    });
  });

  it("cuts a long text around its first match and moves the ranges", () => {
    const s = snippetOf(text, [[100, 102]], 40, 10);
    expect(s.text).toHaveLength(40);
    expect(s.text.slice(s.ranges[0]![0], s.ranges[0]![1])).toBe("井盖");
    expect(s.ranges[0]![0]).toBe(10);
    expect([s.cutStart, s.cutEnd]).toEqual([true, true]);
  });

  it("starts at the beginning when nothing matched, and never splits a surrogate pair", () => {
    expect(snippetOf(text, [], 10).text).toBe("前".repeat(10));
    const astral = `${"𠀀".repeat(30)}`;
    const s = snippetOf(astral, [[21, 23]], 11, 4);
    expect(s.text.length % 2).toBe(0);
    expect(s.text.startsWith("𠀀")).toBe(true);
  });
});
