// scratch (S2): seed a database on the scratch cluster
import { prepareDatabase, seedDemoHistory } from "../src/boot.ts";
import { loadConfig } from "../src/config.ts";
import { ensureDatabase, openPool } from "../src/db/connect.ts";
import { createLogger } from "../src/logger.ts";
const admin = "postgres://postgres@localhost:55432/postgres?host=/tmp/s2pg";
const db = process.argv[2] ?? "seed78k";
await ensureDatabase(admin, db);
const handle = openPool(`postgres://postgres@localhost:55432/${db}?host=/tmp/s2pg`, null, 4);
const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: "bench-password-1", CIVICGRID_DEMO: "true", SEED_HISTORY_CASES: process.argv[3] ?? "78182", NODE_ENV: "test", DATA_DIR: "/tmp/s2work/data" });
const logger = createLogger("info");
let t = performance.now();
await prepareDatabase(handle, config, logger);
console.log("prepare", performance.now() - t);
t = performance.now();
await seedDemoHistory(handle, config, logger);
console.log("seed", performance.now() - t);
await handle.close();
