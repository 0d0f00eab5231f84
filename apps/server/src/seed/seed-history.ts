// Demo mode: a year of case history in the database. The reference data comes from the tables just
// seeded (so routing matches live intake), the texts from seed-data/case-texts.json. Everything is
// inserted in one transaction — a crash leaves no half history — one statement per chunk of cases
// (INSERT … SELECT FROM unnest(…), one array parameter per column, cases and their events together),
// while the next chunk is being generated: 78k cases and ~570k events in about 40 statements.

import { randomUUID } from "node:crypto";
import type { ResponsibilityEntry, WorkCalendar } from "@civicgrid/domain";
import type { DivisionLevel, HandlerKind, UnitType } from "@civicgrid/shared";
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { Logger } from "../logger.ts";
import type { Pii, ReporterColumns } from "../pii/pii.ts";
import { fullCaseVector, SYSTEM_EVENT_ACTIONS } from "../search/case-document.ts";
import {
  type CaseTexts,
  type HistoryCase,
  type HistoryEvent,
  type HistoryReference,
  historyChunks,
} from "./history-generator.ts";
import { readSeedJson } from "./seed-data.ts";
import { GRID_WORKER_USERNAME_SQL } from "./seed-demo-workers.ts";

export interface SeedHistoryOptions {
  db: Db;
  logger: Logger;
  count: number;
  /** the history ends here */
  now: Date;
  calendar: WorkCalendar;
  /** the reporters' personal data is written sealed, as live intake writes it */
  pii: Pii;
  seed?: number;
}

export interface SeedHistoryResult {
  cases: number;
  events: number;
  ms: number;
}

/** cases per statement, with their ~15,000 events: small enough that generating and writing overlap well */
const CHUNK = 2_000;

export async function seedHistory(opts: SeedHistoryOptions): Promise<SeedHistoryResult> {
  const started = performance.now();
  const { db, logger } = opts;
  if (opts.count <= 0) return { cases: 0, events: 0, ms: 0 };
  const existing = await db.selectFrom("cases").select("id").limit(1).executeTakeFirst();
  if (existing) {
    // history belongs to a fresh database only; never mix it into real cases
    logger.info("cases already present: demo history not generated");
    return { cases: 0, events: 0, ms: 0 };
  }
  const ref = await loadReference(db);
  const result = await db.transaction().execute(async (trx) => {
    // live intake numbers cases through this table: hold it so seeded serials and live ones never meet
    await sql`lock table case_code_counters in exclusive mode`.execute(trx);
    // the rollup triggers (017) are off for the load: one rebuild at the end counts every case once
    await sql`set local civicgrid.rollup_bulk = 'on'`.execute(trx);
    const counters = await trx.selectFrom("case_code_counters").select(["day", "n"]).execute();
    const workers = await gridWorkersByGrid(trx);
    const chunks = historyChunks(
      {
        count: opts.count,
        now: opts.now,
        calendar: opts.calendar,
        ref,
        seed: opts.seed,
        newId: randomUUID,
        codeOffsets: new Map(counters.map((c) => [String(c.day), c.n])),
      },
      CHUNK,
    );
    // PostgreSQL writes one chunk while the next is generated (two cores, two jobs)
    let generateMs = 0;
    let waitMs = 0;
    let cases = 0;
    let t = performance.now();
    let step = chunks.next();
    let query = step.done ? null : chunkInsert(step.value, opts.pii, workers);
    generateMs += performance.now() - t;
    while (query) {
      cases += step.done ? 0 : step.value.length;
      const running = query.execute(trx);
      await new Promise((resolve) => setImmediate(resolve)); // let the statement reach the socket
      t = performance.now();
      step = chunks.next();
      query = step.done ? null : chunkInsert(step.value, opts.pii, workers);
      generateMs += performance.now() - t;
      t = performance.now();
      await running;
      waitMs += performance.now() - t;
    }
    if (!step.done) throw new Error("history: generator stopped early");
    const history = step.value;
    t = performance.now();
    const days = [...history.counters.keys()];
    await sql`
      insert into case_code_counters (day, n)
      select * from unnest(${days}::date[], ${days.map((d) => history.counters.get(d))}::int4[])
      on conflict (day) do update set n = greatest(case_code_counters.n, excluded.n)`.execute(trx);
    // fresh statistics: the first dashboards query a table that was empty a moment ago
    await sql`analyze cases`.execute(trx);
    // the screen's and assessment's rollups, recomputed from the cases just written (017)
    await sql`select case_rollup_rebuild()`.execute(trx);
    await sql`analyze case_events`.execute(trx);
    return {
      cases,
      events: history.eventCount,
      generateMs: Math.round(generateMs),
      waitMs: Math.round(waitMs),
      finishMs: Math.round(performance.now() - t),
    };
  });
  const ms = Math.round(performance.now() - started);
  logger.info({ ...result, ms }, "seeded demo case history");
  return { cases: result.cases, events: result.events, ms };
}

