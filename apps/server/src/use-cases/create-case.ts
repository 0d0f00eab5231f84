// Intake: locate the point, route by the responsibility list, set the time limit, store the case and
// its first event in one transaction. An Idempotency-Key makes retries return the same case.
import { createHash } from "node:crypto";
import { can, DEFAULT_LIMIT_DAYS, deadlinesFor, type Place, routeCase } from "@civicgrid/domain";
import type { CaseSource } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { linkPhotos } from "../attachments/link-photos.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { nextCaseCode } from "../cases/case-code.ts";
import { resolveOnCall } from "../cases/resolve-on-call.ts";
import { findResponsibility } from "../cases/responsibility.ts";
import type { Db } from "../db/connect.ts";
import type { CaseRow } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { hashPublicToken } from "../media/owner.ts";
import { isValidIdNumber } from "../pii/mask.ts";
import { caseVector } from "../search/case-document.ts";
import type { Services } from "../services.ts";

export interface CreateCaseInput {
  description: string;
  lat: number;
  lng: number;
  title?: string;
  categoryCode?: string;
  address?: string;
  source: CaseSource;
  /** personal data: stored sealed (services.pii), shown masked; idNumber is an 18-character resident ID */
  reporter?: { name?: string; phone?: string; idNumber?: string };
  /** photos uploaded beforehand by the same user (POST /attachments), linked in the same transaction */
  photoIds?: string[];
}

export interface CreateCaseOptions {
  services: Services;
  actor: Actor | null;
  input: CreateCaseInput;
  idempotencyKey?: string;
  /**
   * Anonymous intake (citizen portal): the token the citizen's browser uploaded its photos with, so
   * that `input.photoIds` may name them. Only that token's photos can be linked.
   */
  publicToken?: string;
  /** 直接办结: a consultation answered on the call, closed (resolve-direct) in the same transaction */
  resolveDirect?: { answer: string };
  /** the client's address, for the audit record of a resolve-direct (not part of the idempotency hash) */
  ip?: string | null;
  /** a ticket imported from the 12345 system: its ticket number (unique) and when the hotline took it */
  imported?: { ticketNo: string; receivedAt: Date };
  /**
   * Who an Idempotency-Key belongs to when there is no staff actor (e.g. `open311:<client id>`); a
   * citizen's keys belong to their browser token.
   */
  idempotencyScope?: string;
  /** records that must exist exactly when the case does (a receipt, a protocol's side row): same transaction */
  within?: (trx: Db, created: CaseRow) => Promise<void>;
}

export interface CreateCaseResult {
  row: CaseRow;
  replayed: boolean;
}

export function locateOrFail(services: Services, lat: number, lng: number): Place {
  const place = services.places.locate(lat, lng);
  if (!place) throw new AppError("LOCATION_OUTSIDE_CITY", { lat, lng });
  return place;
}

