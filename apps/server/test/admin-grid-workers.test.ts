// 我的网格 in accounts administration: the system admin assigns a grid worker's grids, only inside
// the area of the worker's unit; the set is replaced in the account's transaction, audited, cleared
// with the grid_worker role, and the worker's phone app shows it at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGDA, YUHUA } from "./fixtures.ts";
import { createTestContext, type TestContext } from "./harness.ts";

const STATION = `${YUHUA}-station`;
const CHANGDA_STATION = `${CHANGDA}-station`;
const PASSWORD = "correct-horse-battery";
/** 裕华社区第01–03网格 (the demo seed gives yuhua_grid01 the first) */
const [Y1, Y2, Y3] = ["21030300300301", "21030300300302", "21030300300303"];
/** 长大社区第01网格: another district */
const C1 = "21030200201001";
/** 八家子街道's other community: the same township as 裕华社区, still outside the station's area */
const NEIGHBOUR = "21030300300101";

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login("sysadmin");
});
afterAll(async () => ctx?.close());

const get = (token: string, url: string) => ctx.api(token, { method: "GET", url });
const createUser = (payload: Record<string, unknown>) =>
  ctx.api(admin, { method: "POST", url: "/api/v1/admin/users", payload });
const patchUser = (id: string, payload: Record<string, unknown>) =>
  ctx.api(admin, { method: "PATCH", url: `/api/v1/admin/users/${id}`, payload });

