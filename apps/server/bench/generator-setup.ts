// The bench generator's side tables: the lookup tables of generator-tables.ts in a throwaway `bench`
// schema (unlogged: nothing there outlives the run), the made-up grid workers who report the
// grid-channel cases, and their patrols (a month of past walks and the ones under way now), so that
// the screen's "on patrol now" figure and worker layer have something realistic to find.
import { sql } from "kysely";
import type { Db } from "../src/db/connect.ts";
import { NO_PASSWORD } from "../src/lib/password.ts";
import { PATROL_HISTORY_DAYS } from "../src/seed/seed-demo-patrols.ts";
import { benchFunctionsSql } from "./case-batch-sql.ts";
import { CAT_SLOTS, type LookupTables, SPOTS } from "./generator-tables.ts";

export async function createLookupSchema(db: Db, t: LookupTables, seed: number): Promise<void> {
  await sql`drop schema if exists bench cascade`.execute(db);
  await sql`create schema bench`.execute(db);
  await sql.raw(benchFunctionsSql(seed)).execute(db);

  // the reporters of grid-channel cases: one worker per grid that has none (the demo seeds one per
  // grid, seed-demo-workers.ts; these are for a database without them), who cannot sign in
  if (t.workers.length > 0) {
    await sql`
      insert into users (username, display_name, password_hash, unit_code, roles)
      select 'bench_gw_' || g, name, ${NO_PASSWORD}, station, array['grid_worker']
      from unnest(${t.workers.map((w) => w[0])}::text[], ${t.workers.map((w) => w[1])}::text[],
        ${t.workers.map((w) => w[2])}::text[]) as x(g, name, station)
      on conflict (username) do nothing`.execute(db);
    await sql`
      insert into grid_worker_grids (user_id, grid_code)
      select id, substr(username, 10) from users where username like 'bench\\_gw\\_%'
      on conflict do nothing`.execute(db);
  }

  const s = t.spots;
  await sql`
    create unlogged table bench.spot as
    select x.*, w.user_id as reporter
    from unnest(${s.map((_, i) => i)}::int[], ${s.map((p) => p.grid)}::text[], ${s.map((p) => p.community)}::text[],
      ${s.map((p) => p.township)}::text[], ${s.map((p) => p.district)}::text[], ${s.map((p) => p.city)}::text[],
      ${s.map((p) => p.districtIdx)}::int[], ${s.map((p) => p.centre)}::text[], ${s.map((p) => p.districtCentre)}::text[],
      ${s.map((p) => p.station)}::text[], ${s.map((p) => p.lat)}::float8[], ${s.map((p) => p.lng)}::float8[],
      ${s.map((p) => p.area)}::text[])
      as x(i, grid_code, community_code, township_code, district_code, city_code, district_idx, centre,
        district_centre, station, lat, lng, area)
    left join (select distinct on (grid_code) grid_code::text, user_id from grid_worker_grids
      order by grid_code, assigned_at, user_id) w on w.grid_code = x.grid_code`.execute(db);
  if (s.length !== SPOTS) throw new Error("bench: spot table incomplete");
  const draws = Array.from(t.catDraws);
  await sql`create unlogged table bench.cat_draw as
    select * from unnest(${draws.map((_, i) => i)}::int[], ${draws}::int[]) as x(key, cat)`.execute(db);
  if (draws.length !== 24 * CAT_SLOTS) throw new Error("bench: category draws incomplete");
  await sql`create unlogged table bench.cat as
    select * from unnest(${t.categories.map((_, i) => i)}::int[], ${t.categories}::text[]) as x(i, code)`.execute(db);
  const r = t.routes;
  await sql`create unlogged table bench.route as
    select key, kind, unit, rule, reason::jsonb, limit_days::numeric(5, 2) as limit_days
    from unnest(${r.map((x) => x.key)}::int[], ${r.map((x) => x.kind)}::text[], ${r.map((x) => x.unitCode)}::text[],
      ${r.map((x) => x.rule)}::text[], ${r.map((x) => x.reason)}::text[], ${r.map((x) => x.limitDays)}::float8[])
      as x(key, kind, unit, rule, reason, limit_days)`.execute(db);
  await sql`create unlogged table bench.text as
    select * from unnest(${t.texts.map((_, i) => i)}::int[], ${t.texts.map((x) => x.title)}::text[],
      ${t.texts.map((x) => x.description)}::text[], ${t.texts.map((x) => x.resultNote)}::text[])
      as x(key, title, description, result_note)`.execute(db);
  const d = t.days;
  await sql`create unlogged table bench.day as
    select * from unnest(${d.map((x) => x.i)}::int[], ${d.map((x) => x.day)}::date[], ${d.map((x) => x.start)}::float8[],
      ${d.map((x) => x.span)}::float8[], ${d.map((x) => x.month)}::int[], ${d.map((x) => x.count)}::int[],
      ${d.map((x) => x.firstN)}::bigint[], ${d.map((x) => x.codeOffset)}::int[])
      as x(i, day, start_s, span_s, month, n, first_n, code_offset)`.execute(db);
  for (const [table, key] of [
    ["spot", "i"],
    ["cat_draw", "key"],
    ["cat", "i"],
    ["route", "key"],
    ["text", "key"],
    ["day", "i"],
  ] as const) {
    await sql.raw(`alter table bench.${table} add primary key (${key}); analyze bench.${table}`).execute(db);
  }
}

