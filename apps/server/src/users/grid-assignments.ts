// 我的网格 of an account: the grids a grid worker looks after (grid_worker_grids). Only grid workers
// hold grids, and every grid lies inside the division their unit serves (a station's community, a
// centre's township or district), so a worker never patrols another unit's ground.
import type { Role } from "@civicgrid/shared";
import type { Db } from "../db/connect.ts";
import { AppError } from "../errors.ts";
import { type Division, divisionPrefix, type PlaceDirectory } from "../places/directory.ts";
import { refuse } from "./account-rules.ts";

/** A worker covers one grid, sometimes a few neighbours; the cap keeps a request bounded. */
export const MAX_GRID_ASSIGNMENTS = 50;

export interface AssignedGrid {
  code: string;
  name: string;
}

/** The division a unit serves, for its grids; null when the directory does not know it. */
export async function unitArea(trx: Db, places: PlaceDirectory, unitCode: string): Promise<Division | null> {
  const unit = await trx.selectFrom("units").select("division_code").where("code", "=", unitCode).executeTakeFirst();
  return unit ? places.division(unit.division_code) : null;
}

/** NBS codes are hierarchical: a grid is inside a division when its community shares the prefix. */
export function gridInside(communityCode: string, area: Division): boolean {
  return communityCode.startsWith(divisionPrefix(area.code, area.level));
}

/**
 * Checks the grids an account would hold: none unless it is a grid worker; each one exists and lies
 * inside the unit's area. Returns them with their names, ordered by code.
 */
export async function checkGrids(
  trx: Db,
  places: PlaceDirectory,
  roles: readonly Role[],
  unitCode: string,
  gridCodes: readonly string[],
): Promise<AssignedGrid[]> {
  const codes = [...new Set(gridCodes)].sort();
  if (!codes.length) return [];
  if (!roles.includes("grid_worker")) {
    throw refuse("gridCodes", "only grid workers are assigned grids", { roles });
  }
  const rows = await trx
    .selectFrom("grids")
    .select(["code", "name", "community_code"])
    .where("code", "in", codes)
    .orderBy("code")
    .execute();
  const unknown = codes.filter((c) => !rows.some((r) => r.code === c));
  if (unknown.length) throw refuse("gridCodes", "no such grid", { gridCodes: unknown });
  const area = await unitArea(trx, places, unitCode);
  const outside = rows.filter((r) => !area || !gridInside(r.community_code, area)).map((r) => r.code);
  if (outside.length) {
    throw new AppError("GRID_OUT_OF_UNIT", { gridCodes: outside, unitCode, divisionCode: area?.code ?? null });
  }
  return rows.map((r) => ({ code: r.code, name: r.name }));
}

/** Makes the account's grids exactly `grids`; grids kept keep their assignment time. */
export async function replaceGrids(trx: Db, userId: string, grids: readonly AssignedGrid[]): Promise<void> {
  const codes = grids.map((g) => g.code);
  let removal = trx.deleteFrom("grid_worker_grids").where("user_id", "=", userId);
  if (codes.length) removal = removal.where("grid_code", "not in", codes);
  await removal.execute();
  if (!codes.length) return;
  await trx
    .insertInto("grid_worker_grids")
    .values(codes.map((code) => ({ user_id: userId, grid_code: code })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The grids of several accounts at once (one query for a page of the user list). */
export async function gridsOfUsers(db: Db, userIds: readonly string[]): Promise<Map<string, AssignedGrid[]>> {
  const byUser = new Map<string, AssignedGrid[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return byUser;
  const rows = await db
    .selectFrom("grid_worker_grids")
    .innerJoin("grids", "grids.code", "grid_worker_grids.grid_code")
    .select(["grid_worker_grids.user_id", "grids.code", "grids.name"])
    .where("grid_worker_grids.user_id", "in", userIds)
    .orderBy("grids.code")
    .execute();
  for (const r of rows) byUser.get(r.user_id)?.push({ code: r.code, name: r.name });
  return byUser;
}
