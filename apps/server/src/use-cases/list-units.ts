// Units the caller may see: everything seated in its area and on the chain above it (the units it
// can dispatch to or report up to). Departments see their own seat's chain; admins see all.
import { LEVEL_RANK } from "@civicgrid/domain";
import type { DivisionLevel, UnitType } from "@civicgrid/shared";
import { ADMIN_ROLES } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { divisionPrefix, type Unit } from "../places/directory.ts";
import type { Services } from "../services.ts";

export interface ListUnitsOptions {
  services: Services;
  actor: Actor;
  filter: { level?: DivisionLevel; divisionCode?: string; type?: UnitType; q?: string };
  page: number;
  pageSize: number;
}

export function unitVisibleTo(actor: Actor, unit: Unit): boolean {
  if (actor.roles.some((r) => ADMIN_ROLES.includes(r))) return true;
  const home = actor.unit;
  // on the chain above the actor's seat
  if (
    LEVEL_RANK[unit.level] <= LEVEL_RANK[home.level] &&
    divisionPrefix(home.divisionCode, unit.level) === divisionPrefix(unit.divisionCode, unit.level)
  ) {
    return true;
  }
  // inside the actor's area (departments have no area below them)
  return (
    home.type !== "department" &&
    divisionPrefix(unit.divisionCode, home.level) === divisionPrefix(home.divisionCode, home.level)
  );
}

export function listUnits({ services, actor, filter, page, pageSize }: ListUnitsOptions) {
  const q = filter.q?.trim();
  const matches = [...services.places.units.values()].filter(
    (u) =>
      unitVisibleTo(actor, u) &&
      (!filter.level || u.level === filter.level) &&
      (!filter.type || u.type === filter.type) &&
      (!filter.divisionCode || u.divisionCode === filter.divisionCode) &&
      (!q || u.name.includes(q) || u.code.includes(q)),
  );
  matches.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.code.localeCompare(b.code));
  return { items: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageSize };
}
