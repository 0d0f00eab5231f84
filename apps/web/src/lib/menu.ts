// Which pages each role reaches. The server enforces every permission; this only shapes the menu.
import type { Role } from "@civicgrid/shared";

export type PageKey = "inbox" | "cases" | "dispatch" | "report" | "admin" | "security" | "audit";

const CENTRES: Role[] = ["city_centre", "district_centre", "township_centre"];
const CASE_WORKERS: Role[] = [...CENTRES, "community_station", "grid_worker", "department_handler", "hotline_agent"];
const REPORTERS: Role[] = [...CENTRES, "community_station", "grid_worker", "department_handler", "hotline_agent"];

const ACCESS: Record<PageKey, Role[]> = {
  inbox: CASE_WORKERS,
  cases: [...CASE_WORKERS, "leader"],
  dispatch: CENTRES,
  report: REPORTERS,
  admin: ["system_admin"],
  security: ["security_admin"],
  audit: ["auditor"],
};

export function pagesFor(roles: readonly Role[]): PageKey[] {
  return (Object.keys(ACCESS) as PageKey[]).filter((p) => ACCESS[p].some((r) => roles.includes(r)));
}

export function homePathFor(roles: readonly Role[]): string {
  const first = pagesFor(roles)[0];
  return first ? `/${first}` : "/cases";
}
