// Builds the category tree from the GB/T 47678.5 CSV and the 3-level hotline taxonomy CSV.
//
// Code scheme: every code starts with its kind letter, so GB/T components and matters — whose
// 5-digit codes collide (each component 01001 "供水井盖" has a matter 01001 "供水井盖异常") — stay
// unique: classes C01 / M06, leaves C01001 / M06010 (the printed 5-digit code is kept in
// `stdCode`), hotline H01 → H0102 → H010203 numbered in file order.
import type { CategoryRow } from "./types.ts";

export interface GbtLeaf {
  row: CategoryRow;
  majorCode: string;
}

export interface HotlineLeaf {
  row: CategoryRow;
  l1: string;
  l2: string;
  l3: string;
}

export interface CategoryBuild {
  rows: CategoryRow[];
  gbtLeaves: GbtLeaf[];
  hotlineLeaves: HotlineLeaf[];
  /** 5-digit codes used by both a component and a matter. */
  collidingStdCodes: string[];
}

const KIND: Record<string, { leaf: "component" | "matter"; cls: "component_class" | "matter_class"; prefix: string }> =
  {
    管理部件: { leaf: "component", cls: "component_class", prefix: "C" },
    管理事项: { leaf: "matter", cls: "matter_class", prefix: "M" },
  };

const pad2 = (n: number): string => String(n).padStart(2, "0");

export function buildCategories(gbt: Record<string, string>[], hotline: Record<string, string>[]): CategoryBuild {
  const rows: CategoryRow[] = [];
  const gbtLeaves: GbtLeaf[] = [];
  const seenClass = new Set<string>();
  const stdByKind = new Map<string, Set<string>>();
  for (const r of gbt) {
    const k = KIND[r.kind ?? ""];
    const code = r.code ?? "";
    const majorCode = r.majorCode ?? "";
    const majorName = r.majorName ?? "";
    if (!k || !/^\d{5}$/u.test(code) || !/^\d{2}$/u.test(majorCode))
      throw new Error(`bad GB/T row ${JSON.stringify(r)}`);
    const classCode = `${k.prefix}${majorCode}`;
    if (!seenClass.has(classCode)) {
      seenClass.add(classCode);
      rows.push({ code: classCode, name: majorName, kind: k.cls, parentCode: null, majorCode, majorName });
    }
    const std = stdByKind.get(k.leaf) ?? new Set<string>();
    if (std.has(code)) throw new Error(`duplicate GB/T code ${code} within ${k.leaf}`);
    std.add(code);
    stdByKind.set(k.leaf, std);
    const row: CategoryRow = {
      code: `${k.prefix}${code}`,
      name: r.name ?? "",
      kind: k.leaf,
      parentCode: classCode,
      majorCode,
      majorName,
      stdCode: code,
    };
    rows.push(row);
    gbtLeaves.push({ row, majorCode });
  }
  const comp = stdByKind.get("component") ?? new Set<string>();
  const collidingStdCodes = [...(stdByKind.get("matter") ?? [])].filter((c) => comp.has(c));

  const hotlineLeaves: HotlineLeaf[] = [];
  const l1Codes = new Map<string, string>();
  const l2Codes = new Map<string, string>();
  const l3Count = new Map<string, number>();
  for (const r of hotline) {
    const l1 = r.l1 ?? "";
    const l2 = r.l2 ?? "";
    const l3 = r.l3 ?? "";
    let c1 = l1Codes.get(l1);
    if (!c1) {
      c1 = `H${pad2(l1Codes.size + 1)}`;
      l1Codes.set(l1, c1);
      rows.push({ code: c1, name: l1, kind: "hotline", parentCode: null, hotlineLevel: 1 });
    }
    const k2 = `${l1}/${l2}`;
    let c2 = l2Codes.get(k2);
    if (!c2) {
      const n = [...l2Codes.keys()].filter((k) => k.startsWith(`${l1}/`)).length + 1;
      c2 = `${c1}${pad2(n)}`;
      l2Codes.set(k2, c2);
      rows.push({ code: c2, name: l2, kind: "hotline", parentCode: c1, hotlineLevel: 2 });
    }
    const n3 = (l3Count.get(c2) ?? 0) + 1;
    l3Count.set(c2, n3);
    const row: CategoryRow = { code: `${c2}${pad2(n3)}`, name: l3, kind: "hotline", parentCode: c2, hotlineLevel: 3 };
    rows.push(row);
    hotlineLeaves.push({ row, l1, l2, l3 });
  }
  return { rows, gbtLeaves, hotlineLeaves, collidingStdCodes };
}
