// Integrity of the content seed files built by scripts/build-seed-content.ts.
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  DEPARTMENT_KINDS,
  type DepartmentKind,
  DIVISION_LEVELS,
  type DivisionLevel,
  type HandlerKind,
  RATINGS,
  RETURN_REASONS,
} from "@civicgrid/shared";
import { describe, expect, it } from "vitest";

interface Category {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  stdCode?: string;
  hotlineLevel?: number;
}
interface Department {
  kind: DepartmentKind;
  nameCity: string;
  nameDistrictSuffix: string | null;
  levels: string[];
  districtNames: Record<string, string>;
}
interface Responsibility {
  categoryCode: string;
  handlerKind: HandlerKind;
  level: DivisionLevel;
  limitDays: number;
  territorial: boolean;
}
interface CategoryTexts {
  categoryCode: string;
  season: string;
  weight: number;
  voice: string;
  titles: string[];
  descriptions: string[];
}
interface CaseTexts {
  placeholders: string[];
  vocab: Record<string, string[]>;
  seasonal: Record<string, number[]>;
  categories: CategoryTexts[];
  handling: Record<string, string[]>;
  returnReasons: Record<string, string[]>;
  verification: Record<string, string[]>;
  evaluation: Record<string, string[]>;
  urgeNotes: string[];
  adaptedMessages: { categoryCode: string; title: string; description: string; sourceRef: string }[];
}

const dataUrl = (name: string): URL => new URL(`../../seed-data/${name}`, import.meta.url);
const load = <T>(name: string): T => JSON.parse(readFileSync(dataUrl(name), "utf8")) as T;

const categories = load<Category[]>("categories.json");
const departments = load<Department[]>("departments.json");
const responsibility = load<Responsibility[]>("responsibility.json");
const texts = load<CaseTexts>("case-texts.json");

const LEAF_KINDS = new Set(["component", "matter"]);
const isLeaf = (c: Category): boolean => LEAF_KINDS.has(c.kind) || (c.kind === "hotline" && c.hotlineLevel === 3);
const leaves = categories.filter(isLeaf);
const byCode = new Map(categories.map((c) => [c.code, c]));

describe("categories.json", () => {
  it("has unique codes and every parentCode exists", () => {
    expect(byCode.size).toBe(categories.length);
    for (const c of categories) {
      if (c.parentCode !== null) expect(byCode.has(c.parentCode), `${c.code} → ${c.parentCode}`).toBe(true);
    }
  });

  it("holds the GB/T 47678.5 components and matters under their major classes", () => {
    const count = (k: string): number => categories.filter((c) => c.kind === k).length;
    expect(count("component")).toBe(153);
    expect(count("matter")).toBe(250);
    expect(count("component_class")).toBe(5);
    expect(count("matter_class")).toBe(10);
    for (const c of categories.filter((x) => LEAF_KINDS.has(x.kind))) {
      const prefix = c.kind === "component" ? "C" : "M";
      expect(c.code).toMatch(new RegExp(`^${prefix}\\d{5}$`));
      expect(c.code.slice(1)).toBe(c.stdCode);
      expect(byCode.get(c.parentCode ?? "")?.kind).toBe(`${c.kind}_class`);
      expect(c.parentCode).toBe(c.code.slice(0, 3));
    }
  });

  it("holds the 3-level hotline taxonomy (15 / 103 / 390 distinct names per level)", () => {
    const level = (n: number): Category[] => categories.filter((c) => c.kind === "hotline" && c.hotlineLevel === n);
    // Nodes of the tree: level-2 and level-3 names repeat under different parents.
    expect(level(1)).toHaveLength(15);
    expect(level(2)).toHaveLength(118);
    expect(level(3)).toHaveLength(517);
    expect(new Set(level(2).map((c) => c.name)).size).toBe(103);
    expect(new Set(level(3).map((c) => c.name)).size).toBe(390);
    for (const c of level(1)) expect(c.code).toMatch(/^H\d{2}$/);
    for (const c of [...level(2), ...level(3)]) {
      expect(c.code.startsWith(c.parentCode ?? "?")).toBe(true);
      expect(c.code).toHaveLength((c.parentCode ?? "").length + 2);
    }
  });
});

describe("departments.json", () => {
  it("has every department kind once, at city level at least", () => {
    expect(departments.map((d) => d.kind).sort()).toEqual([...DEPARTMENT_KINDS].sort());
    for (const d of departments) {
      expect(d.levels).toContain("city");
      expect(d.nameCity).toMatch(/^(鞍山市|国网鞍山)/);
    }
  });

  it("names the unit in each of the 7 county-level districts where the kind exists there", () => {
    for (const d of departments) {
      const names = Object.values(d.districtNames);
      if (d.levels.includes("district")) {
        expect(names, d.kind).toHaveLength(7);
        expect(d.nameDistrictSuffix).toBeTruthy();
        expect(new Set(names).size).toBe(7);
      } else {
        expect(names).toHaveLength(0);
      }
    }
    const ecology = departments.find((d) => d.kind === "ecology");
    expect(ecology?.districtNames["210302000000"]).toBe("鞍山市生态环境局铁东分局");
  });
});

