// Every unit, active or not, for the system admin's unit screen. Read from the directory, which is
// reloaded after each unit edit, so the list shows exactly what routing and dispatch use.
import { LEVEL_RANK } from "@civicgrid/domain";
import type { UnitType } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { divisionPrefix } from "../places/directory.ts";
import type { Services } from "../services.ts";

export interface ListAdminUnitsOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  /** divisionCode selects the units seated in that division's subtree */
  filter: { q?: string; type?: UnitType; divisionCode?: string; active?: boolean };
  page: number;
  pageSize: number;
}

export async function listAdminUnits({ services, actor, ip, filter, page, pageSize }: ListAdminUnitsOptions) {
  await requirePermissionAudited(services, actor, "admin:units", { action: "admin.unit.list", ip });
  const { places } = services;
  const q = filter.q?.trim();
  const area = filter.divisionCode ? places.division(filter.divisionCode) : null;
  if (filter.divisionCode && !area) return { items: [], total: 0, page, pageSize };
  const prefix = area ? divisionPrefix(area.code, area.level) : null;
  const matches = [...places.units.values()].filter(
    (u) =>
      (!filter.type || u.type === filter.type) &&
      (filter.active === undefined || u.active === filter.active) &&
      (!prefix || u.divisionCode.startsWith(prefix)) &&
      (!q || u.name.includes(q) || u.code.includes(q) || Boolean(u.nameEn?.toLowerCase().includes(q.toLowerCase()))),
  );
  matches.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.code.localeCompare(b.code));
  return { items: matches.slice((page - 1) * pageSize, page * pageSize), total: matches.length, page, pageSize };
}