function requestHash(input: CreateCaseInput, resolveDirect: CreateCaseOptions["resolveDirect"]): string {
  // canonical: sorted keys, so the same body in another key order is the same request
  const canonical = JSON.stringify({ input, resolveDirect }, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
  return createHash("sha256").update(canonical).digest("hex");
}

export async function createCase({
  services,
  actor,
  input,
  idempotencyKey,
  publicToken,
  resolveDirect,
  imported,
  idempotencyScope,
  within,
  ip,
}: CreateCaseOptions): Promise<CreateCaseResult> {
  const { db, places, clock, calendar } = services;
  if (actor && !can(actor.roles, "case:create")) throw new AppError("FORBIDDEN");
  const idNumber = input.reporter?.idNumber?.trim();
  if (idNumber && !isValidIdNumber(idNumber)) {
    throw new AppError("VALIDATION_FAILED", { field: "reporter.idNumber", problem: "an 18-character resident ID" });
  }
  const scope = keyScopeOf({ actor, publicToken, idempotencyScope });
  const hash = requestHash(input, resolveDirect);
  if (idempotencyKey) {
    const replay = await findReplay(db, scope, idempotencyKey, hash);
    if (replay) return { row: replay, replayed: true };
  }

  const place = locateOrFail(services, input.lat, input.lng);
  let category: { code: string; name: string } | undefined;
  if (input.categoryCode) {
    category = await db
      .selectFrom("categories")
      .select(["code", "name"])
      .where("code", "=", input.categoryCode)
      .where("active", "=", true)
      .executeTakeFirst();
    if (!category) throw new AppError("UNKNOWN_CATEGORY", { categoryCode: input.categoryCode });
  }
  const entry = category ? await findResponsibility(db, category.code) : null;
  const route = routeCase(place, entry, places);
  const centre = places.centreOf(place.township) ?? places.centreOf(place.district);
  if (!centre) throw new AppError("UNKNOWN_UNIT", { place });

  // an imported ticket's time limit runs from when the hotline took the call
  const now = imported?.receivedAt ?? clock.now();
  const limitDays = route.limitDays ?? DEFAULT_LIMIT_DAYS;
  const { dueAt, warnAt } = deadlinesFor(calendar, now, limitDays);
  const communityName = places.division(place.community)?.name ?? "";
  const title = input.title?.trim() || defaultTitle(input.description, category?.name, communityName);

  try {
    const row = await db.transaction().execute(async (trx) => {
      const code = await nextCaseCode(trx, now);
      const reporterColumns = services.pii.reporterColumns({ ...input.reporter, address: input.address });
      const description = input.description.trim();
      const created = await trx
        .insertInto("cases")
        .values({
          code,
          title,
          description,
          source: input.source,
          category_code: category?.code ?? null,
          status: "reported",
          lat: input.lat,
          lng: input.lng,
          ...reporterColumns,
          grid_code: place.grid,
          community_code: place.community,
          township_code: place.township,
          district_code: place.district,
          city_code: place.city,
          reported_by: actor?.userId ?? null,
          centre_unit_code: centre,
          involved_unit_codes: [centre],
          suggested_unit_code: route.unitCode,
          owner_unit_code: null,
          routing_rule: route.rule,
          routing_reason: JSON.stringify(route.reason),
          limit_days: limitDays,
          reported_at: now,
          due_at: dueAt,
          warn_at: warnAt,
          external_ticket_no: imported?.ticketNo ?? null,
          // 020: what the search finds (search/case-document.ts); notes are appended by transitions
          search_tokens: caseVector({ code, title, description, address_area: reporterColumns.address_area }),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("case_events")
        .values({
          case_id: created.id,
          seq: 1,
          action: "report",
          from_status: null,
          to_status: "reported",
          actor_user_id: actor?.userId ?? null,
          actor_role: actor?.roles[0] ?? null,
          actor_unit_code: actor?.unit.code ?? null,
          at: now,
          note: null,
          data: JSON.stringify({ source: input.source, gridCode: place.grid, suggestedUnit: route.unitCode }),
        })
        .execute();
      // the first transition (report) is audited like every other: in its transaction
      await recordAudit(
        services,
        {
          actor,
          action: "case.report",
          objectType: "case",
          objectId: created.id,
          outcome: "success",
          ip: ip ?? null,
          detail: { code: created.code, from: null, to: "reported", seq: 1, source: input.source },
        },
        trx,
      );
      await linkPhotos({
        trx,
        caseId: created.id,
        stage: "report",
        photoIds: input.photoIds ?? [],
        userId: actor?.userId ?? null,
        publicToken,
        now,
      });
      if (idempotencyKey) {
        // the primary key serialises concurrent retries: the loser's insert fails and it replays
        await trx
          .insertInto("idempotency_keys")
          .values({ scope, key: idempotencyKey, request_hash: hash, case_id: created.id })
          .execute();
      }
      if (within) await within(trx, created);
      if (!resolveDirect) return created;
      return resolveOnCall({ services, trx, row: created, actor, answer: resolveDirect.answer, now, ip });
    });
    services.events.emit("case", {
      caseId: row.id,
      code: row.code,
      action: "report",
      fromStatus: null,
      toStatus: "reported",
      at: now,
    });
    if (resolveDirect) {
      const change = { caseId: row.id, code: row.code, fromStatus: "reported", toStatus: row.status, at: now };
      services.events.emit("case", { ...change, action: "resolve-direct" });
    }
    return { row, replayed: false };
  } catch (err) {
    if (idempotencyKey && (err as { code?: string }).code === "23505") {
      const replay = await findReplay(db, scope, idempotencyKey, hash);
      if (replay) return { row: replay, replayed: true };
    }
    throw err;
  }
}

function keyScopeOf({ actor, publicToken, idempotencyScope }: Partial<CreateCaseOptions>): string {
  if (actor) return `user:${actor.userId}`;
  return publicToken ? `public:${hashPublicToken(publicToken)}` : (idempotencyScope ?? "anonymous");
}

/**
 * The case an Idempotency-Key already created for this request, looked up before a channel does
 * anything that cannot be repeated (e.g. spending a one-time code); IDEMPOTENCY_KEY_REUSED when the
 * key was used for another request.
 */
export async function findCreateReplay(
  options: Pick<
    CreateCaseOptions,
    "services" | "actor" | "input" | "publicToken" | "idempotencyScope" | "resolveDirect"
  > & {
    idempotencyKey: string;
  },
): Promise<CaseRow | null> {
  const hash = requestHash(options.input, options.resolveDirect);
  return findReplay(options.services.db, keyScopeOf(options), options.idempotencyKey, hash);
}

async function findReplay(db: Db, scope: string, key: string, hash: string): Promise<CaseRow | null> {
  const existing = await db
    .selectFrom("idempotency_keys")
    .innerJoin("cases", "cases.id", "idempotency_keys.case_id")
    .selectAll("cases")
    .select("idempotency_keys.request_hash")
    .where("idempotency_keys.scope", "=", scope)
    .where("idempotency_keys.key", "=", key)
    .executeTakeFirst();
  if (!existing) return null;
  if (existing.request_hash !== hash) throw new AppError("IDEMPOTENCY_KEY_REUSED");
  const { request_hash: _ignored, ...row } = existing;
  return row as CaseRow;
}

function defaultTitle(description: string, categoryName: string | undefined, communityName: string): string {
  if (categoryName) return `${communityName}${categoryName}`.slice(0, 60);
  const firstLine = description.trim().split(/[\n。!?！？]/)[0] ?? "";
  return firstLine.slice(0, 40) || "群众反映问题";
}
