// Demo mode: the grids each demo grid worker looks after (我的网格). Idempotent, and run on every
// start so that a database seeded before grid assignments existed gets them too.
import type { Db } from "../db/connect.ts";

/** username → the grids of that worker; yuhua_grid01 walks 裕华社区第01网格. */
export const DEMO_GRID_ASSIGNMENTS: readonly { username: string; gridCodes: readonly string[] }[] = [
  { username: "yuhua_grid01", gridCodes: ["21030300300301"] },
];

export async function seedDemoGridAssignments(db: Db): Promise<number> {
  let added = 0;
  for (const { username, gridCodes } of DEMO_GRID_ASSIGNMENTS) {
    const user = await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst();
    if (!user) continue;
    const grids = await db.selectFrom("grids").select("code").where("code", "in", gridCodes).execute();
    if (!grids.length) continue;
    const inserted = await db
      .insertInto("grid_worker_grids")
      .values(grids.map((g) => ({ user_id: user.id, grid_code: g.code })))
      .onConflict((oc) => oc.doNothing())
      .returning("grid_code")
      .execute();
    added += inserted.length;
  }
  return added;
}
