// The database handle: a pg pool and Kysely over it. With DATABASE_URL we use that server; without
// it we start the embedded PostgreSQL under DATA_DIR and use a database named `civicgrid` in it.
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { appRoleUrl, canManageRoles } from "./app-role.ts";
import { type EmbeddedDb, startEmbeddedPostgres } from "./embedded.ts";
import type { Database } from "./schema.ts";

// Return bigint/numeric as JS numbers where safe: counts and limits here are small.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// `date` stays a 'YYYY-MM-DD' string: calendar days have no time zone.
pg.types.setTypeParser(1082, (v) => v);

export type Db = Kysely<Database>;

export interface DbPool {
  db: Db;
  pool: pg.Pool;
  url: string;
}

export interface DbHandle extends DbPool {
  /** the owner's pool: migrations, seeding, the app role's grants (and dump/restore tools) */
  owner: DbPool;
  /** the app role's password when `db` runs as the restricted role, else null (runs as the owner) */
  appRolePassword: string | null;
  embedded: EmbeddedDb | null;
  close: () => Promise<void>;
}

/**
 * Opens the owner's pool and, when the owner may manage roles, a second pool as the restricted app
 * role (src/db/app-role.ts; it connects lazily, after prepareDatabase has created the role). Without
 * that right (a managed DATABASE_URL) the server warns and runs everything as the given user.
 */
export async function connectDatabase(config: Config, logger: Logger): Promise<DbHandle> {
  let url = config.DATABASE_URL;
  let embedded: EmbeddedDb | null = null;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.PG_PORT, logger });
    await ensureDatabase(embedded.adminUrl(), "civicgrid");
    url = embedded.adminUrl("civicgrid");
  }
  if (await canManageRoles(url)) {
    return openHandle(url, { embedded, appUrl: appRoleUrl(url, config.dataDir) });
  }
  logger.warn(
    "the database user may not create roles: the server runs as that user, without the restricted application role (docs/security.md)",
  );
  return openHandle(url, { embedded });
}

function openDbPool(url: string, max: number): DbPool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", () => {}); // idle client errors surface on the next query instead
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool, url };
}

export interface OpenHandleOptions {
  embedded?: EmbeddedDb | null;
  max?: number;
  /** the app role's URL: queries run as that role, the owner's pool stays for maintenance */
  appUrl?: string;
}

export function openHandle(ownerUrl: string, o: OpenHandleOptions = {}): DbHandle {
  const max = o.max ?? 20;
  const owner = openDbPool(ownerUrl, o.appUrl ? Math.min(4, max) : max);
  const app = o.appUrl ? openDbPool(o.appUrl, max) : owner;
  return {
    ...app,
    owner,
    appRolePassword: o.appUrl ? decodeURIComponent(new URL(o.appUrl).password) : null,
    embedded: o.embedded ?? null,
    close: async () => {
      if (app !== owner) await app.db.destroy();
      await owner.db.destroy();
      await o.embedded?.stop();
    },
  };
}

/** One pool as the given user (both roles the same): tests' admin connections, tools. */
export function openPool(url: string, embedded: EmbeddedDb | null = null, max = 20): DbHandle {
  return openHandle(url, { embedded, max });
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
