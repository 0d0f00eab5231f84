// The unit ranking (部门单位): the owner units seated inside the viewer's area, from the rollup's
// 'unit' scope (cases counted for the unit that owns them now, by report day).
import type { UnitType } from "@civicgrid/shared";
import type { Db } from "../db/connect.ts";
import type { PlaceDirectory, Unit } from "../places/directory.ts";
import { insideArea, type ViewerArea } from "./jurisdiction.ts";
import type { Periods } from "./period.ts";
import { type FigureKey, type Ranking, rank } from "./ranking.ts";
import { countsOf, sumRollup } from "./rollup.ts";

/** Units that own cases: listed even in a period without any. Others appear only with figures. */
const OWNER_TYPES: readonly UnitType[] = [
  "department",
  "community_station",
  "township_centre",
  "district_centre",
  "city_centre",
];

export interface UnitRankingOptions {
  db: Db;
  places: PlaceDirectory;
  area: ViewerArea;
  unitType?: UnitType;
  periods: Periods;
  sort: FigureKey;
  order?: "asc" | "desc";
}

export async function rankUnits(o: UnitRankingOptions): Promise<Ranking> {
  const candidates = [...o.places.units.values()]
    .filter((u) => insideArea(o.area, u.divisionCode) && (!o.unitType || u.type === o.unitType))
    .sort((a, b) => a.code.localeCompare(b.code));
  const sums = await sumRollup(o.db, "unit", { codes: candidates.map((u) => u.code) }, o.periods);
  const listed = (u: Unit) => (u.active && OWNER_TYPES.includes(u.type)) || sums.has(u.code);
  const inputs = candidates.filter(listed).map((u) => ({
    subject: {
      code: u.code,
      name: u.name,
      kind: u.type,
      context: o.places.division(u.divisionCode)?.name ?? null,
      hasChildren: false,
    },
    counts: countsOf(sums, u.code),
  }));
  return rank(inputs, o.periods, o.sort, o.order);
}
