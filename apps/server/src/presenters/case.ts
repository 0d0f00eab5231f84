// The public shape of a case and its events. Never raw rows: personal data is masked here.
import { SLA_OPEN_STATUSES } from "@civicgrid/domain";
import type { CaseAction } from "@civicgrid/shared";
import type { CaseEventRow, CaseRow } from "../db/schema.ts";
import type { Pii } from "../pii/pii.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import { presentPhoto } from "./attachment.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentUnitRef(places: PlaceDirectory, code: string | null) {
  if (!code) return null;
  const u = places.unit(code);
  return { code, name: u?.name ?? code, type: u?.type ?? null };
}

export function presentCaseSummary(row: CaseRow, places: PlaceDirectory, now: Date) {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status: row.status,
    source: row.source,
    categoryCode: row.category_code,
    gridCode: row.grid_code,
    communityCode: row.community_code,
    townshipCode: row.township_code,
    districtCode: row.district_code,
    communityName: places.division(row.community_code)?.name ?? null,
    townshipName: places.division(row.township_code)?.name ?? null,
    districtName: places.division(row.district_code)?.name ?? null,
    ownerUnit: presentUnitRef(places, row.owner_unit_code),
    centreUnit: presentUnitRef(places, row.centre_unit_code),
    reportedAt: row.reported_at.toISOString(),
    deadlines: presentDeadlines(row),
    overdue: isOverdue(row, now),
    warning: row.warned_at !== null,
    supervised: row.supervision_count > 0,
    /** 附议: further callers and the reporters of cases merged into this one */
    meTooCount: row.me_too_count,
    updatedAt: row.updated_at.toISOString(),
  };
}

const OPEN_FOR_SLA = new Set<string>(SLA_OPEN_STATUSES);

export function isOverdue(row: Pick<CaseRow, "due_at" | "status">, now: Date): boolean {
  return row.due_at !== null && OPEN_FOR_SLA.has(row.status) && row.due_at <= now;
}

function presentDeadlines(row: CaseRow) {
  return {
    acceptBy: iso(row.accept_due_at),
    warnAt: iso(row.warn_at),
    dueAt: iso(row.due_at),
    limitDays: row.limit_days === null ? null : Number(row.limit_days),
  };
}

export function presentCase(
  row: CaseRow,
  places: PlaceDirectory,
  now: Date,
  extra: {
    events?: CaseEventRow[];
    availableActions?: CaseAction[];
    mergedCases?: { id: string; code: string }[];
    photos?: { id: string; stage: string | null; created_at: Date }[];
    /** the case detail, read in scope: the exact address is opened; elsewhere only its coarse area */
    pii?: Pii;
  } = {},
) {
  return {
    ...presentCaseSummary(row, places, now),
    description: row.description,
    lat: row.lat,
    lng: row.lng,
    address: extra.pii ? (extra.pii.open("cases.address", row.address_enc) ?? row.address_area) : row.address_area,
    addressArea: row.address_area,
    cityCode: row.city_code,
    gridName: places.gridName(row.grid_code),
    // masked copies only: the full values need POST /cases/:id/reporter/reveal (pii:unmask, audited)
    reporter:
      row.reporter_name_masked || row.reporter_phone_masked || row.reporter_id_number_masked
        ? {
            name: row.reporter_name_masked,
            phone: row.reporter_phone_masked,
            idNumber: row.reporter_id_number_masked,
          }
        : null,
    anonymisedAt: iso(row.anonymised_at),
    assistUnits: row.assist_unit_codes.map((c) => presentUnitRef(places, c)),
    suggestedUnit: presentUnitRef(places, row.suggested_unit_code),
    routing: row.routing_rule ? { rule: row.routing_rule, reason: row.routing_reason } : null,
    dispatcherUnit: presentUnitRef(places, row.dispatcher_unit_code),
    timestamps: {
      registeredAt: iso(row.registered_at),
      dispatchedAt: iso(row.dispatched_at),
      acceptedAt: iso(row.accepted_at),
      handledAt: iso(row.handled_at),
      closedAt: iso(row.closed_at),
      evaluatedAt: iso(row.evaluated_at),
      warnedAt: iso(row.warned_at),
      overdueAt: iso(row.overdue_at),
    },
    counters: {
      rework: row.rework_count,
      returns: row.return_count,
      reopens: row.reopen_count,
      supervisions: row.supervision_count,
      extensions: row.extension_count,
      meToo: row.me_too_count,
      escalationLevel: row.escalation_level,
    },
    mergedIntoId: row.merged_into_id,
    mergedCases: extra.mergedCases ?? [],
    rating: row.rating,
    ratingComment: row.rating_comment,
    /** 问题是否解决 as the reporter answered at evaluation (null before) */
    solved: row.solved,
    /** working days from the latest dispatch to the feedback (null before a feedback) */
    handlingWorkDays: row.handling_work_days,
    pendingExtension: row.pending_extension,
    resultNote: row.result_note,
    lastReturnReason: row.last_return_reason,
    version: row.version,
    ...(extra.availableActions ? { availableActions: extra.availableActions } : {}),
    ...(extra.events ? { events: extra.events.map((e) => presentEvent(e, places)) } : {}),
    ...(extra.photos ? { photos: extra.photos.map(presentPhoto) } : {}),
  };
}

export function presentEvent(e: CaseEventRow, places: PlaceDirectory) {
  return {
    seq: e.seq,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    at: e.at.toISOString(),
    actorRole: e.actor_role,
    actorUnit: presentUnitRef(places, e.actor_unit_code),
    actorUserId: e.actor_user_id,
    note: e.note,
    data: e.data,
  };
}
