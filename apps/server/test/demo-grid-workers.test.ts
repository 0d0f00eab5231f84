// The demo's per-grid workers (seed-demo-workers.ts) and their week of patrols (seed-demo-patrols.ts),
// as the test template seeds them: one per grid, unable to sign in, reporters of the grid channel.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridWorkerName } from "../src/seed/seed-demo-workers.ts";
import { TEST_PASSWORD } from "./constants.ts";
import { createTestContext, type TestContext } from "./harness.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("demo grid workers", () => {
  it("seeds one grid worker per grid, in the grid's community station, with a deterministic name", async () => {
    const db = ctx.handle.owner.db;
    const { rows } = await sql<{ grids: number; workers: number; mismatched: number }>`
      select (select count(*)::int from grids) as grids,
             (select count(*)::int from users u join grid_worker_grids g on g.user_id = u.id
               where u.username = 'gw' || g.grid_code and 'grid_worker' = any(u.roles)) as workers,
             (select count(*)::int from users u join grids g on u.username = 'gw' || g.code
               where u.unit_code <> g.community_code || '-station') as mismatched`.execute(db);
    expect(rows[0]?.grids).toBeGreaterThan(4000);
    expect(rows[0]?.workers).toBe(rows[0]?.grids);
    expect(rows[0]?.mismatched).toBe(0);
    const one = await db
      .selectFrom("users")
      .select("display_name")
      .where("username", "=", "gw21030300300301")
      .executeTakeFirstOrThrow();
    expect(one.display_name).toBe(gridWorkerName("21030300300301"));
    expect(one.display_name).toMatch(/^\p{Script=Han}{2,3}$/u);
    // the named demo account is untouched and still holds its grid
    const named = await db
      .selectFrom("users as u")
      .innerJoin("grid_worker_grids as g", "g.user_id", "u.id")
      .select(["u.display_name", "g.grid_code"])
      .where("u.username", "=", "yuhua_grid01")
      .execute();
    expect(named).toEqual([{ display_name: "裕华社区网格员 陈静", grid_code: "21030300300301" }]);
  });

  it("cannot sign in: the usual 401 INVALID_CREDENTIALS, whatever the password", async () => {
    for (const password of [TEST_PASSWORD, "!no-password", ""]) {
      const res = await ctx.api(null, {
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "gw21030300300301", password },
      });
      if (password === "") {
        expect(res.statusCode).toBe(400);
        continue;
      }
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("INVALID_CREDENTIALS");
    }
  });

  it("attributes grid-channel history cases to their grid's worker", async () => {
    const { rows } = await sql<{ grid: number; attributed: number; others: number; events: number }>`
      select count(*) filter (where c.source = 'grid')::int as grid,
             count(*) filter (where c.source = 'grid' and u.username = 'gw' || c.grid_code)::int as attributed,
             count(*) filter (where c.source <> 'grid' and c.reported_by is not null)::int as others,
             (select count(*)::int from case_events e join cases c2 on c2.id = e.case_id
               where e.seq = 1 and c2.source = 'grid' and e.actor_user_id = c2.reported_by) as events
        from cases c left join users u on u.id = c.reported_by`.execute(ctx.handle.owner.db);
    const r = rows[0];
    expect(r?.grid).toBeGreaterThan(100);
    expect(r?.attributed).toBe(r?.grid);
    expect(r?.others).toBe(0);
    expect(r?.events).toBe(r?.grid);
  });

  it("seeds a week of closed patrols with their points inside the worker's grid", async () => {
    const db = ctx.handle.owner.db;
    const { rows } = await sql<{ patrols: number; open: number; workers: number; grids: number; bad_count: number }>`
      select count(*)::int as patrols, count(*) filter (where p.ended_at is null)::int as open,
             count(distinct p.user_id)::int as workers, (select count(*)::int from grids) as grids,
             count(*) filter (where p.point_count <> (select count(*) from patrol_points pp where pp.patrol_id = p.id))::int as bad_count
        from patrols p join users u on u.id = p.user_id where u.username ~ '^gw[0-9]{14}$'`.execute(db);
    const r = rows[0];
    expect(r?.open).toBe(0);
    expect(r?.bad_count).toBe(0);
    expect(r?.workers).toBeGreaterThan((r?.grids ?? 0) * 0.9);
    expect(r?.patrols).toBeGreaterThan((r?.grids ?? 0) * 5);
    const sample = await sql<{ username: string; lat: number; lng: number; at: Date; started_at: Date }>`
      select u.username, pp.lat, pp.lng, pp.at, p.started_at from patrol_points pp
        join patrols p on p.id = pp.patrol_id join users u on u.id = p.user_id
       where u.username ~ '^gw[0-9]{14}$' order by pp.patrol_id, pp.at limit 3000`.execute(db);
    for (const p of sample.rows) {
      expect(ctx.services.places.locate(p.lat, p.lng)?.grid).toBe(p.username.slice(2));
      expect(p.at.getTime()).toBeGreaterThanOrEqual(p.started_at.getTime());
      expect(p.at.getTime()).toBeLessThanOrEqual(ctx.clock.now().getTime());
    }
  });
});