async function userId(username: string): Promise<string> {
  const row = await ctx.services.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function storedGrids(id: string): Promise<string[]> {
  const rows = await ctx.services.db
    .selectFrom("grid_worker_grids")
    .select("grid_code")
    .where("user_id", "=", id)
    .orderBy("grid_code")
    .execute();
  return rows.map((r) => r.grid_code);
}

async function updateAudits(id: string) {
  return ctx.services.db
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", "admin.user.update")
    .where("object_id", "=", id)
    .where("outcome", "=", "success")
    .orderBy("id")
    .execute();
}

/** what the latest recorded edit of the account changed */
async function lastChanges(id: string): Promise<unknown> {
  const detail = (await updateAudits(id)).at(-1)?.detail as { changes?: unknown } | undefined;
  return detail?.changes;
}

async function homeGrids(token: string): Promise<string[]> {
  const res = await get(token, "/api/v1/mobile/home");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().grids.features.map((f: { id: string }) => f.id);
}

async function signIn(username: string): Promise<string> {
  const res = await ctx.api(null, {
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password: PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().token as string;
}

describe("the grids a unit's area offers", () => {
  it("lists a station's community grids without outlines, searchable and paged; admins only", async () => {
    const res = await get(admin, `/api/v1/admin/units/${STATION}/grids?pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(6);
    expect(body.items[0]).toEqual({
      code: Y1,
      name: "裕华社区第01网格",
      communityCode: YUHUA,
      communityName: "裕华社区",
    });
    expect(body.items.every((g: { communityCode: string }) => g.communityCode === YUHUA)).toBe(true);
    expect(res.body).not.toContain("coordinates");

    const paged = (await get(admin, `/api/v1/admin/units/${STATION}/grids?pageSize=2&page=2`)).json();
    expect(paged.items.map((g: { code: string }) => g.code)).toEqual([Y3, "21030300300304"]);
    const found = (await get(admin, `/api/v1/admin/units/${STATION}/grids?q=${encodeURIComponent("第02")}`)).json();
    expect(found.items.map((g: { code: string }) => g.code)).toEqual([Y2]);

    // a township centre's area: every community of the township
    const township = (await get(admin, "/api/v1/admin/units/210303003000-centre/grids?pageSize=100")).json();
    expect(township.total).toBeGreaterThan(6);
    expect(township.items.every((g: { code: string }) => g.code.startsWith("210303003"))).toBe(true);

    expect((await get(admin, "/api/v1/admin/units/nope/grids")).json().error.code).toBe("UNIT_NOT_FOUND");
    expect((await get(admin, `/api/v1/admin/units/${STATION}/grids?pageSize=101`)).statusCode).toBe(400);
    const station = await ctx.login("yuhua_station");
    expect((await get(station, `/api/v1/admin/units/${STATION}/grids`)).statusCode).toBe(403);
  });
});

describe("assigning grids", () => {
  it("shows each account's grids in the list", async () => {
    const res = await get(admin, "/api/v1/admin/users?role=grid_worker&pageSize=100&q=yuhua_grid01");
    expect(res.statusCode, res.body).toBe(200);
    const worker = res.json().items.find((u: { username: string }) => u.username === "yuhua_grid01");
    expect(worker).toMatchObject({ gridCodes: [Y1], grids: [{ code: Y1, name: "裕华社区第01网格" }] });
    const all = (await get(admin, "/api/v1/admin/users?pageSize=100&q=yuhua_station")).json();
    const station = all.items.find((u: { username: string }) => u.username === "yuhua_station");
    expect(station).toMatchObject({ gridCodes: [], grids: [] });
  });

  it("creates a grid worker with grids, audited, and the phone app shows them", async () => {
    const res = await createUser({
      username: "yuhua_grid03",
      displayName: "裕华社区网格员 三号",
      unitCode: STATION,
      roles: ["grid_worker"],
      password: PASSWORD,
      gridCodes: [Y3, Y2],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().gridCodes).toEqual([Y2, Y3]);
    const id = res.json().id as string;
    expect(await storedGrids(id)).toEqual([Y2, Y3]);
    const audit = await ctx.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "admin.user.create")
      .where("object_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ username: "yuhua_grid03", gridCodes: [Y2, Y3] });
    expect(await homeGrids(await signIn("yuhua_grid03"))).toEqual([Y2, Y3]);
  });

  it("replaces a worker's grids in one edit, audited; the phone app shows the new set", async () => {
    const id = await userId("yuhua_grid01");
    const worker = await ctx.login("yuhua_grid01");
    expect(await homeGrids(worker)).toEqual([Y1]);
    const kept = await ctx.services.db
      .selectFrom("grid_worker_grids")
      .select("assigned_at")
      .where("user_id", "=", id)
      .where("grid_code", "=", Y1)
      .executeTakeFirstOrThrow();

    const added = await patchUser(id, { gridCodes: [Y1, Y2] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({
      gridCodes: [Y1, Y2],
      grids: [
        { code: Y1, name: "裕华社区第01网格" },
        { code: Y2, name: "裕华社区第02网格" },
      ],
    });
    const stillKept = await ctx.services.db
      .selectFrom("grid_worker_grids")
      .select("assigned_at")
      .where("user_id", "=", id)
      .where("grid_code", "=", Y1)
      .executeTakeFirstOrThrow();
    expect(stillKept.assigned_at).toEqual(kept.assigned_at);

    const replaced = await patchUser(id, { gridCodes: [Y3] });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().gridCodes).toEqual([Y3]);
    expect(await storedGrids(id)).toEqual([Y3]);
    expect(await homeGrids(worker)).toEqual([Y3]);

    const audits = await updateAudits(id);
    expect(audits.map((a) => (a.detail as { changes: unknown }).changes)).toEqual([
      { gridCodes: { from: [Y1], to: [Y1, Y2] } },
      { gridCodes: { from: [Y1, Y2], to: [Y3] } },
    ]);
    // the same set again is no change and no new change record
    const same = await patchUser(id, { gridCodes: [Y3] });
    expect(same.statusCode).toBe(200);
    expect(await lastChanges(id)).toEqual({});
  });

  it("refuses a grid outside the unit's area, unknown grids and malformed sets; nothing changes", async () => {
    const id = await userId("yuhua_grid01");
    const before = await storedGrids(id);
    const beforeRow = await ctx.services.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    const auditsBefore = (await updateAudits(id)).length;

    for (const outside of [C1, NEIGHBOUR]) {
      const res = await patchUser(id, { gridCodes: [Y1, outside], displayName: "改名不应生效" });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code: "GRID_OUT_OF_UNIT", details: { gridCodes: [outside] } });
      expect(res.json().error.message).toBe("网格不在该账号所属单位的辖区内");
    }
    const unknown = await patchUser(id, { gridCodes: ["21030399999999"] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: "VALIDATION_FAILED", details: { field: "gridCodes" } });
    expect((await patchUser(id, { gridCodes: [Y1, Y1] })).statusCode).toBe(400);
    expect((await patchUser(id, { gridCodes: ["2103"] })).statusCode).toBe(400);
    const tooMany = Array.from({ length: 51 }, (_, i) => `210303003003${String(i).padStart(2, "0")}`);
    expect((await patchUser(id, { gridCodes: tooMany })).statusCode).toBe(400);

    expect(await storedGrids(id)).toEqual(before);
    const afterRow = await ctx.services.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    expect(afterRow).toEqual(beforeRow);
    expect((await updateAudits(id)).length).toBe(auditsBefore);
  });

  it("assigns grids to grid workers only", async () => {
    const station = await userId("yuhua_station");
    const res = await patchUser(station, { gridCodes: [Y1] });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: "VALIDATION_FAILED", details: { field: "gridCodes" } });
    expect(await storedGrids(station)).toEqual([]);
    // an empty set asks for nothing and is fine
    expect((await patchUser(station, { gridCodes: [] })).statusCode).toBe(200);

    const created = await createUser({
      username: "yuhua_clerk",
      displayName: "裕华社区工作站 文员",
      unitCode: STATION,
      roles: ["community_station"],
      password: PASSWORD,
      gridCodes: [Y1],
    });
    expect(created.statusCode, created.body).toBe(422);
    const none = await ctx.services.db.selectFrom("users").select("id").where("username", "=", "yuhua_clerk").execute();
    expect(none).toEqual([]);
  });

  it("moving a worker to another unit re-checks the grids; losing the role clears them", async () => {
    const res = await createUser({
      username: "yuhua_grid04",
      displayName: "裕华社区网格员 四号",
      unitCode: STATION,
      roles: ["grid_worker"],
      password: PASSWORD,
      gridCodes: [Y1],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;

    const keptOutside = await patchUser(id, { unitCode: CHANGDA_STATION });
    expect(keptOutside.statusCode).toBe(422);
    expect(keptOutside.json().error.code).toBe("GRID_OUT_OF_UNIT");
    const moved = await patchUser(id, { unitCode: CHANGDA_STATION, gridCodes: [C1] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ unitCode: CHANGDA_STATION, gridCodes: [C1] });
    expect(await homeGrids(await signIn("yuhua_grid04"))).toEqual([C1]);

    const demoted = await patchUser(id, { roles: ["community_station"] });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(demoted.json().gridCodes).toEqual([]);
    expect(await storedGrids(id)).toEqual([]);
    expect(await lastChanges(id)).toMatchObject({
      roles: { from: ["grid_worker"], to: ["community_station"] },
      gridCodes: { from: [C1], to: [] },
    });
  });
});
