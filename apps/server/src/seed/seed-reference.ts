// Reference data every installation needs, demo or not: Anshan's divisions and grids, the units of
// the four levels and the departments, the category tables, the responsibility list, the calendar.
import type { Db } from "../db/connect.ts";
import type { Logger } from "../logger.ts";
import {
  type CalendarSeed,
  type CategorySeed,
  type DepartmentSeed,
  type DivisionTuple,
  type GridTuple,
  type ResponsibilitySeed,
  readSeedJson,
} from "./seed-data.ts";
import { buildUnits, CITY_CODE } from "./units.ts";

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function isSeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom("divisions").select("code").where("code", "=", CITY_CODE).executeTakeFirst();
  return row !== undefined;
}

export async function seedReference(db: Db, logger: Logger) {
  const divisions = readSeedJson<DivisionTuple[]>("divisions.json");
  const grids = readSeedJson<GridTuple[]>("grids.json");
  const categories = readSeedJson<CategorySeed[]>("categories.json");
  const departments = readSeedJson<DepartmentSeed[]>("departments.json");
  const responsibility = readSeedJson<ResponsibilitySeed[]>("responsibility.json");
  const calendar = readSeedJson<CalendarSeed>("calendar.json");
  const units = buildUnits(divisions, departments);

  await db.transaction().execute(async (trx) => {
    // parents first: the list is ordered city → community by level
    const byLevel = ["city", "district", "township", "community"].flatMap((l) => divisions.filter((d) => d[3] === l));
    await insertChunked(byLevel, 1000, (chunk) =>
      trx
        .insertInto("divisions")
        .values(chunk.map(([code, name, parent_code, level]) => ({ code, name, parent_code, level })))
        .execute(),
    );
    await insertChunked(grids, 500, (chunk) =>
      trx
        .insertInto("grids")
        .values(
          chunk.map(([code, community_code, name, g]) => ({ code, community_code, name, geometry: JSON.stringify(g) })),
        )
        .execute(),
    );
    await insertChunked(units, 1000, (chunk) => trx.insertInto("units").values(chunk).execute());
    const ordered = [...categories].sort((a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null));
    const depth = (c: CategorySeed): number => {
      let d = 0;
      let p = c.parentCode;
      const byCode = new Map(categories.map((x) => [x.code, x]));
      while (p) {
        d++;
        p = byCode.get(p)?.parentCode ?? null;
      }
      return d;
    };
    ordered.sort((a, b) => depth(a) - depth(b));
    await insertChunked(ordered, 1000, (chunk) =>
      trx
        .insertInto("categories")
        .values(chunk.map((c) => ({ code: c.code, name: c.name, kind: c.kind, parent_code: c.parentCode })))
        .execute(),
    );
    await insertChunked(responsibility, 1000, (chunk) =>
      trx
        .insertInto("responsibility_entries")
        .values(
          chunk.map((r) => ({
            category_code: r.categoryCode,
            handler_kind: r.handlerKind,
            level: r.level,
            limit_days: r.limitDays,
            territorial: r.territorial,
          })),
        )
        .execute(),
    );
    const days = Object.values(calendar.years).flatMap((y) => [
      ...y.holidays.map((day) => ({ day, kind: "holiday" as const, note: null })),
      ...y.workdays.map((day) => ({ day, kind: "workday" as const, note: "调休上班" })),
    ]);
    await insertChunked(days, 1000, (chunk) => trx.insertInto("calendar_days").values(chunk).execute());
  });
  const counts = {
    divisions: divisions.length,
    grids: grids.length,
    units: units.length,
    categories: categories.length,
    responsibility: responsibility.length,
  };
  logger.info(counts, "seeded reference data");
  return counts;
}
