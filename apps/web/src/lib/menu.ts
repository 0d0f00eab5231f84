// Which pages each role reaches. The server enforces every permission; this only shapes the menu.
import type { Role } from "@civicgrid/shared";

export type PageKey =
  | "inbox"
  | "cases"
  | "dispatch"
  | "report"
  | "hotline"
  | "hotline/import"
  | "admin"
  | "security"
  | "audit";

const CENTRES: Role[] = ["city_centre", "district_centre", "township_centre"];
const CASE_WORKERS: Role[] = [...CENTRES, "community_station", "grid_worker", "department_handler", "hotline_agent"];
const REPORTERS: Role[] = [...CENTRES, "community_station", "grid_worker", "department_handler", "hotline_agent"];

const ACCESS: Record<PageKey, Role[]> = {
  inbox: CASE_WORKERS,
  cases: [...CASE_WORKERS, "leader"],
  dispatch: CENTRES,
  report: REPORTERS,
  // the 12345 desk (centres take calls too); bulk import is city-wide: the hotline and the city centre
  hotline: ["hotline_agent", ...CENTRES],
  "hotline/import": ["hotline_agent", "city_centre"],
  admin: ["system_admin"],
  security: ["security_admin"],
  audit: ["auditor"],
};

export function pagesFor(roles: readonly Role[]): PageKey[] {
  return (Object.keys(ACCESS) as PageKey[]).filter((p) => ACCESS[p].some((r) => roles.includes(r)));
}

export function homePathFor(roles: readonly Role[]): string {
  // a hotline agent's work starts with the next call
  if (roles.includes("hotline_agent")) return "/hotline";
  const first = pagesFor(roles)[0];
  return first ? `/${first}` : "/cases";
}
