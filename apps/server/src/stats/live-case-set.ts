// The big screen's live points kept in memory: every open case and every case closed in the last
// 24 hours, with its place codes. Like the rollups it is maintained incrementally instead of being
// read from `cases` on each request: a full load at the first request (and every few minutes, which
// also drops closures that aged out and catches writes made outside the use cases, such as seeding),
// then only the cases named by committed "case" events are read again, by id. A city at the
// article's scale holds a few thousand live cases; ten million cases of history leave tens of
// thousands, a few MiB. Each server process keeps its own set (the event bus is per process).
import type { EventEmitter } from "node:events";
import type { Place } from "@civicgrid/domain";
import { CASE_STATUSES, type CaseStatus, TERMINAL_STATUSES } from "@civicgrid/shared";
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import type { PointRow } from "./live-queries.ts";
import type { ScreenLevel } from "./screen-scope.ts";

// open = not terminal; of the terminal ones only closures are shown (not rejected or merged cases)
const LIVE_STATUSES = CASE_STATUSES.filter((st) => !TERMINAL_STATUSES.includes(st));
const CLOSED_STATUSES: readonly CaseStatus[] = ["closed", "evaluated"];
const OPEN = new Set<string>(LIVE_STATUSES);
const CLOSED = new Set<string>(CLOSED_STATUSES);
/** Beyond this many changed ids between two reads, one full load is cheaper than reading them by id. */
const MAX_PENDING = 5_000;

export interface LivePoint extends PointRow {
  closed_at: Date | null;
  place: Place;
}

export interface LiveCaseSetOptions {
  db: Db;
  events: EventEmitter;
  /** closures this recent are shown too */
  closedWindowMs: number;
  /** a full load at least this often */
  reloadMs?: number;
  now: () => Date;
}

export interface LiveQuery {
  level: ScreenLevel;
  code: string;
  limit: number;
}

const FIELD: Record<ScreenLevel, keyof Place> = {
  city: "city",
  district: "district",
  township: "township",
  community: "community",
  grid: "grid",
};

/** Open cases first (newest report first), then closures (latest first); ties by id. */
function compareLive(a: LivePoint, b: LivePoint): number {
  const ao = OPEN.has(a.status);
  const bo = OPEN.has(b.status);
  if (ao !== bo) return ao ? -1 : 1;
  const at = ao ? a.reported_at.getTime() : (a.closed_at?.getTime() ?? 0);
  const bt = bo ? b.reported_at.getTime() : (b.closed_at?.getTime() ?? 0);
  return bt - at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class LiveCaseSet {
  readonly #opts: Required<LiveCaseSetOptions>;
  #byId = new Map<string, LivePoint>();
  #sorted: LivePoint[] | null = null;
  #pending = new Set<string>();
  #overflow = false;
  #loadedAt = 0;
  #sync: Promise<void> | null = null;
  readonly #onCase = (change: { caseId: string }) => {
    if (this.#pending.size >= MAX_PENDING) this.#overflow = true;
    else this.#pending.add(change.caseId);
  };

  constructor(opts: LiveCaseSetOptions) {
    this.#opts = { reloadMs: 5 * 60_000, ...opts };
    opts.events.on("case", this.#onCase);
  }

  close(): void {
    this.#opts.events.off("case", this.#onCase);
  }

  /** The live points of a scope, capped, with the totals the cap hides. */
  async query(q: LiveQuery): Promise<{ rows: LivePoint[]; openTotal: number; closedTotal: number }> {
    await this.#fresh();
    const field = FIELD[q.level];
    const since = this.#opts.now().getTime() - this.#opts.closedWindowMs;
    const rows: LivePoint[] = [];
    let openTotal = 0;
    let closedTotal = 0;
    for (const p of this.#sortedPoints()) {
      if (p.place[field] !== q.code) continue;
      if (OPEN.has(p.status)) openTotal += 1;
      else if (p.closed_at && p.closed_at.getTime() > since) closedTotal += 1;
      else continue;
      if (rows.length < q.limit) rows.push(p);
    }
    return { rows, openTotal, closedTotal };
  }

  /** Brings the set up to date: a full load when due, otherwise the cases changed since the last read. */
  async #fresh(): Promise<void> {
    while (this.#sync) await this.#sync;
    const due = this.#opts.now().getTime() - this.#loadedAt >= this.#opts.reloadMs;
    if (!due && !this.#overflow && !this.#pending.size) return;
    this.#sync = (due || this.#overflow ? this.#loadAll() : this.#loadChanged()).finally(() => {
      this.#sync = null;
    });
    await this.#sync;
  }

  async #loadAll(): Promise<void> {
    // taken before the read: a change committed during it is read again next time
    this.#pending.clear();
    this.#overflow = false;
    const startedAt = this.#opts.now().getTime();
    const since = new Date(startedAt - this.#opts.closedWindowMs);
    const rows = await this.#select(
      sql`(c.status = any(${LIVE_STATUSES}::text[]) or (c.status = any(${CLOSED_STATUSES}::text[]) and c.closed_at > ${since}))`,
    );
    this.#byId = new Map(rows.map((r) => [r.id, r]));
    this.#sorted = null;
    this.#loadedAt = startedAt;
  }

  async #loadChanged(): Promise<void> {
    const ids = [...this.#pending];
    this.#pending.clear();
    const rows = await this.#select(sql`c.id = any(${ids}::uuid[])`);
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const row = found.get(id);
      if (row && (OPEN.has(row.status) || CLOSED.has(row.status))) this.#byId.set(id, row);
      else this.#byId.delete(id);
    }
    this.#sorted = null;
  }

  #sortedPoints(): LivePoint[] {
    if (!this.#sorted) this.#sorted = [...this.#byId.values()].sort(compareLive);
    return this.#sorted;
  }

  async #select(where: ReturnType<typeof sql>): Promise<LivePoint[]> {
    const r = await sql<PointRow & Record<string, unknown>>`
      select c.id, c.code, c.lat, c.lng, c.status, c.due_at, c.overdue_at, k.name as category_name, c.reported_at,
        c.closed_at, c.grid_code, c.community_code, c.township_code, c.district_code, c.city_code
      from cases c left join categories k on k.code = c.category_code
      where ${where}`.execute(this.#opts.db);
    return r.rows.map((row) => ({
      id: row.id,
      code: row.code,
      lat: row.lat,
      lng: row.lng,
      status: row.status,
      due_at: row.due_at,
      overdue_at: row.overdue_at,
      category_name: row.category_name,
      reported_at: row.reported_at,
      closed_at: row.closed_at as Date | null,
      place: {
        grid: String(row.grid_code ?? "").trim(),
        community: String(row.community_code ?? "").trim(),
        township: String(row.township_code ?? "").trim(),
        district: String(row.district_code ?? "").trim(),
        city: String(row.city_code ?? "").trim(),
      },
    }));
  }
}

const sets = new WeakMap<object, LiveCaseSet>();

/** The live set of an app's services, created at the first use (one per app and process). */
export function liveCasesOf(
  services: { db: Db; events: EventEmitter; clock: { now(): Date } },
  closedWindowMs: number,
): LiveCaseSet {
  let set = sets.get(services);
  if (!set) {
    set = new LiveCaseSet({
      db: services.db,
      events: services.events,
      closedWindowMs,
      now: () => services.clock.now(),
    });
    sets.set(services, set);
  }
  return set;
}

/** Stops listening (app close). */
export function closeLiveCases(services: object): void {
  sets.get(services)?.close();
  sets.delete(services);
}
