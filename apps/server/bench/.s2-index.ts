// scratch (S2): time the backfill on the scratch cluster
import { openPool } from "../src/db/connect.ts";
import { migrate } from "../src/db/migrate.ts";
import { indexCaseTexts } from "../src/jobs/index-case-texts.ts";
const db = process.argv[2] ?? "seed78k";
const handle = openPool(`postgres://postgres@localhost:55432/${db}?host=/tmp/s2pg`, null, 4);
console.log(await migrate(handle.pool));
const t = performance.now();
console.log(await indexCaseTexts({ db: handle.db }), ((performance.now() - t) / 1000).toFixed(1), "s");
await handle.close();
