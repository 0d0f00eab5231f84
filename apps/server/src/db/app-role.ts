// The application's own database role (issue #5): the server runs its queries as `civicgrid_app`,
// which may read and write the tables but only INSERT (and SELECT) the append-only ones — audit_log
// and case_events — so no bug or injection in the application can rewrite history. Migrations,
// seeding and role management run as the owner (the superuser of the embedded PostgreSQL, or the
// DATABASE_URL user). The password is derived from the owner's, so every process agrees on it.
import { createHmac } from "node:crypto";
import pg from "pg";
import { loadKey } from "../lib/keys.ts";
import type { Logger } from "../logger.ts";

export const APP_ROLE = "civicgrid_app";
/** tables the application may append to and read, never change */
export const APPEND_ONLY_TABLES = ["audit_log", "case_events", "incident_log"] as const;
const ROLE_LOCK = 7_312_046;

/** The app role's password: HMAC of the owner's password (or, without one, of a DATA_DIR key). */
export function appRolePassword(ownerUrl: string, dataDir: string): string {
  const ownerPassword = decodeURIComponent(new URL(ownerUrl).password);
  const secret = ownerPassword || loadKey({ dataDir, name: "db-app" });
  return createHmac("sha256", secret).update(APP_ROLE).digest("base64url");
}

export function appRoleUrl(ownerUrl: string, dataDir: string): string {
  const u = new URL(ownerUrl);
  u.username = APP_ROLE;
  u.password = encodeURIComponent(appRolePassword(ownerUrl, dataDir));
  return u.toString();
}

/** May the owner create roles? (With DATABASE_URL it may not: then the server runs as given.) */
export async function canManageRoles(ownerUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = await client.query("select rolsuper or rolcreaterole as ok from pg_roles where rolname = current_user");
    return r.rows[0]?.ok === true;
  } finally {
    await client.end();
  }
}

/**
 * Creates (or updates the password of) the app role and grants it what it needs on the current
 * database's tables. Run as the owner, after the migrations, on every start: idempotent.
 */
export async function ensureAppRole(ownerPool: pg.Pool, password: string, logger: Logger): Promise<void> {
  const client = await ownerPool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [ROLE_LOCK]);
    const role = client.escapeIdentifier(APP_ROLE);
    const pw = client.escapeLiteral(password);
    const exists = await client.query("select 1 from pg_roles where rolname = $1", [APP_ROLE]);
    try {
      if (exists.rowCount === 0) {
        await client.query(`create role ${role} login password ${pw}`);
        logger.info({ role: APP_ROLE }, "database role for the application created");
      } else {
        await client.query(`alter role ${role} login password ${pw}`);
      }
    } catch (err) {
      // another database of the same cluster (tests) created it meanwhile: the password is the same
      if (!["42710", "23505", "XX000"].includes((err as { code?: string }).code ?? "")) throw err;
    }
    const db = client.escapeIdentifier((await client.query("select current_database() as d")).rows[0].d);
    const appendOnly = APPEND_ONLY_TABLES.join(", ");
    await client.query(`
      grant connect, temporary on database ${db} to ${role};
      grant usage on schema public to ${role};
      grant select, insert, update, delete on all tables in schema public to ${role};
      revoke update, delete, truncate on ${appendOnly} from ${role};
      grant usage, select on all sequences in schema public to ${role};
      grant execute on all functions in schema public to ${role};
      alter default privileges in schema public grant select, insert, update, delete on tables to ${role};
      alter default privileges in schema public grant usage, select on sequences to ${role};
      alter default privileges in schema public grant execute on functions to ${role};
    `);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [ROLE_LOCK]).catch(() => {});
    client.release();
  }
}