/**
 * The demo worker of each grid (seed-demo-workers.ts): grid-channel cases are reported by them, so
 * the assessment ranks grid workers. A fixed mapping, so the history stays deterministic.
 */
export async function gridWorkersByGrid(db: Db): Promise<ReadonlyMap<string, string>> {
  const rows = await db
    .selectFrom("users")
    .select(["id", "username"])
    .where("username", "~", GRID_WORKER_USERNAME_SQL)
    .execute();
  return new Map(rows.map((r) => [r.username.slice(2), r.id]));
}

/** The reference data as the live server sees it. */
export async function loadReference(db: Db): Promise<HistoryReference> {
  const [divisions, grids, units, categories, entries] = await Promise.all([
    db.selectFrom("divisions").selectAll().execute(),
    db.selectFrom("grids").select(["code", "community_code", "name", "geometry"]).execute(),
    db.selectFrom("units").selectAll().execute(),
    db.selectFrom("categories").select(["code", "name", "kind", "parent_code"]).where("active", "=", true).execute(),
    db.selectFrom("responsibility_entries").selectAll().execute(),
  ]);
  return {
    divisions: divisions.map((d) => ({
      code: d.code,
      name: d.name,
      parentCode: d.parent_code,
      level: d.level as DivisionLevel,
    })),
    grids: grids.map((g) => ({ code: g.code, communityCode: g.community_code, name: g.name, coordinates: g.geometry })),
    units: units.map((u) => ({
      code: u.code,
      type: u.type as UnitType,
      level: u.level as DivisionLevel,
      divisionCode: u.division_code,
      departmentKind: u.department_kind,
      active: u.active,
    })),
    categories: categories.map((c) => ({ code: c.code, name: c.name, kind: c.kind, parentCode: c.parent_code })),
    responsibility: entries.map(
      (e): ResponsibilityEntry => ({
        categoryCode: e.category_code,
        handlerKind: e.handler_kind as HandlerKind,
        level: e.level as DivisionLevel,
        limitDays: Number(e.limit_days),
        territorial: e.territorial,
      }),
    ),
    texts: readSeedJson<CaseTexts>("case-texts.json"),
  };
}

type Column<T> = [name: string, type: string, value: (row: T) => unknown];

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
/** A text[] value as an array literal; unnest would flatten a real 2-D array. */
const textArray = (items: readonly string[]) => arrayLiteral(items);

type SealedCase = HistoryCase & { pii: ReporterColumns; reportedBy: string | null };

