// The database the CLI tools work on, as the server finds it: DATABASE_URL (the owner's URL), or the
// embedded PostgreSQL under DATA_DIR as its `postgres` superuser — the running postmaster is reused
// (the server may be up), otherwise it is started for the command and stopped after.
import { loadConfig } from "../config.ts";
import { startEmbeddedPostgres } from "../db/embedded.ts";
import { createLogger } from "../logger.ts";

export interface DatabaseTarget {
  /** the CivicGrid database */
  url: string;
  /** a maintenance database on the same server, for CREATE/DROP DATABASE */
  adminUrl: string;
  stop: () => Promise<void>;
}

export async function databaseTarget(): Promise<DatabaseTarget> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    const admin = new URL(config.DATABASE_URL);
    admin.pathname = "/postgres";
    return { url: config.DATABASE_URL, adminUrl: admin.toString(), stop: async () => {} };
  }
  const logger = createLogger(config.LOG_LEVEL);
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.PG_PORT, logger });
  return { url: embedded.adminUrl("civicgrid"), adminUrl: embedded.adminUrl(), stop: embedded.stop };
}
