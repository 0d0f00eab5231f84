// The grid workers' phone app: home (my grids, task counts), task lists, patrols with their GPS
// track (idempotent start and points, validated), and the retries of its offline queue — a check
// sent twice is applied once, a report with its photo sent twice is stored once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/lib/password.ts";
import { TEST_PASSWORD } from "./constants.ts";
import { act, actOk, categoryRoutedTo, pointIn, report, snapshotCounts, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { multipart } from "./uploads.ts";

const PHOTO = readFileSync(path.resolve(import.meta.dirname, "../../../e2e/fixtures/pothole.png"));
const GRID_01 = "21030300300301";

let ctx: TestContext;
let worker: string;
let point: { lat: number; lng: number };
let categoryCode: string;

beforeAll(async () => {
  ctx = await createTestContext();
  worker = await ctx.login("yuhua_grid01");
  point = await pointIn(ctx, YUHUA);
  categoryCode = (await categoryRoutedTo(ctx, "territorial", "community")).code;
});
afterAll(async () => ctx?.close());

const get = (token: string, url: string) => ctx.api(token, { method: "GET", url });
const post = (token: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  ctx.api(token, { method: "POST", url, payload: payload as Record<string, unknown>, headers });
const iso = (offsetMs: number) => new Date(ctx.clock.now().getTime() + offsetMs).toISOString();

/** A case reported by the worker and handled by the station: waiting for the worker's check. */
async function handledCase(description: string): Promise<string> {
  const created = await report(ctx, worker, { description, ...point, categoryCode, source: "grid" });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  await actOk(ctx, "bajiazi_center", id, "register");
  await actOk(ctx, "bajiazi_center", id, "dispatch", { unitCode: `${YUHUA}-station` });
  await actOk(ctx, "yuhua_station", id, "accept");
  await actOk(ctx, "yuhua_station", id, "feedback", { note: "已清理完毕" });
  return id;
}

async function uploadPhoto(token: string, key?: string) {
  const { payload, headers } = multipart([{ data: PHOTO, filename: "pothole.png", contentType: "image/png" }]);
  return ctx.api(token, {
    method: "POST",
    url: "/api/v1/attachments",
    payload,
    headers: { ...headers, ...(key ? { "idempotency-key": key } : {}) },
  });
}

describe("home", () => {
  it("shows the worker's grid with its outline, the community and the task counts", async () => {
    const res = await get(worker, "/api/v1/mobile/home");
    expect(res.statusCode, res.body).toBe(200);
    const home = res.json();
    expect(home.user.username).toBe("yuhua_grid01");
    expect(home.community).toEqual({ code: YUHUA, name: "裕华社区" });
    expect(home.grids.type).toBe("FeatureCollection");
    expect(home.grids.features.map((f: { id: string }) => f.id)).toEqual([GRID_01]);
    const [grid] = home.grids.features;
    expect(grid.properties).toMatchObject({ code: GRID_01, communityCode: YUHUA, name: "裕华社区第01网格" });
    expect(grid.geometry.type).toBe("MultiPolygon");
    expect(grid.geometry.coordinates[0][0].length).toBeGreaterThan(3);
    expect(home.tasks).toEqual({
      toVerify: expect.any(Number),
      myOpen: expect.any(Number),
      overdue: expect.any(Number),
    });
    expect(home.patrol).toBeNull();
  });

  it("counts a new check to make and a new open report of the worker", async () => {
    const before = (await get(worker, "/api/v1/mobile/home")).json().tasks;
    await handledCase("裕华社区2号楼前垃圾堆放");
    const after = (await get(worker, "/api/v1/mobile/home")).json().tasks;
    expect(after.toVerify).toBe(before.toVerify + 1);
    expect(after.myOpen).toBe(before.myOpen + 1);
  });

  it("is for grid workers only", async () => {
    for (const username of ["yuhua_station", "bajiazi_center", "hotline_agent", "auditor"]) {
      const res = await get(await ctx.login(username), "/api/v1/mobile/home");
      expect(res.statusCode, username).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
    expect((await ctx.api(null, { method: "GET", url: "/api/v1/mobile/home" })).statusCode).toBe(401);
  });
});

describe("tasks", () => {
  it("lists checks to make (with what the handler reported) and the worker's own open reports", async () => {
    const id = await handledCase("裕华社区5号楼路灯不亮");
    const verify = await get(worker, "/api/v1/mobile/tasks?kind=verify&pageSize=100");
    expect(verify.statusCode, verify.body).toBe(200);
    const task = verify.json().items.find((t: { id: string }) => t.id === id);
    expect(task).toMatchObject({ status: "handled", resultNote: "已清理完毕", excerpt: "裕华社区5号楼路灯不亮" });
    expect(task.lat).toBeCloseTo(point.lat);
    expect(verify.json().items.every((t: { status: string }) => t.status === "handled")).toBe(true);

    const mine = await get(worker, "/api/v1/mobile/tasks?kind=mine&pageSize=1");
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toHaveLength(1);
    expect(mine.json().total).toBeGreaterThanOrEqual(2);
  });

  it("refuses an unknown kind and an oversized page", async () => {
    expect((await get(worker, "/api/v1/mobile/tasks?kind=all")).statusCode).toBe(400);
    expect((await get(worker, "/api/v1/mobile/tasks?kind=mine&pageSize=1000")).statusCode).toBe(400);
  });
});

describe("patrols", () => {
  let patrolId: string;
  const key = "patrol-start-0001";
  const walk = () => [
    { at: iso(60_000), lat: point.lat, lng: point.lng, accuracy: 5 },
    { at: iso(120_000), lat: point.lat + 0.0005, lng: point.lng, accuracy: 5 },
    { at: iso(180_000), lat: point.lat + 0.001, lng: point.lng, accuracy: 5 },
  ];
  let batch: ReturnType<typeof walk>;

  it("starts once per key, with the time the phone recorded", async () => {
    const startedAt = iso(-30_000);
    const first = await post(worker, "/api/v1/mobile/patrols", { startedAt }, { "idempotency-key": key });
    expect(first.statusCode, first.body).toBe(201);
    patrolId = first.json().id;
    expect(first.json()).toMatchObject({ startedAt, endedAt: null, active: true, pointCount: 0, distanceM: 0 });
    const again = await post(worker, "/api/v1/mobile/patrols", { startedAt }, { "idempotency-key": key });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(patrolId);
    const other = await post(worker, "/api/v1/mobile/patrols", { startedAt: iso(0) }, { "idempotency-key": key });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const home = (await get(worker, "/api/v1/mobile/home")).json();
    expect(home.patrol).toMatchObject({ id: patrolId, active: true });
  });

  it("stores a batch of points once, however often it is sent, and measures the walk", async () => {
    batch = walk();
    ctx.clock.advance(200_000);
    const first = await post(worker, `/api/v1/mobile/patrols/${patrolId}/points`, { points: batch });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(first.json().patrol.pointCount).toBe(3);
    // two segments of about 55.6 m
    expect(first.json().patrol.distanceM).toBeGreaterThan(105);
    expect(first.json().patrol.distanceM).toBeLessThan(118);

    const again = await post(worker, `/api/v1/mobile/patrols/${patrolId}/points`, { points: batch });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(again.json().patrol).toEqual(first.json().patrol);
    const stored = await ctx.services.db
      .selectFrom("patrol_points")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("patrol_id", "=", patrolId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(3);
    // the patrol remembers its latest point (019's trigger) for "on patrol now"
    const last = await ctx.services.db
      .selectFrom("patrols")
      .select(["last_point_at", "last_lat", "last_lng"])
      .where("id", "=", patrolId)
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ last_point_at: new Date(batch[2]!.at), last_lat: batch[2]!.lat, last_lng: batch[2]!.lng });
  });

  it("refuses a point outside the city, before the start or in the future, storing nothing of the batch", async () => {
    const good = { at: iso(5_000), lat: point.lat, lng: point.lng };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ at: iso(6_000), lat: 39.9, lng: 116.4 }, 422, "LOCATION_OUTSIDE_CITY"],
      [
        { at: new Date(Date.parse(batch[0]!.at) - 3_600_000).toISOString(), lat: point.lat, lng: point.lng },
        422,
        "INVALID_PATROL_TIME",
      ],
      [{ at: iso(3_600_000), lat: point.lat, lng: point.lng }, 422, "INVALID_PATROL_TIME"],
    ];
    for (const [bad, status, code] of cases) {
      const res = await post(worker, `/api/v1/mobile/patrols/${patrolId}/points`, { points: [good, bad] });
      expect(res.statusCode, JSON.stringify(bad)).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.details.index).toBe(1);
    }
    const shape = await post(worker, `/api/v1/mobile/patrols/${patrolId}/points`, {
      points: [{ ...good, speed: 3 }],
    });
    expect(shape.statusCode).toBe(400);
    expect((await post(worker, `/api/v1/mobile/patrols/${patrolId}/points`, { points: [] })).statusCode).toBe(400);
    const patrol = (await get(worker, `/api/v1/mobile/patrols/${patrolId}`)).json();
    expect(patrol.pointCount).toBe(3);
  });

  it("stops once, returns the track in time order, and refuses points after the end", async () => {
    const endedAt = iso(0);
    const stop = await post(worker, `/api/v1/mobile/patrols/${patrolId}/stop`, { endedAt });
    expect(stop.statusCode, stop.body).toBe(200);
    expect(stop.json()).toMatchObject({ id: patrolId, endedAt, active: false, pointCount: 3 });
    expect(stop.json().durationSeconds).toBe(230);
    const again = await post(worker, `/api/v1/mobile/patrols/${patrolId}/stop`, {});
    expect(again.json()).toEqual(stop.json());

    ctx.clock.advance(600_000);
    const late = await post(worker, `/api/v1/mobile/patrols/${patrolId}/points`, {
      points: [{ at: iso(0), lat: point.lat, lng: point.lng }],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("PATROL_ENDED");

    const one = await get(worker, `/api/v1/mobile/patrols/${patrolId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().track.map((p: { at: string }) => p.at)).toEqual(batch.map((p) => p.at));
    expect(one.json().track[0]).toEqual({ at: batch[0]!.at, lat: point.lat, lng: point.lng, accuracy: 5 });
    expect((await get(worker, "/api/v1/mobile/home")).json().patrol).toBeNull();
  });

  it("a new start ends a patrol left open; the list is mine, newest first, paginated", async () => {
    const a = (await post(worker, "/api/v1/mobile/patrols", {}, { "idempotency-key": "patrol-start-0002" })).json();
    ctx.clock.advance(60_000);
    const b = await post(worker, "/api/v1/mobile/patrols", {}, { "idempotency-key": "patrol-start-0003" });
    expect(b.statusCode).toBe(201);
    const left = (await get(worker, `/api/v1/mobile/patrols/${a.id}`)).json();
    expect(left.active).toBe(false);
    expect(left.endedAt).toBe(a.startedAt); // no points: ended where it started

    const page1 = await get(worker, "/api/v1/mobile/patrols?pageSize=2");
    expect(page1.statusCode).toBe(200);
    expect(page1.json().total).toBe(3);
    expect(page1.json().items.map((p: { id: string }) => p.id)).toEqual([b.json().id, a.id]);
    const page2 = (await get(worker, "/api/v1/mobile/patrols?pageSize=2&page=2")).json();
    expect(page2.items.map((p: { id: string }) => p.id)).toEqual([patrolId]);
    await post(worker, `/api/v1/mobile/patrols/${b.json().id}/stop`, {});
  });

  it("another worker's patrol does not exist for them; a start too far in the past is refused", async () => {
    await ctx.services.db
      .insertInto("users")
      .values({
        username: "yuhua_grid02",
        display_name: "裕华社区网格员 二号",
        password_hash: await hashPassword(TEST_PASSWORD),
        unit_code: `${YUHUA}-station`,
        roles: ["grid_worker"],
      })
      .execute();
    const other = await ctx.login("yuhua_grid02");
    expect((await get(other, `/api/v1/mobile/patrols/${patrolId}`)).statusCode).toBe(404);
    const res = await post(other, `/api/v1/mobile/patrols/${patrolId}/points`, {
      points: [{ at: iso(0), lat: point.lat, lng: point.lng }],
    });
    expect(res.json().error.code).toBe("PATROL_NOT_FOUND");
    expect((await get(other, "/api/v1/mobile/patrols")).json().total).toBe(0);
    expect((await get(other, "/api/v1/mobile/home")).json().grids.features).toEqual([]);
    const old = await post(other, "/api/v1/mobile/patrols", { startedAt: iso(-8 * 86_400_000) });
    expect(old.statusCode).toBe(422);
    expect(old.json().error.code).toBe("INVALID_PATROL_TIME");
    const station = await ctx.login("yuhua_station");
    expect((await post(station, "/api/v1/mobile/patrols", {})).statusCode).toBe(403);
  });
});

describe("the offline queue's retries", () => {
  it("a check sent twice with its key is applied once; the key with another body is refused", async () => {
    const id = await handledCase("裕华社区8号楼下水道堵塞");
    const headers = { "idempotency-key": "verify-key-0001" };
    const url = `/api/v1/cases/${id}/actions/verify`;
    const first = await post(worker, url, { pass: true, note: "现场已疏通" }, headers);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe("closed");
    const before = await snapshotCounts(ctx);

    const again = await post(worker, url, { pass: true, note: "现场已疏通" }, headers);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id, status: "closed" });
    expect(await snapshotCounts(ctx)).toEqual(before);

    const other = await post(worker, url, { pass: false, note: "未疏通" }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    // without a key, a second check is what it always was: the state no longer allows it
    expect((await act(ctx, worker, id, "verify", { pass: true, note: "" })).statusCode).toBe(409);

    const events = await ctx.services.db
      .selectFrom("case_events")
      .select("action")
      .where("case_id", "=", id)
      .where("action", "=", "verify")
      .execute();
    expect(events).toHaveLength(1);
  });

  it("the same key on another case is refused; two workers' keys never meet", async () => {
    const id = await handledCase("裕华社区9号楼外墙脱落");
    const res = await post(
      worker,
      `/api/v1/cases/${id}/actions/verify`,
      { pass: true, note: "现场已疏通" },
      {
        "idempotency-key": "verify-key-0001",
      },
    );
    expect(res.statusCode).toBe(422);
    const station = await ctx.login("yuhua_station");
    const mine = await post(
      station,
      `/api/v1/cases/${id}/actions/verify`,
      { pass: true, note: "" },
      {
        "idempotency-key": "verify-key-0001",
      },
    );
    expect(mine.statusCode, mine.body).toBe(200);
  });

  it("a check with a photo taken on site links the photo to the case", async () => {
    const id = await handledCase("裕华社区10号楼垃圾桶破损");
    const photo = await uploadPhoto(worker);
    expect(photo.statusCode, photo.body).toBe(201);
    const res = await post(worker, `/api/v1/cases/${id}/actions/verify`, {
      pass: false,
      note: "垃圾桶仍未更换",
      photoIds: [photo.json().id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("accepted");
    const linked = await ctx.services.db
      .selectFrom("attachments")
      .select(["case_id", "stage"])
      .where("id", "=", photo.json().id)
      .executeTakeFirstOrThrow();
    expect(linked).toEqual({ case_id: id, stage: "verify" });
  });

  it("a report with its photo sent twice with the same keys is stored once", async () => {
    const description = `离线上报:裕华社区11号楼井盖缺失 ${Date.now()}`;
    const up1 = await uploadPhoto(worker, "photo-key-0001");
    const up2 = await uploadPhoto(worker, "photo-key-0001");
    expect(up1.statusCode, up1.body).toBe(201);
    expect([200, 201]).toContain(up2.statusCode);
    expect(up2.json().id).toBe(up1.json().id);

    const body = { description, ...point, categoryCode, source: "grid", photoIds: [up1.json().id] };
    const headers = { "idempotency-key": "report-key-0001" };
    const first = await report(ctx, worker, body, headers);
    const second = await report(ctx, worker, body, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().id).toBe(first.json().id);

    const stored = await ctx.services.db
      .selectFrom("cases")
      .select("id")
      .where("description", "=", description)
      .execute();
    expect(stored).toEqual([{ id: first.json().id }]);
    const photos = await ctx.services.db
      .selectFrom("attachments")
      .select(["id", "stage"])
      .where("case_id", "=", first.json().id)
      .execute();
    expect(photos).toEqual([{ id: up1.json().id, stage: "report" }]);
  });
});
