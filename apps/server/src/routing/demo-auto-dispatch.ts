// The live demo switches auto-dispatch on, when its first models are activated, for every category
// whose threshold kept precision ≥ 0.95 on held-out cases — so the big screen's 自动派遣占比 shows
// the feature working on the demo's new reports. A real city starts with every category off and
// switches them on itself (models page); tests and DEMO_LIVE=off leave them off too.
import type { Db } from "../db/connect.ts";

/** Switches on the categories that have a threshold; returns how many were switched on. */
export async function enableDemoAutoDispatch(db: Db, now: Date): Promise<number> {
  const rows = await db
    .updateTable("auto_dispatch_settings")
    .set({ enabled: true, updated_at: now, updated_by: null })
    .where("threshold", "is not", null)
    .where("enabled", "=", false)
    .returning("category_code")
    .execute();
  return rows.length;
}
