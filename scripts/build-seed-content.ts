// Builds the platform's content seed files under apps/server/seed-data/ from the shared
// reference data: categories.json, departments.json, responsibility.json, case-texts.json.
//
//   npx tsx scripts/build-seed-content.ts        (reads /work/shared/data; SHARED_DATA_DIR overrides)
//
// Deterministic: no randomness, output order follows the input files and the rule tables.
// The server reads only the generated JSON, never the shared data.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DivisionLevel, HandlerKind } from "@civicgrid/shared";
import { buildCategories } from "./seed-content/categories.ts";
import { parseCsv } from "./seed-content/csv.ts";
import { buildDepartments, type District } from "./seed-content/departments.ts";
import { type Assignment, assignGbt } from "./seed-content/rules-gbt.ts";
import { assignHotline } from "./seed-content/rules-hotline.ts";
import { buildCaseTexts } from "./seed-content/texts.ts";
import type { DepartmentRow, ResponsibilityRow } from "./seed-content/types.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DATA = process.env.SHARED_DATA_DIR ?? "/work/shared/data";
const OUT = join(ROOT, "apps/server/seed-data");

function readText(rel: string): string {
  return readFileSync(join(DATA, rel), "utf8");
}

/** Compact JSON, one array element per line so that diffs stay readable. */
function compact(value: unknown): string {
  if (Array.isArray(value)) return `[\n${value.map((v) => JSON.stringify(v)).join(",\n")}\n]\n`;
  if (value && typeof value === "object") {
    const lines = Object.entries(value).map(([k, v]) =>
      Array.isArray(v) && v.length > 0 && typeof v[0] === "object"
        ? `${JSON.stringify(k)}:[\n${v.map((x) => JSON.stringify(x)).join(",\n")}\n]`
        : `${JSON.stringify(k)}:${JSON.stringify(v)}`,
    );
    return `{\n${lines.join(",\n")}\n}\n`;
  }
  return `${JSON.stringify(value)}\n`;
}

function write(name: string, value: unknown): void {
  const path = join(OUT, name);
  writeFileSync(path, compact(value));
  JSON.parse(readFileSync(path, "utf8"));
  console.log(`wrote ${name} (${(statSync(path).size / 1024).toFixed(1)} KiB)`);
}

function loadDistricts(): District[] {
  const json = JSON.parse(readText("divisions/anshan-divisions.json")) as {
    divisions: { code: string; name: string; parentCode: string; level: string }[];
  };
  const city = json.divisions.find((d) => d.level === "city");
  if (!city) throw new Error("no city in divisions");
  return json.divisions
    .filter((d) => d.parentCode === city.code && d.level === "county")
    .map((d) => ({ code: d.code, name: d.name }));
}

/** A department assignment must name a level at which that kind exists; otherwise use city. */
function fitLevel(a: Assignment, departments: DepartmentRow[]): Assignment {
  if (a.handler === "territorial") {
    if (a.level !== "community" && a.level !== "township") throw new Error(`territorial at ${a.level}: ${a.rule}`);
    return a;
  }
  const dep = departments.find((d) => d.kind === a.handler);
  if (!dep) throw new Error(`unknown department kind ${a.handler}`);
  const level: DivisionLevel = dep.levels.includes(a.level as "city" | "district") ? a.level : "city";
  return { ...a, level };
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const gbt = parseCsv(readText("categories/gbt47678.5-2026_parts_and_matters.csv"));
  const hotline = parseCsv(readText("categories/hotline_taxonomy_3level.csv"));
  const cats = buildCategories(gbt, hotline);
  const departments = buildDepartments(loadDistricts());

  const responsibility: ResponsibilityRow[] = [];
  const push = (code: string, a: Assignment): void => {
    const f = fitLevel(a, departments);
    if (!Number.isInteger(f.days) || f.days < 1 || f.days > 60) throw new Error(`bad limit for ${code}`);
    responsibility.push({
      categoryCode: code,
      handlerKind: f.handler,
      level: f.level,
      limitDays: f.days,
      territorial: f.handler === "territorial",
      rule: f.rule,
    });
  };
  for (const l of cats.gbtLeaves) push(l.row.code, assignGbt(l.row.name, l.majorCode));
  for (const l of cats.hotlineLeaves) push(l.row.code, assignHotline(l.l1, l.l2, l.l3));

  const texts = buildCaseTexts(cats.gbtLeaves, cats.hotlineLeaves);

  write("categories.json", cats.rows);
  write("departments.json", departments);
  write("responsibility.json", responsibility);
  write("case-texts.json", texts);

  report(cats, responsibility, texts.categories);
}

function report(
  cats: ReturnType<typeof buildCategories>,
  resp: ResponsibilityRow[],
  texts: { categoryCode: string; weight: number }[],
): void {
  const count = (k: string): number => cats.rows.filter((r) => r.kind === k).length;
  const hl = (n: number): number => cats.rows.filter((r) => r.hotlineLevel === n).length;
  console.log(
    `categories: ${count("component_class")} component classes, ${count("component")} components, ` +
      `${count("matter_class")} matter classes, ${count("matter")} matters, hotline ${hl(1)}/${hl(2)}/${hl(3)}`,
  );
  console.log(
    `GB/T 5-digit codes shared by a component and a matter: ${cats.collidingStdCodes.length} (kept unique by the C/M prefix)`,
  );
  const weightOf = new Map(texts.map((t) => [t.categoryCode, t.weight]));
  const byKind = new Map<HandlerKind, { n: number; w: number }>();
  let totalW = 0;
  for (const r of resp) {
    const e = byKind.get(r.handlerKind) ?? { n: 0, w: 0 };
    const w = weightOf.get(r.categoryCode) ?? 0;
    e.n++;
    e.w += w;
    totalW += w;
    byKind.set(r.handlerKind, e);
  }
  console.log(`responsibility: ${resp.length} leaves; texts for ${texts.length} categories, total weight ${totalW}`);
  for (const [k, e] of [...byKind].sort((a, b) => b[1].n - a[1].n)) {
    const pn = ((100 * e.n) / resp.length).toFixed(1);
    const pw = ((100 * e.w) / totalW).toFixed(1);
    console.log(`  ${k.padEnd(18)} ${String(e.n).padStart(4)} leaves (${pn}%)  case weight ${pw}%`);
  }
}

main();
