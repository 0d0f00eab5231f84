// The big screen's live stream (Server-Sent Events). One hub per app: it listens once to
// services.events ("case" after each committed transition, "incident" from the emergency mode,
// "alert" from the analysis sweep),
// looks each case up once — not once per screen — and fans the event out to the screens whose scope
// contains it. Each screen's scope was checked against its viewer's jurisdiction when it connected.
//
// Slow screens are dropped: a socket that has more than MAX_BUFFERED_BYTES waiting is closed (the
// browser's EventSource reconnects). Every HEARTBEAT_MS a comment line keeps proxies from timing the
// connection out, and the sessions behind all streams are re-checked in one query, without touching
// them: a stream never keeps a session alive, and one revoked, expired or gone idle ends its stream.
import type { ServerResponse } from "node:http";
import type { Place } from "@civicgrid/domain";
import { sql } from "kysely";
import type { IncidentChange } from "../incidents/incident-records.ts";
import type { AlertRaised } from "../jobs/sweep-analysis.ts";
import { isOverdue } from "../presenters/case.ts";
import type { CaseChange, Services } from "../services.ts";
import { placeInScope, type ScreenLevel } from "./screen-scope.ts";

export const HEARTBEAT_MS = 15_000;
/** Bytes a screen may leave unread before it is dropped (a few hundred events). */
export const MAX_BUFFERED_BYTES = 256 * 1024;
/** Case events waiting for their lookup; beyond this (a burst with a stalled database) new ones are dropped. */
const MAX_QUEUED = 10_000;

export interface StreamScope {
  level: ScreenLevel;
  code: string;
  prefix: string;
}

interface Client {
  res: ServerResponse;
  scope: StreamScope;
  sessionId: string;
}

export interface ScreenStreamOptions {
  heartbeatMs?: number;
  maxBufferedBytes?: number;
}

export class ScreenStreamHub {
  readonly #clients = new Set<Client>();
  readonly #heartbeatMs: number;
  readonly #maxBuffered: number;
  #timer: NodeJS.Timeout | null = null;
  #queue: Promise<void> = Promise.resolve();
  #queued = 0;

  constructor(
    private readonly services: Services,
    opts: ScreenStreamOptions = {},
  ) {
    this.#heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_MS;
    this.#maxBuffered = opts.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
  }

  get size(): number {
    return this.#clients.size;
  }

