// Inputs and outputs of the demo-history generator. Inputs are plain reference data (as loaded from
// the database or the seed files); outputs are case rows and event rows ready to insert.
import type { ResponsibilityEntry, WorkCalendar } from "@civicgrid/domain";
import type { CaseStatus, DivisionLevel, HandlerKind, Rating, ReturnReason, UnitType } from "@civicgrid/shared";

export interface RefDivision {
  code: string;
  name: string;
  parentCode: string | null;
  level: DivisionLevel;
}

export interface RefGrid {
  code: string;
  communityCode: string;
  name: string;
  /** GeoJSON MultiPolygon coordinates, [lng, lat] */
  coordinates: number[][][][];
}

export interface RefUnit {
  code: string;
  type: UnitType;
  level: DivisionLevel;
  divisionCode: string;
  departmentKind: string | null;
  active: boolean;
}

export interface RefCategory {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
}

/** Texts of one category in case-texts.json. */
export interface CategoryTexts {
  categoryCode: string;
  season: string;
  weight: number;
  voice: "grid" | "hotline";
  titles: string[];
  descriptions: string[];
}

/** apps/server/seed-data/case-texts.json (built by scripts/build-seed-content.ts). */
export interface CaseTexts {
  vocab: { streets: string[]; compounds: string[]; landmarks: string[]; times: string[] };
  /** 12 monthly multipliers (Jan..Dec) per season family */
  seasonal: Record<string, number[]>;
  categories: CategoryTexts[];
  handling: Partial<Record<HandlerKind, string[]>>;
  returnReasons: Partial<Record<ReturnReason, string[]>>;
  verification: { passed: string[]; failed: string[] };
  evaluation: Record<Rating, string[]>;
  urgeNotes: string[];
  adaptedMessages?: { categoryCode: string; title: string; description: string }[];
}

export interface HistoryReference {
  divisions: RefDivision[];
  grids: RefGrid[];
  units: RefUnit[];
  categories: RefCategory[];
  responsibility: ResponsibilityEntry[];
  texts: CaseTexts;
}

export interface GenerateHistoryOptions {
  count: number;
  /** the history ends here: every timestamp is <= now */
  now: Date;
  calendar: WorkCalendar;
  ref: HistoryReference;
  seed?: number;
  /** id factory; defaults to UUIDs drawn from the seeded generator (deterministic) */
  newId?: () => string;
  /** highest serial already used per CST day 'YYYY-MM-DD' (live cases), so codes never collide */
  codeOffsets?: ReadonlyMap<string, number>;
}

export interface HistoryEvent {
  seq: number;
  action: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actorRole: string | null;
  actorUnitCode: string | null;
  at: Date;
  note: string | null;
  data: Record<string, unknown>;
}

/** One cases row (camelCase of the columns) with its events. */
export interface HistoryCase {
  id: string;
  code: string;
  title: string;
  description: string;
  source: string;
  categoryCode: string | null;
  status: CaseStatus;
  lat: number;
  lng: number;
  address: string | null;
  gridCode: string;
  communityCode: string;
  townshipCode: string;
  districtCode: string;
  cityCode: string;
  reporterName: string | null;
  reporterPhone: string | null;
  centreUnitCode: string;
  ownerUnitCode: string | null;
  assistUnitCodes: string[];
  involvedUnitCodes: string[];
  dispatcherUnitCode: string | null;
  suggestedUnitCode: string | null;
  routingRule: string | null;
  routingReason: { zh: string; en: string } | null;
  limitDays: number;
  reportedAt: Date;
  registeredAt: Date | null;
  dispatchedAt: Date | null;
  acceptDueAt: Date | null;
  acceptedAt: Date | null;
  handledAt: Date | null;
  closedAt: Date | null;
  evaluatedAt: Date | null;
  dueAt: Date | null;
  warnAt: Date | null;
  warnedAt: Date | null;
  overdueAt: Date | null;
  escalationLevel: number;
  nextEscalationAt: Date | null;
  reworkCount: number;
  returnCount: number;
  reopenCount: number;
  supervisionCount: number;
  extensionCount: number;
  meTooCount: number;
  mergedIntoId: string | null;
  rating: Rating | null;
  ratingComment: string | null;
  /** 017: the reporter's "was it solved" at evaluation */
  solved: boolean | null;
  /** 017: working days from the latest dispatch to the feedback */
  handlingWorkDays: number | null;
  pendingExtension: { until: string; reason: string; requestedBy: string; requestedAt: string } | null;
  resultNote: string | null;
  lastReturnReason: string | null;
  version: number;
  updatedAt: Date;
  events: HistoryEvent[];
}

export interface GeneratedHistory {
  cases: HistoryCase[];
  /** highest serial per CST day, for case_code_counters */
  counters: Map<string, number>;
  eventCount: number;
}
