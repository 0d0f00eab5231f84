// Shapes of the hotline desk's API answers (apps/server/src/presenters/hotline.ts).
import type { CaseSummary } from "../../lib/types.ts";

export interface CallerCase extends CaseSummary {
  lastCallAt: string;
  callCount: number;
  asReporter: boolean;
  meTooCount: number;
  resultNote: string | null;
}

export interface SimilarCase {
  id: string;
  code: string;
  title: string;
  /** the words compared, cut short (older servers: absent) */
  excerpt?: string;
  status: CaseSummary["status"];
  categoryCode: string | null;
  address: string | null;
  communityName: string | null;
  lat: number;
  lng: number;
  reportedAt: string;
  meTooCount: number;
  score: number;
  /** close enough in words to be a duplicate candidate (older servers: absent) */
  likelyDuplicate?: boolean;
  why: { distanceM: number; textScore: number; sameCategory: boolean | null; sharedWords: string[] };
}

export interface CaseCaller {
  id: number;
  name: string | null;
  phone: string | null;
  note: string | null;
  source: string;
  at: string;
  eventSeq: number;
  takenBy: string | null;
}

export interface FoundPlace {
  code: string;
  name: string;
  level: "community" | "township";
  path: string[];
  lat: number | null;
  lng: number | null;
}

export type ImportField =
  | "ticketNo"
  | "receivedAt"
  | "callerName"
  | "callerPhone"
  | "address"
  | "community"
  | "lat"
  | "lng"
  | "category"
  | "title"
  | "description";

export const IMPORT_FIELDS: ImportField[] = [
  "ticketNo",
  "receivedAt",
  "description",
  "callerName",
  "callerPhone",
  "address",
  "community",
  "lat",
  "lng",
  "category",
  "title",
];
export const REQUIRED_IMPORT_FIELDS: ImportField[] = ["ticketNo", "receivedAt", "description"];

export interface ImportProblem {
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

export interface ImportReportRow {
  line: number;
  ticketNo: string | null;
  status: "created" | "invalid" | "duplicate";
  caseId?: string;
  caseCode?: string;
  problems: ImportProblem[];
}

export interface HotlineImport {
  id: string;
  fileName: string;
  format: "csv" | "xlsx";
  encoding: string | null;
  status: "uploaded" | "committing" | "committed";
  rowCount: number;
  headers: string[];
  mapping: Partial<Record<ImportField, string>> | null;
  counts: { created: number; invalid: number; duplicate: number };
  uploadedAt: string;
  uploadedBy: string | null;
  committedAt: string | null;
  suggestedMapping?: Partial<Record<ImportField, string>>;
  preview?: string[][];
  report?: ImportReportRow[];
}
