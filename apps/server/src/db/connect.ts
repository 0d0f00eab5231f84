// The database handle: a pg pool and Kysely over it. With DATABASE_URL we use that server; without
// it we start the embedded PostgreSQL under DATA_DIR and use a database named `civicgrid` in it.
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { type EmbeddedDb, startEmbeddedPostgres } from "./embedded.ts";
import type { Database } from "./schema.ts";

// Return bigint/numeric as JS numbers where safe: counts and limits here are small.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// `date` stays a 'YYYY-MM-DD' string: calendar days have no time zone.
pg.types.setTypeParser(1082, (v) => v);

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  pool: pg.Pool;
  url: string;
  embedded: EmbeddedDb | null;
  close: () => Promise<void>;
}

export async function connectDatabase(config: Config, logger: Logger): Promise<DbHandle> {
  let url = config.DATABASE_URL;
  let embedded: EmbeddedDb | null = null;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.PG_PORT, logger });
    await ensureDatabase(embedded.adminUrl(), "civicgrid");
    url = embedded.adminUrl("civicgrid");
  }
  return openPool(url, embedded);
}

export function openPool(url: string, embedded: EmbeddedDb | null = null, max = 20): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", () => {}); // idle client errors surface on the next query instead
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    url,
    embedded,
    close: async () => {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) {
      const ident = client.escapeIdentifier(name);
      await client.query(
        template
          ? `create database ${ident} template ${client.escapeIdentifier(template)}`
          : `create database ${ident}`,
      );
    }
  } finally {
    await client.end();
  }
}
