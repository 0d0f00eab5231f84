// The public shapes of the hotline desk: a caller's earlier cases, similar open cases with the reasons
// they are similar, the callers of a case (phones masked) and bulk imports with their reports.
import type { RankedCandidate } from "@civicgrid/domain";
import type { CaseRow } from "../db/schema.ts";
import type { RowReport } from "../hotline/import-rows.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import type { SimilarCaseRow } from "../use-cases/find-similar-cases.ts";
import type { FoundPlace } from "../use-cases/search-places.ts";
import { presentCaseSummary } from "./case.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function presentCallerCase(
  row: CaseRow & { last_call_at: Date; call_count: number; is_reporter: boolean },
  places: PlaceDirectory,
  now: Date,
) {
  return {
    ...presentCaseSummary(row, places, now),
    /** when this caller last called about it, and how: as its reporter or as a "me too" caller */
    lastCallAt: new Date(row.last_call_at).toISOString(),
    callCount: row.call_count,
    asReporter: row.is_reporter,
    meTooCount: row.me_too_count,
    resultNote: row.result_note,
  };
}

export function presentSimilarCase(
  r: RankedCandidate<SimilarCaseRow> & { likelyDuplicate?: boolean },
  places: PlaceDirectory,
) {
  const c = r.candidate;
  return {
    id: c.id,
    code: c.code,
    title: c.title,
    /** the words compared (description, and the title when a person wrote it), cut short */
    excerpt: c.text.length > 80 ? `${c.text.slice(0, 80)}…` : c.text,
    status: c.status,
    categoryCode: c.categoryCode,
    address: c.address,
    communityName: places.division(c.communityCode)?.name ?? null,
    lat: c.lat,
    lng: c.lng,
    reportedAt: c.reportedAt.toISOString(),
    meTooCount: c.meTooCount,
    score: round(r.score, 3),
    /** near, recent and telling a similar enough story to be offered as a duplicate (并案候选) */
    likelyDuplicate: r.likelyDuplicate ?? false,
    why: {
      distanceM: Math.round(r.distanceM),
      textScore: round(r.textScore, 3),
      sameCategory: r.sameCategory,
      sharedWords: r.sharedWords,
    },
  };
}

export function presentCaller(row: {
  id: number;
  name_masked: string | null;
  phone_masked: string | null;
  note: string | null;
  source: string;
  at: Date;
  event_seq: number;
  taken_by?: string | null;
}) {
  return {
    id: row.id,
    name: row.name_masked,
    phone: row.phone_masked,
    note: row.note,
    source: row.source,
    at: row.at.toISOString(),
    eventSeq: row.event_seq,
    takenBy: row.taken_by ?? null,
  };
}

export function presentPlace(p: FoundPlace) {
  return {
    code: p.division.code,
    name: p.division.name,
    level: p.division.level,
    path: p.path,
    lat: p.point?.lat ?? null,
    lng: p.point?.lng ?? null,
  };
}

export interface ImportSummaryRow {
  id: string;
  file_name: string;
  format: string;
  encoding: string | null;
  headers: string[];
  row_count: number;
  status: string;
  mapping: Record<string, string> | null;
  created_count: number;
  error_count: number;
  duplicate_count: number;
  uploaded_at: Date;
  committed_at: Date | null;
  uploader_name?: string | null;
}

export function presentImportSummary(row: ImportSummaryRow) {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    encoding: row.encoding,
    status: row.status,
    rowCount: row.row_count,
    headers: row.headers,
    mapping: row.mapping,
    counts: { created: row.created_count, invalid: row.error_count, duplicate: row.duplicate_count },
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: row.uploader_name ?? null,
    committedAt: iso(row.committed_at),
  };
}

export function presentImport(
  row: ImportSummaryRow,
  extra: { suggestedMapping?: Record<string, string>; preview?: string[][] | null; report?: RowReport[] | null },
) {
  return {
    ...presentImportSummary(row),
    ...(extra.suggestedMapping && row.status === "uploaded" ? { suggestedMapping: extra.suggestedMapping } : {}),
    ...(extra.preview && row.status === "uploaded" ? { preview: extra.preview } : {}),
    ...(extra.report ? { report: extra.report } : {}),
  };
}
