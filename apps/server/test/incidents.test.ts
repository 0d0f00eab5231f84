// Emergency mode (应急指挥): a centre declares an incident over a drawn polygon (exactly the grids
// whose outlines meet it, checked by brute force over every grid with polygon-clipping) or over
// chosen grids, only inside its own area; every grid worker of those grids gets a task that only they
// see and answer (收到, 已完成), each step in the append-only log; close with If-Match; the live
// event comes after commit; bad input stores nothing.
import polygonClipping from "polygon-clipping";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/lib/password.ts";
import { TEST_PASSWORD } from "./constants.ts";
import { categoryRoutedTo, pointIn, report, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

const BAJIAZI = "210303003000";
const TIEXI_PREFIX = "210303";
const GRID_01 = "21030300300301";
const GRID_02 = "21030300300302";
const MISSING = "00000000-0000-4000-8000-000000000000";

type Ring = [number, number][];
type GridRow = { code: string; geometry: number[][][][] };

let ctx: TestContext;
let grids: GridRow[];
let centre: string;
/** grid workers: yuhua_grid01 (GRID_01) and three made here */
const workers: Record<string, { id: string; grid: string }> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  centre = await ctx.login("bajiazi_center");
  grids = (await ctx.services.db.selectFrom("grids").select(["code", "geometry"]).execute()) as GridRow[];
  const db = ctx.services.db;
  const hash = await hashPassword(TEST_PASSWORD);
  const otherBajiazi = grids.find((g) => g.code.startsWith("210303003001"))?.code as string;
  const tiedong = grids.find((g) => g.code.startsWith("210302"))?.code as string;
  const made = [
    { username: "inc_w02", grid: GRID_02, unit: `${YUHUA}-station` },
    { username: "inc_w03", grid: otherBajiazi, unit: `${otherBajiazi.slice(0, 12)}-station` },
    { username: "inc_w04", grid: tiedong, unit: `${tiedong.slice(0, 12)}-station` },
  ];
  for (const w of made) {
    const user = await db
      .insertInto("users")
      .values({
        username: w.username,
        display_name: `网格员 ${w.username}`,
        password_hash: hash,
        unit_code: w.unit,
        roles: ["grid_worker"],
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("grid_worker_grids").values({ user_id: user.id, grid_code: w.grid }).execute();
    workers[w.username] = { id: user.id, grid: w.grid };
  }
  // the demo seeds a worker per grid (gw<grid code>): here the grids' workers are exactly the ones above
  await db
    .deleteFrom("grid_worker_grids")
    .where("user_id", "in", (eb) => eb.selectFrom("users").select("id").where("username", "like", "gw%"))
    .execute();
  const w01 = await db
    .selectFrom("users")
    .select("id")
    .where("username", "=", "yuhua_grid01")
    .executeTakeFirstOrThrow();
  workers.yuhua_grid01 = { id: w01.id, grid: GRID_01 };
});
afterAll(async () => ctx?.close());

const post = (token: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  ctx.api(token, { method: "POST", url, payload: payload as Record<string, unknown>, headers });
const get = (token: string, url: string) => ctx.api(token, { method: "GET", url });
const declare = (token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  post(token, "/api/v1/incidents", body, headers);
const body = (area: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "flood",
  level: 3,
  title: "八家子街道内涝",
  description: "强降雨导致低洼路段积水",
  area,
  taskText: "立即排查所辖网格低洼地段,转移受困群众",
  ...extra,
});

/** A polygon around a point: `radii` in degrees, evenly spread angles. */
function star(lng: number, lat: number, radii: number[]): Ring {
  return radii.map((r, i) => {
    const t = (2 * Math.PI * i) / radii.length + 0.1;
    return [lng + r * Math.cos(t), lat + r * Math.sin(t)];
  });
}

/** Brute force over every grid: polygon-clipping's intersection with the closed polygon is not empty. */
function gridsMeeting(ring: Ring, prefix: string): string[] {
  const closed = [...ring, ring[0] as [number, number]];
  return grids
    .filter((g) => g.code.startsWith(prefix))
    .filter((g) => polygonClipping.intersection([closed], g.geometry as never).length > 0)
    .map((g) => g.code)
    .sort();
}

async function counts() {
  const { db } = ctx.services;
  const n = async (table: "incidents" | "incident_log" | "incident_tasks") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { incidents: await n("incidents"), log: await n("incident_log"), tasks: await n("incident_tasks") };
}

const myTasks = async (username: string) =>
  (await get(await ctx.login(username), "/api/v1/mobile/incident-tasks?pageSize=100")).json().items as {
    id: string;
    incidentId: string;
    status: string;
    text: string;
  }[];

describe("declaring", () => {
  it("by polygon takes exactly the grids of the centre's area whose outline meets it", async () => {
    // around 裕华社区 and reaching past 八家子街道's edge, so grids of other townships meet it too
    const ring = star(122.9647, 41.1203, [0.012, 0.02, 0.009, 0.016, 0.022, 0.011, 0.018]);
    const everywhere = gridsMeeting(ring, "");
    const expected = gridsMeeting(ring, BAJIAZI.slice(0, 9));
    expect(expected.length).toBeGreaterThan(3);
    expect(everywhere.length).toBeGreaterThan(expected.length);

    const res = await declare(centre, body({ polygon: ring }));
    expect(res.statusCode, res.body).toBe(201);
    const incident = res.json();
    expect(incident.code).toMatch(/^YJ20261124\d{3}$/);
    expect(incident.area.gridCodes).toEqual(expected);
    expect(incident.area.polygon).toEqual(ring);
    expect(incident).toMatchObject({ type: "flood", level: 3, status: "active", canDirect: true, version: 0 });
    expect(incident.scope).toEqual({ level: "township", code: BAJIAZI, name: "八家子街道" });
    expect(incident.declaredBy).toMatchObject({ name: "八家子街道中心 张*", unitCode: `${BAJIAZI}-centre` });
    // the box holds every grid chosen
    const { minLng, minLat, maxLng, maxLat } = incident.bounds;
    for (const code of expected) {
      const ringOf = grids.find((g) => g.code === code)?.geometry[0]?.[0] ?? [];
      for (const [x, y] of ringOf) {
        expect(x).toBeGreaterThanOrEqual(minLng);
        expect(x).toBeLessThanOrEqual(maxLng);
        expect(y).toBeGreaterThanOrEqual(minLat);
        expect(y).toBeLessThanOrEqual(maxLat);
      }
    }
    expect(incident.log.map((l: { kind: string }) => l.kind)).toEqual(["task", "declared"]);
  });

  it("a district centre's polygon across two districts keeps its own side only", async () => {
    // on the 铁西区 / 铁东区 line near both seats
    const ring = star(122.978, 41.1087, [0.01, 0.012, 0.009, 0.011, 0.013]);
    const tiexiSide = gridsMeeting(ring, TIEXI_PREFIX);
    const tiedongSide = gridsMeeting(ring, "210302");
    expect(tiexiSide.length).toBeGreaterThan(0);
    expect(tiedongSide.length).toBeGreaterThan(0);
    const a = await declare(await ctx.login("tiexi_center"), body({ polygon: ring }, { title: "跨区燃气泄漏" }));
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().area.gridCodes).toEqual(tiexiSide);
    const b = await declare(await ctx.login("tiedong_center"), body({ polygon: ring }, { title: "跨区燃气泄漏" }));
    expect(b.json().area.gridCodes).toEqual(tiedongSide);
  });

  it("by chosen grids; a centre of another district gets 422 and stores nothing", async () => {
    const res = await declare(centre, body({ gridCodes: [GRID_02, GRID_01] }, { type: "fire", level: 2 }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().area).toEqual({ polygon: null, gridCodes: [GRID_01, GRID_02] });
    expect(res.json().scope).toMatchObject({ level: "community", code: YUHUA });

    const before = await counts();
    const tiedong = await ctx.login("tiedong_center");
    const out = await declare(tiedong, body({ gridCodes: [GRID_01] }));
    expect(out.statusCode).toBe(422);
    expect(out.json().error.code).toBe("INCIDENT_GRIDS_UNAVAILABLE");
    // an unknown grid answers the same
    const unknown = await declare(tiedong, body({ gridCodes: ["21030299999999"] }));
    expect(unknown.json().error.code).toBe("INCIDENT_GRIDS_UNAVAILABLE");
    // a polygon wholly in 铁西区 holds no grid of 铁东区
    const polygon = await declare(tiedong, body({ polygon: star(122.9647, 41.1203, [0.002, 0.002, 0.002]) }));
    expect(polygon.statusCode).toBe(422);
    expect(polygon.json().error.code).toBe("INCIDENT_AREA_EMPTY");
    // a township centre may not reach into the next township
    const next = await declare(centre, body({ gridCodes: [GRID_01, workers.inc_w04?.grid] }));
    expect(next.json().error.code).toBe("INCIDENT_GRIDS_UNAVAILABLE");
    expect(await counts()).toEqual(before);
  });

  it("is for the three centre roles only", async () => {
    const before = await counts();
    for (const username of ["dept_water", "yuhua_station", "leader", "yuhua_grid01", "hotline_agent", "sysadmin"]) {
      const res = await declare(await ctx.login(username), body({ gridCodes: [GRID_01] }));
      expect(res.statusCode, username).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    expect((await ctx.api(null, { method: "POST", url: "/api/v1/incidents", payload: body({}) })).statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input with 400/422 and stores nothing", async () => {
    const before = await counts();
    const square: Ring = [
      [122.962, 41.118],
      [122.967, 41.118],
      [122.967, 41.121],
      [122.962, 41.121],
    ];
    const bowTie: Ring = [square[0], square[2], square[1], square[3]] as Ring;
    const cases: [Record<string, unknown>, number, string][] = [
      [body({ polygon: square.slice(0, 2) }), 400, "VALIDATION_FAILED"],
      [body({ polygon: [square[0], square[1], square[0]] }), 422, "INCIDENT_AREA_INVALID"],
      [body({ polygon: bowTie }), 422, "INCIDENT_AREA_INVALID"],
      [body({ polygon: [square[0], square[1], [122.972, 41.118]] }), 422, "INCIDENT_AREA_INVALID"],
      [body({ polygon: [...square.slice(0, 3), [122.962, 95]] }), 422, "INCIDENT_AREA_INVALID"],
      [body({ polygon: square }, { type: "earthquake" }), 400, "VALIDATION_FAILED"],
      [body({ polygon: square }, { level: 5 }), 400, "VALIDATION_FAILED"],
      [body({ polygon: square }, { level: 0 }), 400, "VALIDATION_FAILED"],
      [body({ polygon: square }, { title: "   " }), 400, "VALIDATION_FAILED"],
      [body({ polygon: square }, { taskText: "" }), 400, "VALIDATION_FAILED"],
      [body({ polygon: square, gridCodes: [GRID_01] }), 400, "VALIDATION_FAILED"],
      [body({ gridCodes: [] }), 400, "VALIDATION_FAILED"],
      [body({ gridCodes: ["x"] }), 400, "VALIDATION_FAILED"],
      [body({}), 400, "VALIDATION_FAILED"],
    ];
    for (const [payload, status, code] of cases) {
      const res = await declare(centre, payload);
      expect(res.statusCode, JSON.stringify(payload.area)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect(await counts()).toEqual(before);
  });

  it("caps the grids of one incident", async () => {
    const city = await ctx.login("city_dispatcher");
    const res = await declare(city, body({ polygon: star(122.9, 40.8, [1.5, 1.5, 1.5, 1.5, 1.5, 1.5]) }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "INCIDENT_TOO_MANY_GRIDS", details: { max: 2000 } });
  });

  it("with an Idempotency-Key returns the same incident on a retry and refuses the key with another body", async () => {
    const headers = { "idempotency-key": "incident-key-0001" };
    const payload = body({ gridCodes: [GRID_01] }, { title: "井盖燃气泄漏" });
    const first = await declare(centre, payload, headers);
    expect(first.statusCode).toBe(201);
    const before = await counts();
    const again = await declare(centre, payload, headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json().id).toBe(first.json().id);
    expect(await counts()).toEqual(before);
    const other = await declare(centre, { ...payload, level: 1 }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });
});

describe("tasks of the grid workers", () => {
  let incidentId: string;

  it("go to every grid worker of the grids, and each sees only their own", async () => {
    const grids3 = [GRID_01, GRID_02, workers.inc_w03?.grid as string];
    const res = await declare(centre, body({ gridCodes: grids3 }, { title: "化工厂火灾", type: "fire", level: 1 }));
    expect(res.statusCode, res.body).toBe(201);
    incidentId = res.json().id;
    expect(res.json().tasks).toEqual({ sent: 3, acknowledged: 0, done: 0, total: 3 });
    const rows = await ctx.services.db
      .selectFrom("incident_tasks")
      .select(["user_id", "grid_code", "status"])
      .where("incident_id", "=", incidentId)
      .orderBy("grid_code")
      .execute();
    expect(rows.map((r) => [r.user_id, r.grid_code, r.status])).toEqual(
      ["yuhua_grid01", "inc_w02", "inc_w03"]
        .map((u) => [workers[u]?.id, workers[u]?.grid, "sent"])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    for (const username of ["yuhua_grid01", "inc_w02", "inc_w03"]) {
      const mine = (await myTasks(username)).filter((t) => t.incidentId === incidentId);
      expect(mine, username).toHaveLength(1);
      expect(mine[0]).toMatchObject({ status: "sent", text: "立即排查所辖网格低洼地段,转移受困群众" });
    }
    expect((await myTasks("inc_w04")).filter((t) => t.incidentId === incidentId)).toEqual([]);
    const station = await get(await ctx.login("yuhua_station"), "/api/v1/mobile/incident-tasks");
    expect(station.statusCode).toBe(403);
  });

  it("收到 and 已完成 by the worker alone, each step logged once", async () => {
    const [task] = (await myTasks("yuhua_grid01")).filter((t) => t.incidentId === incidentId);
    const url = `/api/v1/mobile/incident-tasks/${task?.id}`;
    const events: { action: string; incidentId: string }[] = [];
    const listen = (e: { action: string; incidentId: string }) => events.push(e);
    ctx.services.events.on("incident", listen);
    try {
      // another worker, a station and a centre cannot touch it: 404 / 403
      const other = await post(await ctx.login("inc_w02"), `${url}/ack`, {});
      expect(other.statusCode).toBe(404);
      expect(other.json().error.code).toBe("INCIDENT_TASK_NOT_FOUND");
      expect((await post(centre, `${url}/ack`, {})).statusCode).toBe(403);
      const worker = await ctx.login("yuhua_grid01");
      const ack = await post(worker, `${url}/ack`, {});
      expect(ack.statusCode, ack.body).toBe(200);
      expect(ack.json()).toMatchObject({ status: "acknowledged", ackedAt: expect.any(String), doneAt: null });
      const logBefore = await counts();
      // repeated (and without a body at all): the same answer, nothing written
      const again = await ctx.api(worker, { method: "POST", url: `${url}/ack` });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().status).toBe("acknowledged");
      expect(await counts()).toEqual(logBefore);
      const done = await post(worker, `${url}/done`, { note: "已转移3户居民" });
      expect(done.json()).toMatchObject({ status: "done", note: "已转移3户居民" });
      // done without 收到 first (another worker): received at the same moment
      const [t2] = (await myTasks("inc_w02")).filter((t) => t.incidentId === incidentId);
      const done2 = await post(await ctx.login("inc_w02"), `/api/v1/mobile/incident-tasks/${t2?.id}/done`, {});
      expect(done2.json()).toMatchObject({ status: "done", note: null });
      expect(done2.json().ackedAt).toBe(done2.json().doneAt);
    } finally {
      ctx.services.events.off("incident", listen);
    }
    expect(events.map((e) => e.action)).toEqual(["ack", "done", "done"]);
    const log = await ctx.services.db
      .selectFrom("incident_log")
      .select(["kind", "text", "actor_user_id", "task_id"])
      .where("incident_id", "=", incidentId)
      .orderBy("id")
      .execute();
    expect(log.map((l) => l.kind)).toEqual(["declared", "task", "ack", "done", "done"]);
    expect(log[2]).toMatchObject({ actor_user_id: workers.yuhua_grid01?.id, task_id: expect.any(String) });
    expect(log[3]?.text).toBe("已转移3户居民");

    const detail = (await get(centre, `/api/v1/incidents/${incidentId}`)).json();
    expect(detail.tasks).toEqual({ sent: 1, acknowledged: 0, done: 2, total: 3 });
    const status = Object.fromEntries(
      detail.workers.map((w: { userId: string; taskStatus: string }) => [w.userId, w.taskStatus]),
    );
    expect(status).toEqual({
      [workers.yuhua_grid01?.id as string]: "done",
      [workers.inc_w02?.id as string]: "done",
      [workers.inc_w03?.id as string]: "sent",
    });
    expect(detail.log[0]).toMatchObject({ kind: "done", actorName: "网格员 i******" });
  });

  it("a new broadcast gives each worker a new task; the detail shows the latest", async () => {
    const res = await post(centre, `/api/v1/incidents/${incidentId}/tasks`, { text: "20时前上报各网格受灾情况" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().tasks).toEqual({ sent: 4, acknowledged: 0, done: 2, total: 6 });
    expect(res.json().workers.every((w: { taskStatus: string }) => w.taskStatus === "sent")).toBe(true);
    const mine = (await myTasks("yuhua_grid01")).filter((t) => t.incidentId === incidentId);
    expect(mine.map((t) => [t.text, t.status])).toEqual([
      ["20时前上报各网格受灾情况", "sent"],
      ["立即排查所辖网格低洼地段,转移受困群众", "done"],
    ]);
  });

  it("the log is append-only: the app's role may not change it, and the trigger stops even the owner", async () => {
    const pgCode = (p: Promise<unknown>) =>
      p.then(
        () => "no error",
        (e: { code?: string; message?: string }) => e.code,
      );
    expect(await pgCode(ctx.handle.pool.query("update incident_log set text = 'x'"))).toBe("42501");
    expect(await pgCode(ctx.handle.pool.query("delete from incident_log"))).toBe("42501");
    await expect(ctx.handle.owner.pool.query("update incident_log set text = 'x'")).rejects.toThrow(/append-only/);
    await expect(ctx.handle.owner.pool.query("delete from incident_log")).rejects.toThrow(/append-only/);
  });

  it("closing: a stale If-Match is refused (409), then the tasks leave the phones and nothing more is taken", async () => {
    const seen = (await get(centre, `/api/v1/incidents/${incidentId}`)).json();
    const logged = await post(centre, `/api/v1/incidents/${incidentId}/log`, { text: "消防已到场" });
    expect(logged.statusCode, logged.body).toBe(200);
    expect(logged.json().version).toBe(seen.version + 1);
    const stale = await post(
      centre,
      `/api/v1/incidents/${incidentId}/close`,
      { summary: "火已扑灭" },
      { "if-match": `"${seen.version}"` },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("INCIDENT_CHANGED");
    expect((await get(centre, `/api/v1/incidents/${incidentId}`)).json().status).toBe("active");
    const [open] = (await myTasks("inc_w03")).filter((t) => t.incidentId === incidentId);

    const closed = await post(
      centre,
      `/api/v1/incidents/${incidentId}/close`,
      { summary: "火已扑灭,无人员伤亡" },
      { "if-match": `"${logged.json().version}"` },
    );
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", summary: "火已扑灭,无人员伤亡", canDirect: false });
    expect(closed.json().closedAt).toEqual(expect.any(String));
    expect(closed.json().log[0]).toMatchObject({ kind: "closed", text: "火已扑灭,无人员伤亡" });
    expect((await myTasks("inc_w03")).filter((t) => t.incidentId === incidentId)).toEqual([]);
    const late = await post(await ctx.login("inc_w03"), `/api/v1/mobile/incident-tasks/${open?.id}/ack`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("INCIDENT_CLOSED");
    for (const [path, payload] of [
      ["log", { text: "x" }],
      ["tasks", { text: "x" }],
      ["close", { summary: "x" }],
    ] as const) {
      const res = await post(centre, `/api/v1/incidents/${incidentId}/${path}`, payload);
      expect(res.statusCode, path).toBe(409);
      expect(res.json().error.code).toBe("INCIDENT_CLOSED");
    }
    const closedList = await get(centre, "/api/v1/incidents?status=closed");
    expect(closedList.json().items.map((i: { id: string }) => i.id)).toContain(incidentId);
    const activeList = await get(centre, "/api/v1/incidents?status=active");
    expect(activeList.json().items.map((i: { id: string }) => i.id)).not.toContain(incidentId);
  });
});

describe("who sees an incident", () => {
  let incidentId: string;
  let caseId: string;

  beforeAll(async () => {
    const point = await pointIn(ctx, YUHUA);
    const category = await categoryRoutedTo(ctx, "territorial", "community");
    const worker = await ctx.login("yuhua_grid01");
    caseId = (
      await report(ctx, worker, { description: "裕华社区积水", ...point, categoryCode: category.code, source: "grid" })
    ).json().id;
    const start = await post(worker, "/api/v1/mobile/patrols", {});
    await post(worker, `/api/v1/mobile/patrols/${start.json().id}/points`, {
      points: [{ at: ctx.clock.now().toISOString(), lat: point.lat, lng: point.lng }],
    });
    const res = await declare(centre, body({ gridCodes: [GRID_01, workers.inc_w03?.grid] }, { title: "暴雪" }));
    incidentId = res.json().id;
  });

  it("the centres above, the stations it touches and the leader; others get 404 as for a missing id", async () => {
    // who may direct it (log, broadcast, close): the declaring centres above it, not the leader or the station
    const directs = {
      bajiazi_center: true,
      tiexi_center: true,
      city_dispatcher: true,
      leader: false,
      yuhua_station: false,
    };
    for (const [username, canDirect] of Object.entries(directs)) {
      const token = await ctx.login(username);
      const res = await get(token, `/api/v1/incidents/${incidentId}`);
      expect(res.statusCode, username).toBe(200);
      expect(res.json().canDirect, username).toBe(canDirect);
      const list = await get(token, "/api/v1/incidents?pageSize=100");
      expect(
        list.json().items.map((i: { id: string }) => i.id),
        username,
      ).toContain(incidentId);
    }
    // and the server agrees: the leader's log line is refused
    const byLeader = await post(await ctx.login("leader"), `/api/v1/incidents/${incidentId}/log`, { text: "x" });
    expect(byLeader.statusCode).toBe(403);
    for (const username of ["tiedong_center", "jiefang_station"]) {
      const token = await ctx.login(username);
      const res = await get(token, `/api/v1/incidents/${incidentId}`);
      const missing = await get(token, `/api/v1/incidents/${MISSING}`);
      expect(res.statusCode, username).toBe(404);
      expect(res.json()).toEqual(missing.json());
      expect((await get(token, `/api/v1/incidents/${incidentId}/grids`)).statusCode).toBe(404);
      const list = await get(token, "/api/v1/incidents?pageSize=100");
      expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(incidentId);
      // a role that may never direct an incident gets its 403 first, as for a missing id
      const direct = await post(token, `/api/v1/incidents/${incidentId}/log`, { text: "x" });
      const ghost = await post(token, `/api/v1/incidents/${MISSING}/log`, { text: "x" });
      expect(direct.statusCode).toBe(username === "tiedong_center" ? 404 : 403);
      expect(direct.json()).toEqual(ghost.json());
    }
    for (const username of ["dept_water", "yuhua_grid01", "sysadmin"]) {
      expect((await get(await ctx.login(username), `/api/v1/incidents/${incidentId}`)).statusCode).toBe(403);
    }
  });

  it("shows open cases and grid workers (masked, last position) within the viewer's own area", async () => {
    const full = (await get(centre, `/api/v1/incidents/${incidentId}`)).json();
    expect(full.cases.map((c: { id: string }) => c.id)).toContain(caseId);
    expect(full.caseTotal).toBeGreaterThanOrEqual(1);
    expect(full.cases.every((c: { gridCode: string }) => [GRID_01, workers.inc_w03?.grid].includes(c.gridCode))).toBe(
      true,
    );
    const w01 = full.workers.find((w: { userId: string }) => w.userId === workers.yuhua_grid01?.id);
    expect(w01).toMatchObject({ name: "裕华社区网格员 陈*", gridCode: GRID_01, taskStatus: "sent" });
    expect(w01.lat).toEqual(expect.any(Number));
    expect(w01.lastSeenAt).toEqual(expect.any(String));
    expect(full.workers).toHaveLength(2);
    // the community station sees its own community's part only
    const station = (await get(await ctx.login("yuhua_station"), `/api/v1/incidents/${incidentId}`)).json();
    expect(station.workers.map((w: { userId: string }) => w.userId)).toEqual([workers.yuhua_grid01?.id]);
    expect(station.tasks.total).toBe(1);
    expect(station.canDirect).toBe(false);
    expect(station.area.gridCodes).toHaveLength(2);
    // and may not direct it
    const refused = await post(await ctx.login("yuhua_station"), `/api/v1/incidents/${incidentId}/log`, { text: "x" });
    expect(refused.statusCode).toBe(403);
    const grids = (await get(centre, `/api/v1/incidents/${incidentId}/grids`)).json();
    expect(grids.features.map((f: { id: string }) => f.id)).toEqual([GRID_01, workers.inc_w03?.grid].sort());
  });

  it("a district centre above may direct it; the incident event reaches listeners after commit", async () => {
    const heard: { incidentId: string; action: string; divisionCodes: string[]; committed: boolean }[] = [];
    const listen = (e: { incidentId: string; action: string; divisionCodes: string[] }) => {
      // read on another connection: the change must be visible already
      void ctx.handle.owner.pool
        .query("select count(*)::int as n from incident_log where incident_id = $1 and kind = 'log'", [e.incidentId])
        .then((r) => heard.push({ ...e, committed: r.rows[0].n > 0 }));
    };
    ctx.services.events.on("incident", listen);
    try {
      const res = await post(await ctx.login("tiexi_center"), `/api/v1/incidents/${incidentId}/log`, {
        text: "区应急局已派员",
      });
      expect(res.statusCode, res.body).toBe(200);
      await expect.poll(() => heard.length).toBe(1);
    } finally {
      ctx.services.events.off("incident", listen);
    }
    expect(heard[0]).toMatchObject({ incidentId, action: "log", committed: true });
    expect(heard[0]?.divisionCodes).toEqual(
      expect.arrayContaining(["210300000000", "210303000000", BAJIAZI, YUHUA, "210303003001"]),
    );
    const audit = await ctx.handle.owner.db
      .selectFrom("audit_log")
      .select(["action", "object_id"])
      .where("object_type", "=", "incident")
      .where("object_id", "=", incidentId)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["incident.declare", "incident.log"]);
  });
});
