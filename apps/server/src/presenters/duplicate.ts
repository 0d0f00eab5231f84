// The public shapes of duplicates (并案): a candidate with the reasons it looks like the same problem,
// and an outcome notice (who was told, how, and where delivery stands; phones masked).
import type { RankedCandidate } from "@civicgrid/domain";
import type { NearCase } from "../cases/open-cases-near.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import { presentSimilarCase } from "./hotline.ts";

export function presentDuplicateCandidate(r: RankedCandidate<NearCase>, places: PlaceDirectory) {
  return presentSimilarCase({ ...r, likelyDuplicate: true }, places);
}

export function presentOutcomeNotice(row: {
  id: number;
  survivor_id: string;
  case_id: string;
  case_code: string;
  caller_id: number | null;
  channel: string;
  status: string;
  created_at: Date;
  delivered_at: Date | null;
  phone_masked: string | null;
}) {
  return {
    id: row.id,
    survivorId: row.survivor_id,
    caseId: row.case_id,
    caseCode: row.case_code,
    /** the case's reporter, or one of its "me too" callers */
    recipient: row.caller_id === null ? "reporter" : "caller",
    phone: row.phone_masked,
    channel: row.channel,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at ? row.delivered_at.toISOString() : null,
  };
}