  /** Starts streaming to a response whose headers were already written; ends when it closes. */
  add(res: ServerResponse, scope: StreamScope, sessionId: string): void {
    const client: Client = { res, scope, sessionId };
    this.#clients.add(client);
    res.on("close", () => this.#remove(client));
    if (this.#clients.size === 1) this.#start();
    // the browser waits 5 s before reconnecting; the first bytes flush the headers through proxies
    this.#write(client, "retry: 5000\n: connected\n\n");
  }

  /** Ends every stream (the app is closing: long-lived responses would hold its close). */
  close(): void {
    for (const c of [...this.#clients]) c.res.end();
    this.#clients.clear();
    this.#stop();
  }

  readonly #onCase = (change: CaseChange) => {
    if (this.#queued >= MAX_QUEUED) return;
    this.#queued++;
    // one lookup per event, in order, shared by every screen
    this.#queue = this.#queue
      .then(() => this.#publishCase(change))
      .catch((err) => this.services.logger.warn({ err }, "screen stream: case event dropped"))
      .finally(() => {
        this.#queued--;
      });
  };

  readonly #onIncident = (change: IncidentChange) => {
    for (const c of this.#clients) {
      const grids = change.gridCodes.filter((g) => g.startsWith(c.scope.prefix));
      if (!grids.length) continue;
      this.#send(c, "incident", {
        id: change.incidentId,
        code: change.code,
        action: change.action,
        status: change.status,
        at: change.at.toISOString(),
        gridCodes: grids,
      });
    }
  };

  /** A new alert of the analysis sweep (共性问题 / 趋势异常) to the screens whose scope holds its place. */
  readonly #onAlert = (a: AlertRaised) => {
    const place = {
      city: a.cityCode,
      district: a.districtCode,
      township: a.townshipCode,
      community: a.communityCode,
      grid: a.gridCode,
    } as unknown as Place;
    const frame = frameOf("alert", {
      id: a.id,
      kind: a.kind,
      level: a.level,
      code: a.code,
      categoryCode: a.categoryCode,
      observed: a.observed,
      expected: a.expected,
    });
    for (const c of this.#clients) if (placeInScope(place, c.scope)) this.#write(c, frame);
  };

  async #publishCase(change: CaseChange): Promise<void> {
    if (!this.#clients.size) return;
    const r = await sql<{
      lat: number;
      lng: number;
      grid_code: string;
      community_code: string;
      township_code: string;
      district_code: string;
      city_code: string;
      due_at: Date | null;
      category_name: string | null;
    }>`
      select c.lat, c.lng, c.grid_code, c.community_code, c.township_code, c.district_code, c.city_code, c.due_at,
        k.name as category_name
      from cases c left join categories k on k.code = c.category_code where c.id = ${change.caseId}`.execute(
      this.services.db,
    );
    const row = r.rows[0];
    if (!row) return;
    const place: Place = {
      grid: row.grid_code,
      community: row.community_code,
      township: row.township_code,
      district: row.district_code,
      city: row.city_code,
    };
    const data = {
      id: change.caseId,
      code: change.code,
      lat: row.lat,
      lng: row.lng,
      status: change.toStatus,
      fromStatus: change.fromStatus,
      action: change.action,
      at: change.at.toISOString(),
      gridCode: row.grid_code,
      communityCode: row.community_code,
      townshipCode: row.township_code,
      districtCode: row.district_code,
      categoryName: row.category_name,
      overdue: isOverdue({ due_at: row.due_at, status: change.toStatus }, this.services.clock.now()),
    };
    const frame = frameOf("case", data);
    for (const c of this.#clients) if (placeInScope(place, c.scope)) this.#write(c, frame);
  }

  #send(c: Client, event: string, data: unknown): void {
    this.#write(c, frameOf(event, data));
  }

  #write(c: Client, text: string): void {
    if (c.res.destroyed || c.res.writableEnded) {
      this.#remove(c);
      return;
    }
    // a screen that does not read is dropped rather than buffered without bound
    if (c.res.writableLength > this.#maxBuffered) {
      this.services.logger.info({ buffered: c.res.writableLength }, "screen stream: slow client dropped");
      c.res.destroy();
      this.#remove(c);
      return;
    }
    c.res.write(text);
  }

  #remove(c: Client): void {
    if (!this.#clients.delete(c)) return;
    if (!this.#clients.size) this.#stop();
  }

  #start(): void {
    this.services.events.on("case", this.#onCase);
    this.services.events.on("incident", this.#onIncident);
    this.services.events.on("alert", this.#onAlert);
    this.#timer = setInterval(() => void this.#heartbeat(), this.#heartbeatMs);
    this.#timer.unref();
  }

  #stop(): void {
    this.services.events.off("case", this.#onCase);
    this.services.events.off("incident", this.#onIncident);
    this.services.events.off("alert", this.#onAlert);
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async #heartbeat(): Promise<void> {
    const clients = [...this.#clients];
    if (!clients.length) return;
    for (const c of clients) this.#write(c, ": heartbeat\n\n");
    try {
      const live = await this.#liveSessions([...new Set(clients.map((c) => c.sessionId))]);
      for (const c of clients) {
        if (live.has(c.sessionId)) continue;
        this.#send(c, "end", { reason: "session" });
        c.res.end();
        this.#remove(c);
      }
    } catch (err) {
      this.services.logger.warn({ err }, "screen stream: session check failed");
    }
  }

  /** The sessions still valid now (not revoked, not expired, not idle, account active): read only. */
  async #liveSessions(ids: string[]): Promise<Set<string>> {
    const { clock, config } = this.services;
    const now = clock.now();
    const idleSince = new Date(now.getTime() - config.SESSION_IDLE_MINUTES * 60_000);
    const r = await sql<{ id: string }>`
      select s.id from sessions s join users u on u.id = s.user_id
      where s.id = any(${ids}::uuid[]) and s.revoked_at is null and s.expires_at > ${now}
        and s.last_seen_at >= ${idleSince} and u.active and not s.mfa_enrolment_only`.execute(this.services.db);
    return new Set(r.rows.map((row) => row.id));
  }

  /** Runs one heartbeat now (tests). */
  beat(): Promise<void> {
    return this.#heartbeat();
  }
}

const hubs = new WeakMap<Services, ScreenStreamHub>();

/** The hub of an app's services, created with the screen routes (one per app). */
export function createScreenStream(services: Services, opts?: ScreenStreamOptions): ScreenStreamHub {
  const hub = new ScreenStreamHub(services, opts);
  hubs.set(services, hub);
  return hub;
}

/** The hub serving these services' screens, if the screen routes are registered (tests, diagnostics). */
export function screenStreamOf(services: Services): ScreenStreamHub | null {
  return hubs.get(services) ?? null;
}

function frameOf(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
