// Who sees what on the big screen. The server enforces every permission (screen:view, incident:view,
// incident:declare in packages/domain/src/access/permissions.ts); this only shapes the page.
import type { Role } from "@civicgrid/shared";

const SCREEN: Role[] = ["leader", "city_centre", "district_centre", "township_centre", "community_station"];
const DECLARE: Role[] = ["city_centre", "district_centre", "township_centre"];

export const canViewScreen = (roles: readonly Role[]) => roles.some((r) => SCREEN.includes(r));
export const canViewIncidents = canViewScreen;
export const canDeclare = (roles: readonly Role[]) => roles.some((r) => DECLARE.includes(r));
