// Demo mode: one grid worker for every grid (Anshan has ~67,000; the seed has a grid per worker), so
// the big screen's patrol layer, emergency mode and the assessment's 网格员 ranking have people. They
// belong to their community's work station, are named deterministically from the grid code, and hold
// no usable password: nobody signs in as them (the named demo account yuhua_grid01 is for that).
import { sql } from "kysely";
import type { Db } from "../db/connect.ts";
import { NO_PASSWORD } from "../lib/password.ts";
import type { Logger } from "../logger.ts";
import { personName } from "./history/people.ts";
import { Rng } from "./history/random.ts";
import { seedOf } from "./patrol-walk.ts";

/** Username of the demo worker of a grid. */
export const gridWorkerUsername = (gridCode: string) => `gw${gridCode}`;
/** Matches those usernames (and nothing an administrator would type by chance). */
export const GRID_WORKER_USERNAME_SQL = "^gw[0-9]{14}$";

/** The demo worker's name for a grid: the same on every machine and every start. */
export function gridWorkerName(gridCode: string): string {
  return personName(new Rng(seedOf(`grid-worker:${gridCode}`)));
}

/** Creates the missing per-grid workers and their grid assignments (two statements); idempotent. */
export async function seedDemoGridWorkers(db: Db, logger: Logger): Promise<number> {
  const grids = await db.selectFrom("grids").select("code").orderBy("code").execute();
  if (!grids.length) return 0;
  const codes = grids.map((g) => g.code.trim());
  const inserted = await sql<{ username: string }>`
    insert into users (username, display_name, password_hash, unit_code, roles)
    select 'gw' || t.code, t.name, ${NO_PASSWORD}, u.code, array['grid_worker']
      from unnest(${codes}::text[], ${codes.map(gridWorkerName)}::text[]) as t(code, name)
      join grids g on g.code = t.code
      join units u on u.code = g.community_code || '-station'
    on conflict (username) do nothing
    returning username`.execute(db);
  await sql`
    insert into grid_worker_grids (user_id, grid_code)
    select u.id, g.code from users u join grids g on g.code = substr(u.username, 3)
     where u.username ~ ${GRID_WORKER_USERNAME_SQL}
    on conflict do nothing`.execute(db);
  if (inserted.rows.length) logger.info({ workers: inserted.rows.length }, "seeded demo grid workers (one per grid)");
  return inserted.rows.length;
}
