import { describe, expect, it } from "vitest";
import { documentVector, parseSearchQuery, queryLexemeCount, searchUnits, unitLexemes } from "./search-text.ts";

const lexemesOf = (text: string) => unitLexemes(searchUnits(text));

describe("searchUnits", () => {
  it("makes each Han character a unit and each ASCII run a word, with offsets into the original", () => {
    const units = searchUnits("3号楼 AS-2026");
    expect(units.map((u) => [u.kind, u.text, u.start, u.end, u.joined])).toEqual([
      ["word", "3", 0, 1, false],
      ["han", "号", 1, 2, true],
      ["han", "楼", 2, 3, false],
      ["word", "as", 4, 6, false],
      ["word", "2026", 7, 11, false],
    ]);
  });

  it("folds full-width forms and ASCII case, and keeps offsets of the original characters", () => {
    const units = searchUnits("ＡＢＣ１２　井盖");
    expect(units.map((u) => [u.text, u.start, u.end])).toEqual([
      ["abc12", 0, 5],
      ["井", 6, 7],
      ["盖", 7, 8],
    ]);
  });

  it("counts characters outside the BMP by their UTF-16 length", () => {
    const units = searchUnits("𠀀井 x");
    expect(units.map((u) => [u.text, u.start, u.end, u.joined])).toEqual([
      ["𠀀", 0, 2, true],
      ["井", 2, 3, false],
      ["x", 4, 5, false],
    ]);
  });

  it("cuts very long ASCII runs but keeps their full extent", () => {
    const [unit] = searchUnits("a".repeat(100));
    expect(unit?.text.length).toBe(40);
    expect(unit?.end).toBe(100);
  });
});

describe("unitLexemes", () => {
  it("gives a bigram inside a Han run and the character itself at its end; punctuation ends a run", () => {
    expect(lexemesOf("垃圾桶满了,清运")).toEqual(["垃圾", "圾桶", "桶满", "满了", "了", "清运", "运"]);
    expect(lexemesOf("号 楼")).toEqual(["号", "楼"]);
  });
  it("is empty for text without letters, digits or Han characters", () => {
    expect(lexemesOf("，。！？ -- ")).toEqual([]);
  });
});

describe("documentVector", () => {
  it("weights each field and continues positions across fields with a gap of one", () => {
    expect(
      documentVector([
        { text: "井盖", weight: "A" },
        { text: null, weight: "B" },
        { text: "井盖丢失", weight: "C" },
      ]),
    ).toBe("'井盖':2A,5C '盖':3A '盖丢':6C '丢失':7C '失':8C");
  });

  it("is empty when no field has searchable text", () => {
    expect(documentVector([{ text: "!!!", weight: "A" }])).toBe("");
  });

  it("clamps positions at PostgreSQL's limit and keeps at most 256 positions per lexeme", () => {
    const vector = documentVector([{ text: "水 ".repeat(20_000), weight: "D" }]);
    const positions = vector.split(":")[1]!.split(",");
    expect(positions).toHaveLength(256);
    expect(documentVector([{ text: `${"a ".repeat(17_000)}z`, weight: "D" }])).toContain("'z':16383D");
  });
});

describe("parseSearchQuery", () => {
  it("turns a Chinese word into a phrase of its bigrams, one character into a prefix", () => {
    expect(parseSearchQuery("垃圾桶").tsquery).toBe("('垃圾' <-> '圾桶')");
    // two characters are one bigram: no phrase, so the index answers without reading the rows
    expect(parseSearchQuery("垃圾").tsquery).toBe("'垃圾'");
    expect(parseSearchQuery("井").tsquery).toBe("'井':*");
    expect(parseSearchQuery("垃圾桶").terms[0]).toMatchObject({ span: 3, lexemes: [{ at: 0 }, { at: 1 }] });
  });

  it("ANDs the terms separated by white space, ideographic space included, and drops repeats", () => {
    const q = parseSearchQuery("  井盖\u3000胜利路 井盖 ");
    expect(q.terms.map((t) => t.raw)).toEqual(["井盖", "胜利路"]);
    expect(q.tsquery).toBe("'井盖' & ('胜利' <-> '利路')");
  });

  it("matches a word exactly inside a term and by its beginning at the end of one", () => {
    expect(parseSearchQuery("3号楼").tsquery).toBe("('3' <-> '号楼')");
    // the implied last character of a run still counts in the distance to what follows it
    expect(parseSearchQuery("号楼3").tsquery).toBe("('号楼' <2> '3':*)");
    expect(parseSearchQuery("AS-20261127-0001").tsquery).toBe("('as' <-> '20261127' <-> '0001':*)");
  });

  it("recognises a full case code", () => {
    expect(parseSearchQuery(" as-20261127-000123 ").caseCode).toBe("AS-20261127-000123");
    expect(parseSearchQuery("AS-20261127").caseCode).toBeNull();
  });

  it("has no terms for a query without searchable characters", () => {
    const q = parseSearchQuery("%_' \\ ！");
    expect(q.terms).toEqual([]);
    expect(q.tsquery).toBe("");
    expect(queryLexemeCount(q)).toBe(0);
  });

  it("never puts a quote or backslash into the query text", () => {
    expect(parseSearchQuery("a'b\\c 井'盖").tsquery).toBe("('a' <-> 'b' <-> 'c':*) & ('井':* <-> '盖':*)");
  });

  it("finds in a document vector exactly the lexemes that the query asks for", () => {
    // the same cut on both sides: every phrase lexeme of a query taken from a text occurs in its vector
    const text = "胜利北路3号楼楼道口堆放装修垃圾,AS-20261127-000123";
    const vector = documentVector([{ text, weight: "C" }]);
    for (const term of parseSearchQuery("北路3号楼 装修垃圾 000123").terms)
      for (const l of term.lexemes) expect(vector.includes(`'${l.text}`)).toBe(true);
  });
});
