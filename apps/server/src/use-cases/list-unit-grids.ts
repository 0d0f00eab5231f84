// The grids inside a unit's area (a station's community, a centre's township or district), by name or
// code, paged and without outlines: what the account form offers when assigning a grid worker's grids.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { AppError } from "../errors.ts";
import { divisionPrefix } from "../places/directory.ts";
import type { Services } from "../services.ts";

export interface ListUnitGridsOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  unitCode: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface UnitGridRow {
  code: string;
  name: string;
  community_code: string;
}

export async function listUnitGrids({ services, actor, ip, unitCode, q, page, pageSize }: ListUnitGridsOptions) {
  await requirePermissionAudited(services, actor, "admin:units", { action: "admin.unit.grids", ip });
  const { db, places } = services;
  const unit = places.unit(unitCode);
  if (!unit) throw new AppError("UNIT_NOT_FOUND", { code: unitCode });
  const area = places.division(unit.divisionCode);
  if (!area) return { items: [] as UnitGridRow[], total: 0, page, pageSize };
  // the same prefix test as the assignment check (gridInside), so every grid offered is accepted
  let qb = db.selectFrom("grids").where("community_code", "like", `${divisionPrefix(area.code, area.level)}%`);
  const text = q?.trim();
  if (text) {
    const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    qb = qb.where((eb) => eb.or([eb("name", "ilike", like), eb("code", "like", like)]));
  }
  const [items, count] = await Promise.all([
    qb
      .select(["code", "name", "community_code"])
      .orderBy("code")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: items as UnitGridRow[], total: Number(count.n), page, pageSize };
}