describe("responsibility.json", () => {
  const depLevels = new Map(departments.map((d) => [d.kind as string, new Set(d.levels)]));

  it("has exactly one entry per leaf category and none for inner nodes", () => {
    const seen = new Map<string, number>();
    for (const r of responsibility) seen.set(r.categoryCode, (seen.get(r.categoryCode) ?? 0) + 1);
    for (const leaf of leaves) expect(seen.get(leaf.code), leaf.code).toBe(1);
    expect(responsibility).toHaveLength(leaves.length);
  });

  it("uses valid handler kinds, levels and time limits", () => {
    const handlerKinds = new Set<string>(["territorial", ...DEPARTMENT_KINDS]);
    for (const r of responsibility) {
      expect(handlerKinds.has(r.handlerKind), r.categoryCode).toBe(true);
      expect(DIVISION_LEVELS).toContain(r.level);
      expect(Number.isInteger(r.limitDays)).toBe(true);
      expect(r.limitDays).toBeGreaterThanOrEqual(1);
      expect(r.limitDays).toBeLessThanOrEqual(60);
      expect(r.territorial).toBe(r.handlerKind === "territorial");
      if (r.handlerKind === "territorial") expect(["community", "township"]).toContain(r.level);
      else
        expect(depLevels.get(r.handlerKind)?.has(r.level), `${r.categoryCode} ${r.handlerKind}@${r.level}`).toBe(true);
    }
  });

  it("spot-checks realistic assignments", () => {
    const of = (name: string, kind = "matter"): Responsibility | undefined => {
      const c = categories.find((x) => x.name === name && x.kind === kind);
      return responsibility.find((r) => r.categoryCode === c?.code);
    };
    expect(of("供水井盖", "component")).toMatchObject({ handlerKind: "water", limitDays: 1 });
    expect(of("占道经营")).toMatchObject({ handlerKind: "urban_management", level: "district" });
    expect(of("暴露垃圾")).toMatchObject({ handlerKind: "territorial", level: "community" });
    expect(of("噪声扰民")?.handlerKind).toBe("ecology");
    expect(of("无照经营游商")?.handlerKind).toBe("market");
    expect(of("冬季采暖", "hotline")).toMatchObject({ handlerKind: "heating", level: "city" });
  });

  it("gives community stations and township centres a real share of the categories", () => {
    const share = responsibility.filter((r) => r.territorial).length / responsibility.length;
    expect(share).toBeGreaterThan(0.2);
  });
});

describe("case-texts.json", () => {
  const placeholder = /\{([^{}]*)\}/g;
  const known = new Set(texts.placeholders);
  const checkAll = (list: string[], where: string): void => {
    expect(list.length, where).toBeGreaterThan(0);
    for (const t of list) {
      expect(t.trim(), where).not.toBe("");
      for (const m of t.matchAll(placeholder)) expect(known.has(m[1] ?? ""), `${where}: ${t}`).toBe(true);
      expect(t.replace(placeholder, ""), `${where}: ${t}`).not.toMatch(/[{}]/);
    }
  };

  it("knows exactly the placeholders place, landmark and time, each with vocabulary", () => {
    expect([...known].sort()).toEqual(["landmark", "place", "time"]);
    for (const k of ["streets", "compounds", "landmarks", "times"]) expect(texts.vocab[k]?.length).toBeGreaterThan(10);
  });

  it("has 12 non-negative monthly multipliers per season family", () => {
    for (const [family, months] of Object.entries(texts.seasonal)) {
      expect(months, family).toHaveLength(12);
      for (const m of months) expect(Number.isFinite(m) && m >= 0).toBe(true);
    }
  });

  it("has texts for every GB/T leaf and for common hotline leaves, with known placeholders", () => {
    const withTexts = new Set(texts.categories.map((t) => t.categoryCode));
    expect(withTexts.size).toBe(texts.categories.length);
    for (const c of categories.filter((x) => LEAF_KINDS.has(x.kind))) expect(withTexts.has(c.code), c.code).toBe(true);
    expect(texts.categories.filter((t) => t.voice === "hotline").length).toBeGreaterThanOrEqual(60);
    for (const t of texts.categories) {
      const c = byCode.get(t.categoryCode);
      expect(c && isLeaf(c), t.categoryCode).toBe(true);
      expect(texts.seasonal[t.season], t.season).toBeDefined();
      expect(t.weight).toBeGreaterThan(0);
      expect(t.titles.length).toBeGreaterThanOrEqual(2);
      expect(t.titles.length).toBeLessThanOrEqual(6);
      expect(t.descriptions.length, `${t.categoryCode}: titles[i] pairs with descriptions[i]`).toBe(t.titles.length);
      checkAll([...t.titles, ...t.descriptions], t.categoryCode);
    }
  });

  it("has loop texts for every handler kind, return reason and rating", () => {
    for (const k of ["territorial", ...DEPARTMENT_KINDS]) checkAll(texts.handling[k] ?? [], `handling ${k}`);
    for (const r of RETURN_REASONS) checkAll(texts.returnReasons[r] ?? [], `return ${r}`);
    for (const r of RATINGS) checkAll(texts.evaluation[r] ?? [], `evaluation ${r}`);
    checkAll(texts.verification.passed ?? [], "verification passed");
    checkAll(texts.verification.failed ?? [], "verification failed");
    checkAll(texts.urgeNotes, "urge");
  });

  it("tags adapted citizen messages with a hotline leaf and keeps no anonymised city names", () => {
    expect(texts.adaptedMessages.length).toBeGreaterThanOrEqual(20);
    for (const m of texts.adaptedMessages) {
      expect(byCode.get(m.categoryCode)?.hotlineLevel).toBe(3);
      checkAll([m.title, m.description], m.sourceRef);
      expect(`${m.title}${m.description}`).not.toMatch(/[A-M]\d*[市区县]|西地省/);
    }
  });

  it("stays under 1.5 MB", () => {
    expect(statSync(fileURLToPath(dataUrl("case-texts.json"))).size).toBeLessThan(1.5 * 1024 * 1024);
  });
});
