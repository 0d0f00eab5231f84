// Shapes of the administration, security and audit endpoints (docs/api-workbench.md).
import type { Role } from "@civicgrid/shared";

export interface Division {
  code: string;
  name: string;
  level: "city" | "district" | "township" | "community";
  parentCode: string | null;
  childCount: number;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitCode: string;
  unitName: string | null;
  active: boolean;
  /** 我的网格 of a grid worker (empty for everyone else) */
  gridCodes: string[];
  grids: { code: string; name: string }[];
  createdAt: string;
}

export interface Category {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  responsibility: {
    handlerKind: string;
    level: string | null;
    limitDays: number;
    territorial: boolean | null;
  } | null;
}

export interface CalendarYear {
  year: number;
  holidays: string[];
  workdays: string[];
}

export interface RolePermissions {
  role: Role;
  users: number;
  permissions: string[];
  caseActions: string[];
  /** on which relation to the case each action is granted (owner, coordinator, …) */
  caseActionGrants?: { action: string; relations: string[] }[];
}

export interface AuditRecord {
  id: string | number;
  at: string;
  username: string | null;
  unitCode: string | null;
  role: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: "success" | "failure" | "denied" | string;
  ip: string | null;
  detail: unknown;
}

export interface GridFeature {
  type: "Feature";
  properties: { code: string; name: string; communityCode: string };
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown };
}

export interface FeatureCollection<F = GridFeature> {
  type: "FeatureCollection";
  features: F[];
}