/**
 * Patrols of every grid worker: on 80% of the days 8–30 days back one walk of 1.5–3 hours (12 track
 * points; the demo seed walks the last week: seed-demo-patrols.ts), and for 35% of the workers a
 * walk under way now, started 10–150 minutes ago, a point every two minutes up to 0–40 minutes ago
 * (so some are no longer "on patrol now": silent for over 30 minutes).
 */
export async function generatePatrols(db: Db, now: Date): Promise<{ patrols: number; points: number }> {
  const at = now.toISOString();
  await sql`
    create unlogged table bench.patrol as
    with w as (
      select distinct on (g.user_id) g.user_id, c.lat, c.lng
      from grid_worker_grids g
      join (select grid_code, avg(lat) as lat, avg(lng) as lng from bench.spot group by grid_code) c
        on c.grid_code = g.grid_code::text
      order by g.user_id, g.grid_code
    ), today as (
      select (date_trunc('day', ${at}::timestamptz at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as t
    )
    select md5('bench-patrol:' || w.user_id || ':' || d)::uuid as id, w.user_id, w.lat, w.lng,
      today.t - d * interval '1 day' + (8.5 + 2 * bench.uh(w.user_id || ':' || d, 1)) * interval '1 hour' as started_at,
      (1.5 + 1.5 * bench.uh(w.user_id || ':' || d, 2)) * interval '1 hour' / 11 as step, 12 as points, false as open
    from w cross join today cross join generate_series(${PATROL_HISTORY_DAYS + 1}::int, 30) d
    where bench.uh(w.user_id || ':' || d, 3) < 0.8
    union all
    select md5('bench-patrol:' || w.user_id || ':now')::uuid, w.user_id, w.lat, w.lng,
      ${at}::timestamptz - (10 + 140 * bench.uh(w.user_id || ':now', 1)) * interval '1 minute',
      interval '2 minutes',
      1 + floor(greatest(0, 10 + 140 * bench.uh(w.user_id || ':now', 1) - 40 * bench.uh(w.user_id || ':now', 2)) / 2)::int,
      true
    from w where bench.uh(w.user_id || ':now', 3) < 0.35`.execute(db);
  await sql`
    insert into patrols (id, user_id, started_at, ended_at, distance_m, point_count, idempotency_key, created_at)
    select id, user_id, started_at, case when open then null else started_at + step * (points - 1) end,
      points * 85, points, 'bench-' || id, started_at
    from bench.patrol
    on conflict do nothing`.execute(db);
  const points = await sql`
    insert into patrol_points (patrol_id, at, lat, lng, accuracy)
    select p.id, p.started_at + i * p.step,
      p.lat + (bench.uh(p.id || ':' || i, 4) - 0.5) * 0.003, p.lng + (bench.uh(p.id || ':' || i, 5) - 0.5) * 0.004, 8
    from bench.patrol p
    join patrols q on q.id = p.id
    cross join lateral generate_series(0, p.points - 1) i
    on conflict do nothing`.execute(db);
  const n = await sql<{ n: number }>`select count(*)::int as n from bench.patrol`.execute(db);
  return { patrols: n.rows[0]!.n, points: Number(points.numAffectedRows ?? 0) };
}
