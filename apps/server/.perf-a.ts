// scratch (helper A, not committed): migrate + seed reference into a scratch DB
import { openHandle } from "./src/db/connect.ts";
import { migrate } from "./src/db/migrate.ts";
import { seedReference } from "./src/seed/seed-reference.ts";
import { createLogger } from "./src/logger.ts";
const h = openHandle(process.argv[2] as string);
await migrate(h.owner.pool);
await seedReference(h.owner.db, createLogger("warn"));
await h.close();