const CASE_COLUMNS: Column<SealedCase>[] = [
  ["id", "uuid", (c) => c.id],
  ["code", "text", (c) => c.code],
  ["title", "text", (c) => c.title],
  ["description", "text", (c) => c.description],
  ["source", "text", (c) => c.source],
  ["reported_by", "uuid", (c) => c.reportedBy],
  ["category_code", "text", (c) => c.categoryCode],
  ["status", "text", (c) => c.status],
  ["lat", "float8", (c) => c.lat],
  ["lng", "float8", (c) => c.lng],
  ["address_area", "text", (c) => c.pii.address_area],
  ["address_enc", "text", (c) => c.pii.address_enc],
  ["grid_code", "text", (c) => c.gridCode],
  ["community_code", "text", (c) => c.communityCode],
  ["township_code", "text", (c) => c.townshipCode],
  ["district_code", "text", (c) => c.districtCode],
  ["city_code", "text", (c) => c.cityCode],
  ["reporter_name_enc", "text", (c) => c.pii.reporter_name_enc],
  ["reporter_name_masked", "text", (c) => c.pii.reporter_name_masked],
  ["reporter_phone_enc", "text", (c) => c.pii.reporter_phone_enc],
  ["reporter_phone_masked", "text", (c) => c.pii.reporter_phone_masked],
  ["reporter_phone_hash", "text", (c) => c.pii.reporter_phone_hash],
  ["centre_unit_code", "text", (c) => c.centreUnitCode],
  ["owner_unit_code", "text", (c) => c.ownerUnitCode],
  ["assist_unit_codes", "text[]", (c) => textArray(c.assistUnitCodes)],
  ["involved_unit_codes", "text[]", (c) => textArray(c.involvedUnitCodes)],
  ["dispatcher_unit_code", "text", (c) => c.dispatcherUnitCode],
  ["suggested_unit_code", "text", (c) => c.suggestedUnitCode],
  ["routing_rule", "text", (c) => c.routingRule],
  ["routing_reason", "jsonb", (c) => json(c.routingReason)],
  ["limit_days", "numeric", (c) => c.limitDays],
  ["reported_at", "timestamptz", (c) => iso(c.reportedAt)],
  ["registered_at", "timestamptz", (c) => iso(c.registeredAt)],
  ["dispatched_at", "timestamptz", (c) => iso(c.dispatchedAt)],
  ["accept_due_at", "timestamptz", (c) => iso(c.acceptDueAt)],
  ["accepted_at", "timestamptz", (c) => iso(c.acceptedAt)],
  ["handled_at", "timestamptz", (c) => iso(c.handledAt)],
  ["closed_at", "timestamptz", (c) => iso(c.closedAt)],
  ["evaluated_at", "timestamptz", (c) => iso(c.evaluatedAt)],
  ["due_at", "timestamptz", (c) => iso(c.dueAt)],
  ["warn_at", "timestamptz", (c) => iso(c.warnAt)],
  ["warned_at", "timestamptz", (c) => iso(c.warnedAt)],
  ["overdue_at", "timestamptz", (c) => iso(c.overdueAt)],
  ["escalation_level", "int4", (c) => c.escalationLevel],
  ["next_escalation_at", "timestamptz", (c) => iso(c.nextEscalationAt)],
  ["rework_count", "int4", (c) => c.reworkCount],
  ["return_count", "int4", (c) => c.returnCount],
  ["reopen_count", "int4", (c) => c.reopenCount],
  ["supervision_count", "int4", (c) => c.supervisionCount],
  ["extension_count", "int4", (c) => c.extensionCount],
  ["me_too_count", "int4", (c) => c.meTooCount],
  ["merged_into_id", "uuid", (c) => c.mergedIntoId],
  ["rating", "text", (c) => c.rating],
  ["rating_comment", "text", (c) => c.ratingComment],
  ["solved", "bool", (c) => c.solved],
  ["handling_work_days", "numeric", (c) => c.handlingWorkDays],
  ["pending_extension", "jsonb", (c) => json(c.pendingExtension)],
  ["result_note", "text", (c) => c.resultNote],
  ["last_return_reason", "text", (c) => c.lastReturnReason],
  ["version", "int4", (c) => c.version],
  ["updated_at", "timestamptz", (c) => iso(c.updatedAt)],
  // 020: the search tokens, as live intake and transitions write them (search/case-document.ts)
  ["search_tokens", "tsvector", searchTokensOf],
];

