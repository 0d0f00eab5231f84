// The area ranking: every district, township, community or grid under a parent division, with the
// parent's own figures as the table's summary. All figures are sums over the rollup.
import type { Db } from "../db/connect.ts";
import type { Division, PlaceDirectory } from "../places/directory.ts";
import { divisionPrefix } from "../places/directory.ts";
import { type AreaLevel, childLevel, divisionIn, levelBelow, type ViewerArea } from "./jurisdiction.ts";
import type { Periods } from "./period.ts";
import { type FigureKey, type Ranking, type RankingInput, rank, type Subject } from "./ranking.ts";
import { countsOf, sumRollup } from "./rollup.ts";

export interface AreaRankingOptions {
  db: Db;
  places: PlaceDirectory;
  area: ViewerArea;
  /** the division whose areas are ranked (default: the viewer's own) */
  parent?: string;
  level?: AreaLevel;
  periods: Periods;
  sort: FigureKey;
  order?: "asc" | "desc";
}

export interface AreaRanking extends Ranking {
  level: AreaLevel;
  parent: { code: string; name: string; level: string };
  /** the parent division's own figures over the period */
  summary: RankingInput;
}

export async function rankAreas(o: AreaRankingOptions): Promise<AreaRanking> {
  const parent = divisionIn(o.area, o.places, o.parent);
  const level = levelBelow(parent, o.level);
  const prefix = divisionPrefix(parent.code, parent.level);
  const [subjects, sums, own] = await Promise.all([
    areasUnder(o.db, o.places, parent, level),
    sumRollup(o.db, level, { prefix, length: level === "grid" ? 14 : 12 }, o.periods),
    sumRollup(o.db, parent.level, { codes: [parent.code] }, o.periods),
  ]);
  const inputs = subjects.map((subject) => ({ subject, counts: countsOf(sums, subject.code) }));
  const table = rank(inputs, o.periods, o.sort, o.order);
  const summary: RankingInput = {
    subject: { code: parent.code, name: parent.name, kind: parent.level, context: null, hasChildren: true },
    counts: countsOf(own, parent.code),
  };
  return {
    ...table,
    level,
    parent: { code: parent.code, name: parent.name, level: parent.level },
    summary,
  };
}

/** The areas of one level inside a division, in code order (grids from the table, divisions from the directory). */
async function areasUnder(db: Db, places: PlaceDirectory, parent: Division, level: AreaLevel): Promise<Subject[]> {
  const prefix = divisionPrefix(parent.code, parent.level);
  const nameOf = (code: string | null) => (code ? (places.division(code)?.name ?? null) : null);
  const below = childLevel(level) !== null;
  if (level === "grid") {
    const grids = await db
      .selectFrom("grids")
      .select(["code", "name", "community_code"])
      .where("code", "like", `${prefix}%`)
      .orderBy("code")
      .execute();
    return grids.map((g) => ({
      code: g.code,
      name: g.name,
      kind: "grid",
      context: nameOf(g.community_code),
      hasChildren: false,
    }));
  }
  return [...places.divisions.values()]
    .filter((d) => d.level === level && d.code.startsWith(prefix))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((d) => ({ code: d.code, name: d.name, kind: level, context: nameOf(d.parentCode), hasChildren: below }));
}
