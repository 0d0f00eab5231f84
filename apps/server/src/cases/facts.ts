// Facts about an actor and a case for the domain's transition table.
import {
  type ActorFacts,
  type CaseSnapshot,
  isCoordinator,
  isInTerritory,
  type PendingExtension,
  type Place,
} from "@civicgrid/domain";
import type { CaseStatus, DivisionLevel, Rating } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import type { CaseRow } from "../db/schema.ts";
import type { PlaceDirectory } from "../places/directory.ts";

export function placeOf(row: CaseRow): Place {
  return {
    city: row.city_code,
    district: row.district_code,
    township: row.township_code,
    community: row.community_code,
    grid: row.grid_code,
  };
}

export function snapshotOf(row: CaseRow): CaseSnapshot {
  return {
    id: row.id,
    status: row.status as CaseStatus,
    ownerUnitCode: row.owner_unit_code,
    dueAt: row.due_at,
    rating: row.rating as Rating | null,
    reopenCount: row.reopen_count,
    pendingExtension: row.pending_extension as PendingExtension | null,
  };
}

export function factsFor(actor: Actor, row: CaseRow, places: PlaceDirectory): ActorFacts {
  const place = placeOf(row);
  const centre = places.unit(row.centre_unit_code);
  return {
    roles: actor.roles,
    isCoordinator: centre
      ? isCoordinator(actor.unit, { code: centre.code, level: centre.level as DivisionLevel }, place)
      : false,
    isOwner: row.owner_unit_code !== null && row.owner_unit_code === actor.unit.code,
    inTerritory: isInTerritory(actor.unit, place),
    isReporter: row.reported_by !== null && row.reported_by === actor.userId,
  };
}