function searchTokensOf(c: SealedCase): string {
  const notes = c.events.filter((e) => e.note && !SYSTEM_EVENT_ACTIONS.includes(e.action)).map((e) => e.note!);
  return fullCaseVector(
    {
      code: c.code,
      title: c.title,
      description: c.description,
      address_area: c.pii.address_area,
      result_note: c.resultNote,
      rating_comment: c.ratingComment,
      last_return_reason: c.lastReturnReason,
    },
    notes,
  );
}

const EVENT_COLUMNS: Column<EventRow>[] = [
  ["case_id", "uuid", (r) => r.caseId],
  ["seq", "int4", (r) => r.e.seq],
  ["action", "text", (r) => r.e.action],
  ["from_status", "text", (r) => r.e.fromStatus],
  ["to_status", "text", (r) => r.e.toStatus],
  ["actor_role", "text", (r) => r.e.actorRole],
  ["actor_user_id", "uuid", (r) => (r.e.seq === 1 ? r.reportedBy : null)],
  ["actor_unit_code", "text", (r) => r.e.actorUnitCode],
  ["at", "timestamptz", (r) => r.e.at.toISOString()],
  ["note", "text", (r) => r.e.note],
  ["data", "jsonb", (r) => JSON.stringify(r.e.data)],
];

type EventRow = { caseId: string; reportedBy: string | null; e: HistoryEvent };

/** One statement for a chunk: the cases (in a CTE) and their events; foreign keys are checked at its end. */
function chunkInsert(history: HistoryCase[], pii: Pii, workers: ReadonlyMap<string, string>): RawBuilder<unknown> {
  const events: EventRow[] = [];
  const cases: SealedCase[] = history.map((c) => {
    const reportedBy = c.source === "grid" ? (workers.get(c.gridCode) ?? null) : null;
    for (const e of c.events) events.push({ caseId: c.id, reportedBy, e });
    return Object.assign(c, {
      pii: pii.reporterColumns({ name: c.reporterName, phone: c.reporterPhone, address: c.address }),
      reportedBy,
    });
  });
  return sql`with inserted_cases as (${unnestInsert("cases", CASE_COLUMNS, cases)})
    ${unnestInsert("case_events", EVENT_COLUMNS, events)}`;
}

/**
 * INSERT … SELECT FROM unnest($1::t1[], $2::t2[], …): one parameter per column, each sent as a
 * ready-made array literal. Array and json columns travel as text and are cast per row, since unnest
 * flattens multi-dimensional arrays.
 */
function unnestInsert<T>(table: string, columns: Column<T>[], rows: readonly T[]): RawBuilder<unknown> {
  const textual = (type: string) => type === "jsonb" || type.endsWith("[]");
  const params = columns.map(
    ([, type, value]) => sql`${arrayLiteral(rows.map(value))}::${sql.raw(textual(type) ? "text" : type)}[]`,
  );
  const names = columns.map(([name]) => sql.ref(name));
  const select = columns.map(([name, type]) =>
    textual(type) ? sql`${sql.ref(`t.${name}`)}::${sql.raw(type)}` : sql.ref(`t.${name}`),
  );
  return sql`insert into ${sql.table(table)} (${sql.join(names)})
    select ${sql.join(select)} from unnest(${sql.join(params)}) as t(${sql.join(names)})`;
}

const NEEDS_ESCAPE = /["\\]/;

/** PostgreSQL array literal of scalars: {"a",NULL,3}. */
function arrayLiteral(values: readonly unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = "NULL";
    else if (typeof v === "number") parts[i] = String(v);
    else {
      const s = String(v);
      parts[i] = `"${NEEDS_ESCAPE.test(s) ? s.replace(/["\\]/g, "\\$&") : s}"`;
    }
  }
  return `{${parts.join(",")}}`;
}
