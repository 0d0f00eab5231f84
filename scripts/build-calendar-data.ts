// Builds apps/server/seed-data/calendar.json (holidays and adjusted working days per year) from the
// npm package `chinese-days`, which transcribes the State Council's yearly holiday notices.
// Run: npx tsx scripts/build-calendar-data.ts
//
// Conventions of the output (the same ones admins follow when they enter a new year):
// - `holidays`: every day of each officially announced holiday range ("X月X日至X日放假"),
//   including weekend days that fall inside the range. Weekend days that are merely adjacent to a
//   holiday ("与周末连休") are not listed. Listing a weekend day is harmless: it is off anyway.
// - `workdays`: the adjusted working days (调休上班), which are always Saturdays or Sundays.
// - Dates are 'YYYY-MM-DD' CST calendar dates, sorted; each date belongs to its own year's entry.
// This is exactly the package's `holidays` / `workdays` data; its `inLieuDays` (which weekdays
// are "compensated") is not needed to decide whether a day is a working day and is dropped.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const FIRST_YEAR = 2023;
const OUTPUT = fileURLToPath(new URL("../apps/server/seed-data/calendar.json", import.meta.url));

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}
interface YearData {
  holidays: string[];
  workdays: string[];
}

const require = createRequire(import.meta.url);
const pkgJsonPath = require.resolve("chinese-days/package.json");
const { version } = JSON.parse(readFileSync(pkgJsonPath, "utf8")) as { version: string };
// The package ships its full dataset as JSON; reading it avoids probing the API day by day.
const data = JSON.parse(
  readFileSync(new URL("dist/chinese-days.json", pathToFileURL(pkgJsonPath)), "utf8"),
) as PackageData;

const problems: string[] = [];
const fail = (msg: string): void => {
  problems.push(msg);
};

/** 0 = Sunday … 6 = Saturday, computed in UTC so the host time zone does not matter. */
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const isDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

const years: Record<string, YearData> = {};
const yearOf = (date: string): number => Number(date.slice(0, 4));
const entry = (y: number): YearData => {
  years[y] ??= { holidays: [], workdays: [] };
  return years[y];
};

for (const date of Object.keys(data.holidays)) {
  if (!isDate(date)) fail(`malformed holiday date ${date}`);
  else if (yearOf(date) >= FIRST_YEAR) entry(yearOf(date)).holidays.push(date);
}
for (const date of Object.keys(data.workdays)) {
  if (!isDate(date)) fail(`malformed workday date ${date}`);
  else if (yearOf(date) >= FIRST_YEAR) entry(yearOf(date)).workdays.push(date);
}

const covered = Object.keys(years)
  .map(Number)
  .sort((a, b) => a - b);
for (const y of covered) {
  const e = entry(y);
  e.holidays.sort();
  e.workdays.sort();
  if (e.holidays.length === 0) fail(`${y}: no holidays (incomplete year?)`);
  for (const d of e.workdays) {
    if (data.holidays[d]) fail(`${d} is both holiday and workday`);
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) fail(`${d}: adjusted workday is not a weekend day`);
  }
}
// Years must be contiguous, otherwise a missing year would silently fall back to Mon–Fri.
for (let i = 1; i < covered.length; i++) {
  if (covered[i] !== (covered[i - 1] ?? 0) + 1) fail(`gap in covered years before ${covered[i]}`);
}

// Cross-check against the package's own API for every day of every covered year, so a change in
// the package's data layout cannot go unnoticed. The API builds its tables at import time with
// local-time date maths and is off by one day west of Greenwich (seen in 1.5.7 under
// America/Los_Angeles), so pin the zone to CST before loading it. The shipped JSON read above is
// not affected. Node re-reads TZ when it is assigned at runtime.
process.env.TZ = "Asia/Shanghai";
const { default: chineseDays } = await import("chinese-days");
for (const y of covered) {
  const e = entry(y);
  const hol = new Set(e.holidays);
  const work = new Set(e.workdays);
  for (let t = Date.UTC(y, 0, 1); t < Date.UTC(y + 1, 0, 1); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const wd = weekday(date);
    const ours = work.has(date) || (wd >= 1 && wd <= 5 && !hol.has(date));
    // Local noon (= CST noon here): the API reads dates back with local-time getters.
    const local = new Date(y, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12);
    if (ours !== chineseDays.isWorkday(local)) fail(`${date}: working-day mismatch with chinese-days API`);
  }
}

// Spot checks against the State Council notices.
const expectRange = (from: string, to: string, list: "holidays" | "workdays"): void => {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (!years[yearOf(d)]?.[list].includes(d)) fail(`sanity: ${d} missing from ${list}`);
  }
};
expectRange("2025-10-01", "2025-10-08", "holidays"); // 国庆节+中秋节 2025
expectRange("2025-09-28", "2025-09-28", "workdays");
expectRange("2025-10-11", "2025-10-11", "workdays");
if (years[2026]) {
  expectRange("2026-02-15", "2026-02-23", "holidays"); // 春节 2026
  expectRange("2026-10-01", "2026-10-07", "holidays"); // 国庆节 2026
  expectRange("2026-02-14", "2026-02-14", "workdays");
  expectRange("2026-02-28", "2026-02-28", "workdays");
  expectRange("2026-09-20", "2026-09-20", "workdays");
  expectRange("2026-10-10", "2026-10-10", "workdays");
}

if (problems.length > 0) {
  console.error(`build-calendar-data: ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
  process.exit(1);
}

const output = {
  source: `npm chinese-days@${version} (State Council holiday notices); generated by scripts/build-calendar-data.ts`,
  years: Object.fromEntries(covered.map((y) => [String(y), entry(y)])),
};
writeFileSync(OUTPUT, `${JSON.stringify(output, null, 2)}\n`);
console.log(
  `Wrote ${OUTPUT}: years ${covered.join(", ")} ` +
    covered.map((y) => `[${y}: ${entry(y).holidays.length} holidays, ${entry(y).workdays.length} workdays]`).join(" "),
);
