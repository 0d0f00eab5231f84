// The open cases in a box around a point, reported within a time span, in the caller's jurisdiction:
// what the hotline's similar cases and the duplicate candidates score in memory. The box and the
// open states are literally the predicate of the cases_open_point GiST index (007), so the planner
// uses it; more than MAX_NEAR_CASES in the box is a crowd nobody reads, and the nearest are kept.
import { boundingBox, type SimilarCandidate } from "@civicgrid/domain";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { scopeCondition, scopeOf } from "../access/case-scope.ts";
import type { Db } from "../db/connect.ts";
import type { PlaceDirectory } from "../places/directory.ts";

export const MAX_NEAR_CASES = 2000;

const OPEN_PREDICATE = sql.raw<boolean>(
  "cases.status in ('reported', 'registered', 'dispatched', 'accepted', 'returned', 'handled')",
);

export interface NearCase extends SimilarCandidate {
  code: string;
  title: string;
  status: string;
  address: string | null;
  communityCode: string;
  meTooCount: number;
}

/**
 * The words of a case to compare: its description, and its title only when someone wrote it. A title
 * made at intake from the community and category names (create-case defaultTitle) or from the
 * description's first line would make every case of one kind in one community look alike.
 */
export function caseText(
  row: { title: string; description: string; community_code: string },
  categoryName: string | null,
  places: PlaceDirectory,
): string {
  const community = places.division(row.community_code)?.name ?? "";
  const generated =
    (categoryName !== null && row.title === `${community}${categoryName}`.slice(0, 60)) ||
    row.description.trim().startsWith(row.title);
  return generated ? row.description : `${row.title} ${row.description}`;
}

export interface OpenCasesNearOptions {
  db: Db;
  places: PlaceDirectory;
  actor: Actor;
  lat: number;
  lng: number;
  radiusM: number;
  since: Date;
  /** reported no later than this (none: up to now) */
  until?: Date;
  /** a case to leave out (the one being looked at) */
  excludeId?: string;
}

export async function openCasesNear(o: OpenCasesNearOptions): Promise<NearCase[]> {
  const box = boundingBox({ lat: o.lat, lng: o.lng }, o.radiusM);
  let qb = o.db
    .selectFrom("cases")
    .leftJoin("categories", "categories.code", "cases.category_code")
    .select([
      "cases.id",
      "cases.code",
      "cases.title",
      "cases.description",
      "cases.status",
      "cases.category_code",
      "cases.lat",
      "cases.lng",
      "cases.address_area",
      "cases.community_code",
      "cases.reported_at",
      "cases.me_too_count",
      "categories.name as category_name",
    ])
    .where(
      sql<boolean>`point(cases.lng, cases.lat) <@ box(point(${box.minLng}, ${box.minLat}), point(${box.maxLng}, ${box.maxLat}))`,
    )
    .where(OPEN_PREDICATE)
    .where("cases.reported_at", ">=", o.since)
    .where(scopeCondition(scopeOf(o.actor)));
  if (o.until) qb = qb.where("cases.reported_at", "<=", o.until);
  if (o.excludeId) qb = qb.where("cases.id", "<>", o.excludeId);
  const rows = await qb
    .orderBy(sql`point(cases.lng, cases.lat) <-> point(${o.lng}, ${o.lat})`)
    .limit(MAX_NEAR_CASES)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    status: r.status,
    text: caseText(r, r.category_name, o.places),
    categoryCode: r.category_code,
    lat: r.lat,
    lng: r.lng,
    address: r.address_area,
    communityCode: r.community_code,
    reportedAt: r.reported_at,
    meTooCount: r.me_too_count,
  }));
}
