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
  | "audit"
  | "assessment"
  | "analysis"
  | "models"
  | "screen";

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
  // 综合评价: roles with assessment:view
  assessment: ["leader", ...CENTRES, "community_station"],
  // 共性问题 / 分析研判: roles with analysis:view
  analysis: ["leader", ...CENTRES, "community_station"],
  // 智能分派: models:manage — the city centre here; the system admin finds it in 系统管理
  models: ["city_centre"],
  // the big screen (一屏指挥, its own application at /screen/): roles with screen:view; last, so it is
  // never a role's home page
  screen: ["leader", ...CENTRES, "community_station"],
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

/**
 * Where to go after signing in when another application sent the user here (`/?return=/screen/…`):
 * only a path of our own big screen, never another origin or page, so the parameter cannot be used
 * to send a user elsewhere.
 */
export function returnPath(search: string): string | null {
  const target = new URLSearchParams(search).get("return");
  return target && /^\/screen\/(?:\?[\w=&%.-]*)?$/.test(target) ? target : null;
}
