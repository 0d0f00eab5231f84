// What the portal shows a receipt holder: status in citizen words, the public steps of the timeline
// with unit names only (no staff names, no internal notes such as return reasons or supervision),
// the handling result once closed (numbers that look like someone's phone masked), their evaluation,
// and what they may do now.
import { availableActions } from "@civicgrid/domain";
import { snapshotOf } from "../cases/facts.ts";
import type { CaseEventRow, CaseRow } from "../db/schema.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import { CITIZEN_FACTS, PUBLIC_STATUS } from "../public/citizen.ts";
import { formatReceipt, normalizeReceipt } from "../public/receipt.ts";
import { redactPublicText } from "../public/redact.ts";
import type { TrackedReport } from "../use-cases/track-public-report.ts";

/** Event actions a citizen sees, and which unit each names. Others (supervision, extensions, timers) stay internal. */
const PUBLIC_STEPS: Record<string, "actor" | "owner" | "centre" | null> = {
  report: null,
  register: "actor",
  reject: "actor",
  merge: "actor",
  dispatch: "owner",
  accept: "actor",
  return: "actor",
  escalate: "centre",
  assign: "centre",
  feedback: "actor",
  verify: "actor",
  "resolve-direct": "actor",
  evaluate: null,
  reopen: null,
  // a merged report: the case it joined was closed (并案告知)
  outcome: null,
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function divisionNames(
  places: PlaceDirectory,
  row: Pick<CaseRow, "district_code" | "township_code" | "community_code">,
) {
  return {
    district: places.division(row.district_code)?.name ?? null,
    township: places.division(row.township_code)?.name ?? null,
    community: places.division(row.community_code)?.name ?? null,
  };
}

function presentStep(e: CaseEventRow, places: PlaceDirectory) {
  const unitOf = PUBLIC_STEPS[e.action];
  const after = (e.data as { after?: { owner?: string | null; centre?: string | null } }).after ?? {};
  const code =
    unitOf === "actor"
      ? e.actor_unit_code
      : unitOf === "owner"
        ? after.owner
        : unitOf === "centre"
          ? after.centre
          : null;
  const pass = (e.data as { input?: { pass?: boolean } }).input?.pass;
  return {
    step: e.action === "verify" ? (pass ? "verify-pass" : "verify-fail") : e.action,
    at: e.at.toISOString(),
    unit: code ? (places.unit(code)?.name ?? null) : null,
  };
}

export function presentTrackedReport(found: TrackedReport, places: PlaceDirectory, receipt: string) {
  const { row } = found;
  const photoUrl = (id: string) => `/api/v1/public/reports/${normalizeReceipt(receipt)}/photos/${id}`;
  const photos = (stage: "report" | "feedback") =>
    found.photos
      .filter((p) => p.stage === stage)
      .map((p) => ({ id: p.id, url: photoUrl(p.id), thumbnailUrl: `${photoUrl(p.id)}?size=thumb` }));
  const closed = row.status === "closed" || row.status === "evaluated";
  const actions = availableActions(snapshotOf(row), CITIZEN_FACTS);
  return {
    receipt: formatReceipt(normalizeReceipt(receipt) ?? receipt),
    code: row.code,
    status: PUBLIC_STATUS[row.status as keyof typeof PUBLIC_STATUS],
    category: found.categoryName,
    description: row.description,
    address: row.address_area,
    place: divisionNames(places, row),
    reportedAt: row.reported_at.toISOString(),
    photos: photos("report"),
    timeline: found.events.filter((e) => e.action in PUBLIC_STEPS).map((e) => presentStep(e, places)),
    result:
      closed && row.result_note
        ? { note: redactPublicText(row.result_note), closedAt: iso(row.closed_at), photos: photos("feedback") }
        : null,
    evaluation: row.rating ? { rating: row.rating, comment: row.rating_comment, at: iso(row.evaluated_at) } : null,
    mergedInto: presentSurvivor(found.survivor),
    reopened: row.reopen_count > 0,
    canEvaluate: actions.includes("evaluate"),
    canReopen: actions.includes("reopen"),
  };
}

/** The case a merged report was handled under: its code, status and, once closed, its public result. */
function presentSurvivor(s: CaseRow | null) {
  if (!s) return null;
  const closed = s.status === "closed" || s.status === "evaluated";
  return {
    code: s.code,
    status: PUBLIC_STATUS[s.status as keyof typeof PUBLIC_STATUS],
    result: closed
      ? { note: s.result_note ? redactPublicText(s.result_note) : null, closedAt: iso(s.closed_at) }
      : null,
  };
}
