// scratch (S2): phase timings of the search use case on the bench cluster
import { parseSearchQuery } from "@civicgrid/domain";
import { readFileSync } from "node:fs";
import { createServices } from "../src/boot.ts";
import { loadConfig } from "../src/config.ts";
import { openPool } from "../src/db/connect.ts";
import { createLogger } from "../src/logger.ts";
import { presentSearchPage } from "../src/presenters/search-result.ts";
import { newestMatches } from "../src/search/newest-matches.ts";
import { filteredCases } from "../src/use-cases/list-cases.ts";
import { searchCases } from "../src/use-cases/search-cases.ts";
const pw = readFileSync("/tmp/s2bench/d1/.pg-password", "utf8").trim();
const handle = openPool(`postgres://postgres:${encodeURIComponent(pw)}@127.0.0.1:55433/cg_bench`, null, 10);
const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: "bench-password-1", NODE_ENV: "test", DATA_DIR: "/tmp/s2bench/d1/data" });
const services = await createServices(handle, config, createLogger("warn"));
const user = await services.db.selectFrom("users").selectAll().where("username", "=", process.argv[2] ?? "city_dispatcher").executeTakeFirstOrThrow();
const actor = { userId: user.id, username: user.username, displayName: "", roles: user.roles as never, unit: services.places.units.get(user.unit_code)!, sessionId: "x" };
for (const q of process.argv.slice(3)) {
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    const query = parseSearchQuery(q);
    const pool = await newestMatches({ db: services.db, scoped: filteredCases({ services, actor, filter: {} }), query, now: new Date(), limit: 500 });
    const t1 = performance.now();
    const res = await searchCases({ services, actor, q, filter: {}, page: 1, pageSize: 20 });
    const t2 = performance.now();
    presentSearchPage(res, services.places, new Date());
    const t3 = performance.now();
    console.log(q, pool.plan, JSON.stringify(pool.estimates), pool.rows.length, `pool ${(t1 - t0).toFixed(1)} full ${(t2 - t1).toFixed(1)} present ${(t3 - t2).toFixed(1)}`);
  }
}
await handle.close();
