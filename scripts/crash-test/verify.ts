// The crash test's check, read straight from the database after the last restart: acknowledged
// reports exist exactly once, acknowledged transitions have their event, every history replays.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { findInvalidStep } from "@civicgrid/domain";
import type { CaseStatus } from "@civicgrid/shared";
import pg from "pg";

export interface Acked {
  kind: "staff" | "staff-nokey" | "portal";
  id?: string;
  code: string;
  key?: string;
  marker: string;
  receipt?: string;
}
export interface AckedAction {
  caseId: string;
  action: string;
  key: string;
}

/** The embedded cluster's superuser, on the data folder the server left. */
export async function adminClient(dataDir: string): Promise<pg.Client> {
  const password = readFileSync(path.join(dataDir, ".pg-password"), "utf8").trim();
  const port = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[3]);
  const db = new pg.Client({
    connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/civicgrid`,
  });
  db.on("error", () => {});
  await db.connect();
  return db;
}

// ---------------------------------------------------------------------------------------------
// the check

export interface VerifyCrashRunOptions {
  dataDir: string;
  acked: readonly Acked[];
  ackedActions: readonly AckedAction[];
}

/** Reads the database after the run; returns the violations found (empty when all is well). */
export async function verifyCrashRun({ dataDir, acked, ackedActions }: VerifyCrashRunOptions): Promise<string[]> {
  const db = await adminClient(dataDir);
  const out: string[] = [];
  try {
    const cases = await db.query<{ id: string; code: string; status: CaseStatus; description: string }>(
      "select id, code, status, description from cases where description like '%crash-%'",
    );
    const byMarker = new Map<string, { id: string; code: string }[]>();
    for (const row of cases.rows) {
      const marker = row.description.match(/crash-[0-9a-f-]{36}/)?.[0] ?? "";
      byMarker.set(marker, [...(byMarker.get(marker) ?? []), row]);
    }
    const ids = new Set(cases.rows.map((r) => r.id));
    for (const a of acked) {
      const found = byMarker.get(a.marker) ?? [];
      if (found.length !== 1) out.push(`${a.kind} report ${a.code} (${a.marker}) stored ${found.length} times`);
      if (a.id && !ids.has(a.id)) out.push(`${a.kind} report ${a.code}: acknowledged id ${a.id} is missing`);
      if (found[0] && found[0].code !== a.code)
        out.push(`${a.marker}: acknowledged ${a.code}, stored ${found[0].code}`);
      if (a.receipt) {
        const hash = createHash("sha256").update(a.receipt.replaceAll("-", "")).digest("hex");
        const r = await db.query(
          "select c.code from public_receipts p join cases c on c.id = p.case_id where receipt_hash = $1",
          [hash],
        );
        if (r.rows[0]?.code !== a.code)
          out.push(`portal report ${a.code}: its receipt finds ${r.rows[0]?.code ?? "nothing"}`);
      }
    }
    // every keyed request that was retried created nothing twice (any key, acknowledged or not)
    for (const [marker, rows] of byMarker) {
      if (rows.length > 1) out.push(`${marker}: ${rows.length} cases for one request`);
    }
    for (const a of ackedActions) {
      const r = await db.query(
        `select e.action from case_action_keys k join case_events e on e.case_id = k.case_id and e.seq = k.event_seq
          where k.key = $1 and k.case_id = $2`,
        [a.key, a.caseId],
      );
      if (r.rows[0]?.action !== a.action) out.push(`acknowledged ${a.action} on ${a.caseId} has no event`);
    }
    // every case (not only ours): a valid path, seq 1..n, state = last event's
    const events = await db.query<{
      case_id: string;
      seq: number;
      action: string;
      from_status: CaseStatus | null;
      to_status: CaseStatus;
    }>("select case_id, seq, action, from_status, to_status from case_events order by case_id, seq");
    const byCase = new Map<string, typeof events.rows>();
    for (const e of events.rows) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
    const all = await db.query<{ id: string; code: string; status: CaseStatus }>("select id, code, status from cases");
    for (const c of all.rows) {
      const list = byCase.get(c.id) ?? [];
      if (list.length === 0) {
        out.push(`case ${c.code} has no events`);
        continue;
      }
      if (list.some((e, i) => e.seq !== i + 1)) out.push(`case ${c.code}: event seq not 1..${list.length}`);
      const invalid = findInvalidStep(
        list.map((e) => ({ action: e.action, fromStatus: e.from_status, toStatus: e.to_status })),
      );
      if (invalid) out.push(`case ${c.code}: ${invalid}`);
      const last = list[list.length - 1];
      if (last && last.to_status !== c.status)
        out.push(`case ${c.code} is ${c.status} but its last event says ${last.to_status}`);
    }
    console.log(`checked ${all.rows.length} cases, ${events.rows.length} events, ${acked.length} acknowledged reports`);
  } finally {
    await db.end();
  }
  return out;
}
