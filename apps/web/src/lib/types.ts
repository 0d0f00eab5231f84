// Shapes of the API's responses, as the presenters on the server produce them.
import type { CaseAction, CaseStatus, Role } from "@civicgrid/shared";

export interface UnitRef {
  code: string;
  name: string;
  type: string | null;
}

export interface Unit {
  code: string;
  name: string;
  nameEn: string | null;
  type: string;
  level: string;
  divisionCode: string;
  divisionName: string | null;
  departmentKind: string | null;
  active: boolean;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitCode: string;
  unit: Unit;
  jurisdiction:
    | { kind: "division"; level: string; code: string; name: string | null }
    | { kind: "unit"; unitCode: string; name: string }
    | { kind: "none" };
  /** the account must enrol TOTP before anything else (an enrolment-only session) */
  mfaEnrolmentRequired?: boolean;
  /** the password was set by another admin: it must be changed before anything else */
  passwordChangeRequired?: boolean;
}

export interface CaseSummary {
  id: string;
  code: string;
  title: string;
  status: CaseStatus;
  source: string;
  categoryCode: string | null;
  gridCode: string;
  communityCode: string;
  townshipCode: string;
  districtCode: string;
  communityName: string | null;
  townshipName: string | null;
  districtName: string | null;
  ownerUnit: UnitRef | null;
  centreUnit: UnitRef | null;
  reportedAt: string;
  deadlines: { acceptBy: string | null; warnAt: string | null; dueAt: string | null; limitDays: number | null };
  overdue: boolean;
  warning: boolean;
  supervised: boolean;
  /** 附议: further callers and reporters of cases merged into this one (older servers: absent) */
  meTooCount?: number;
  updatedAt: string;
}

export interface CaseEvent {
  seq: number;
  action: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  at: string;
  actorRole: string | null;
  actorUnit: UnitRef | null;
  actorUserId: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

export interface CaseDetail extends CaseSummary {
  description: string;
  lat: number;
  lng: number;
  address: string | null;
  gridName: string | null;
  /** masked by the server: 张*, 138****1234, 2103**********1234 */
  reporter: { name: string | null; phone: string | null; idNumber?: string | null } | null;
  assistUnits: UnitRef[];
  suggestedUnit: UnitRef | null;
  routing: { rule: string; reason: { zh: string; en: string } } | null;
  dispatcherUnit: UnitRef | null;
  timestamps: Record<string, string | null>;
  counters: {
    rework: number;
    returns: number;
    reopens: number;
    supervisions: number;
    extensions: number;
    meToo: number;
    escalationLevel: number;
  };
  mergedIntoId: string | null;
  mergedCases: { id: string; code: string }[];
  rating: string | null;
  ratingComment: string | null;
  /** 问题是否解决, as answered at evaluation */
  solved?: boolean | null;
  pendingExtension: { until: string; reason: string } | null;
  resultNote: string | null;
  lastReturnReason: string | null;
  /** grows with every change; actions send it back as If-Match so a stale view cannot overwrite */
  version?: number;
  availableActions?: CaseAction[];
  events?: CaseEvent[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
