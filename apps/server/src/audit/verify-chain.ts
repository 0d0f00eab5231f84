// Recomputes the audit hash chain in id order, in batches, inside one repeatable-read snapshot, and
// reports the first broken link. After a retention purge the first remaining row is the anchor: its
// prev_hash must be the `lastPurgedHash` an `audit.purge` record carries (that record is itself in
// the chain, so it cannot be forged without the key); otherwise rows were deleted outside a purge.
import type { Db } from "../db/connect.ts";
import type { Anchor } from "./anchors.ts";
import { chainHash } from "./chain.ts";

export interface BrokenLink {
  id: number;
  problem: "unhashed" | "hash" | "prev_hash" | "anchor" | "head";
  message: string;
}

export interface ChainReport {
  ok: boolean;
  rows: number;
  firstId: number | null;
  lastId: number | null;
  /** the first row's id when earlier rows were purged (its prev_hash is the purge's last hash) */
  anchoredAfterPurge: number | null;
  broken: BrokenLink | null;
  /** the newest row's hash (hex), what the daily job records outside the database */
  lastHash: string | null;
  /** heads recorded outside the database (anchors.ts) that were checked */
  headsChecked: number;
}

export const PURGE_ACTION = "audit.purge";

const hex = (b: Buffer | null) => (b ? b.toString("hex") : "null");

/** `heads`: chain heads recorded outside the database; each must still be there with its hash. */
export async function verifyAuditChain(
  db: Db,
  key: Buffer,
  batchSize = 1000,
  heads: readonly Anchor[] = [],
): Promise<ChainReport> {
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const report: ChainReport = {
        ok: true,
        rows: 0,
        firstId: null,
        lastId: null,
        anchoredAfterPurge: null,
        broken: null,
        lastHash: null,
        headsChecked: 0,
      };
      const purgedHashes = new Set<string>();
      let anchor: { id: number; prevHash: string } | null = null;
      let prev: { id: number; hash: Buffer } | null = null;
      let after = -1;
      for (;;) {
        const rows = await trx
          .selectFrom("audit_log")
          .selectAll()
          .where("id", ">", String(after))
          .orderBy("id")
          .limit(batchSize)
          .execute();
        for (const row of rows) {
          const id = Number(row.id);
          report.rows++;
          report.firstId ??= id;
          report.lastId = id;
          const fail = (problem: BrokenLink["problem"], message: string) => {
            report.ok = false;
            report.broken = { id, problem, message };
          };
          if (!row.hash) {
            fail("unhashed", `row ${id} has no hash`);
            return report;
          }
          if (prev === null) {
            if (row.prev_hash) anchor = { id, prevHash: row.prev_hash.toString("hex") };
          } else if (!row.prev_hash?.equals(prev.hash)) {
            fail(
              "prev_hash",
              `row ${id}: prev_hash ${hex(row.prev_hash)} is not the hash of row ${prev.id} (${hex(prev.hash)}): a row between them was removed or rewritten`,
            );
            return report;
          }
          const expected = chainHash(key, row.prev_hash, row);
          if (!expected.equals(row.hash)) {
            fail(
              "hash",
              `row ${id}: stored hash ${hex(row.hash)} differs from the recomputed ${hex(expected)}: the row was changed`,
            );
            return report;
          }
          if (row.action === PURGE_ACTION && typeof row.detail?.lastPurgedHash === "string") {
            purgedHashes.add(row.detail.lastPurgedHash);
          }
          prev = { id, hash: row.hash };
        }
        if (rows.length < batchSize) break;
        after = Number(rows[rows.length - 1]?.id);
      }
      report.lastHash = prev ? (prev as { hash: Buffer }).hash.toString("hex") : null;
      if (anchor) {
        if (!purgedHashes.has(anchor.prevHash)) {
          report.ok = false;
          report.broken = {
            id: anchor.id,
            problem: "anchor",
            message: `row ${anchor.id} follows a row that is gone (prev_hash ${anchor.prevHash}) and no audit.purge record names it: rows were deleted outside the retention purge`,
          };
        } else report.anchoredAfterPurge = anchor.id;
      }
      if (report.ok) await checkHeads(trx, heads, report);
      return report;
    });
}

/** Rows older than the first remaining one were purged; every later recorded head must be intact. */
async function checkHeads(trx: Db, heads: readonly Anchor[], report: ChainReport): Promise<void> {
  const live = heads.filter((h) => report.firstId !== null && h.id >= report.firstId);
  const gone = report.firstId === null ? heads : [];
  const ids = live.map((h) => String(h.id));
  const rows = ids.length
    ? await trx.selectFrom("audit_log").select(["id", "hash"]).where("id", "in", ids).execute()
    : [];
  const found = new Map(rows.map((r) => [Number(r.id), r.hash?.toString("hex") ?? null]));
  report.headsChecked = live.length + gone.length;
  for (const h of [...gone, ...live]) {
    const hash = found.get(h.id);
    if (hash === h.hash) continue;
    report.ok = false;
    report.broken = {
      id: h.id,
      problem: "head",
      message:
        hash === undefined
          ? `row ${h.id}, recorded outside the database on ${h.at} as the chain's head, is gone: the newest rows were deleted`
          : `row ${h.id}, recorded outside the database on ${h.at} as the chain's head, has another hash now: the chain was rewritten`,
    };
    return;
  }
}
