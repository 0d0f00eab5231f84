// Writes one audit record, chained to the previous one (chain.ts). Appends are serialised by a
// transaction-scoped advisory lock: the newest row's hash is read and the new id taken under it.
// Inside a caller's transaction (`trx`) the record commits or rolls back with the caller's work,
// and a failed write throws (fails closed). Outside one, it opens its own transaction; a failure
// throws for actions that disclose personal data (nothing leaves without a record) and is logged
// loudly for the rest (a broken audit table must not lock everybody out of signing in).
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import type { Db } from "../db/connect.ts";
import type { Services } from "../services.ts";
import { AUDIT_CHAIN_LOCK, auditKey, type ChainedFields, chainHash } from "./chain.ts";
import { scrubDetail } from "./scrub-detail.ts";

export interface AuditEntry {
  actor: Actor | null;
  /** when there is no actor yet (sign-in), the username tried */
  username?: string;
  /** who acted when that is not a signed-in staff actor (e.g. a citizen's step: role only) */
  as?: { userId: string | null; role: string | null; unitCode: string | null };
  action: string;
  objectType?: string;
  objectId?: string;
  outcome: "success" | "failure" | "denied";
  ip?: string | null;
  detail?: Record<string, unknown>;
  /** throw when the record cannot be written, even outside a transaction */
  failClosed?: boolean;
}

/** Actions that disclose personal data: never without their audit record. */
const DISCLOSING = /^(case\.view|case\.export|case\.reporter-phone|hotline\.caller-history)/;

export type AuditServices = Pick<Services, "db" | "clock" | "logger" | "config">;

/** Per request: whether a use case already recorded a refusal or failure (then no generic access.denied). */
export const auditRequestState = new AsyncLocalStorage<{ refusalRecorded: boolean }>();

export async function recordAudit(services: AuditServices, entry: AuditEntry, trx?: Db): Promise<void> {
  try {
    if (trx) await appendAudit(trx, services, entry);
    else await services.db.transaction().execute((t) => appendAudit(t, services, entry));
    if (entry.outcome !== "success") {
      const state = auditRequestState.getStore();
      if (state) state.refusalRecorded = true;
    }
  } catch (err) {
    services.logger.error({ err, action: entry.action }, "audit write failed");
    if (trx || entry.failClosed || DISCLOSING.test(entry.action)) throw err;
  }
}

/** The chain's newest row (id order), read under the chain lock. */
export async function chainHead(trx: Db): Promise<{ id: number; hash: Buffer | null } | undefined> {
  const head = await trx
    .selectFrom("audit_log")
    .select(["id", "hash"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return head ? { id: Number(head.id), hash: head.hash } : undefined;
}

async function appendAudit(trx: Db, services: AuditServices, entry: AuditEntry): Promise<void> {
  const key = auditKey(services.config);
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const head = await chainHead(trx);
  const next = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('audit_log', 'id'))::bigint as id`
    .execute(trx)
    .then((r) => r.rows[0]);
  const actor = entry.actor;
  const row: ChainedFields = {
    id: Number(next?.id),
    at: services.clock.now(),
    user_id: actor?.userId ?? entry.as?.userId ?? null,
    username: actor?.username ?? entry.username ?? null,
    unit_code: actor?.unit.code ?? entry.as?.unitCode ?? null,
    role: actor?.roles.join(",") ?? entry.as?.role ?? null,
    action: entry.action,
    object_type: entry.objectType ?? null,
    object_id: entry.objectId ?? null,
    outcome: entry.outcome,
    ip: entry.ip ?? null,
    // what jsonb will give back: no undefined, Dates as strings; phones and ID numbers masked
    detail: scrubDetail(JSON.parse(JSON.stringify(entry.detail ?? {}))) as Record<string, unknown>,
  };
  const prevHash = head?.hash ?? null;
  const hash = chainHash(key, prevHash, row);
  await trx
    .insertInto("audit_log")
    .values({
      ...row,
      id: String(row.id),
      outcome: entry.outcome,
      detail: JSON.stringify(row.detail),
      prev_hash: prevHash,
      hash,
    })
    .execute();
}
