// Backup and restore of the CivicGrid database. PostgreSQL's own tools when a pg_dump/pg_restore of
// at least the server's major version is installed (PATH or /usr/lib/postgresql/*/bin): pg_dump -Fc
// and pg_restore into a new database. Otherwise (the embedded PostgreSQL 17 ships no pg_dump) the
// logical COPY backup of logical.ts. A restore always goes into a database that does not exist yet,
// unless `force` drops it first.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { open, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { migrate } from "../db/migrate.ts";
import { LOGICAL_MAGIC, loadLogicalBackup, readLogicalBackup, writeLogicalBackup } from "./logical.ts";

const run = promisify(execFile);

export type BackupFormat = "pg_dump" | "logical";

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // (SHOW names its column after the setting: select it as `v`, or every pg_dump would look new enough)
    const v =
      (await client.query<{ v: string }>("select current_setting('server_version_num') as v")).rows[0]?.v ?? "0";
    return Math.floor(Number(v) / 10_000);
  } finally {
    await client.end();
  }
}

/** The bin folder of the newest PostgreSQL client tools at hand whose major version is at least `major`. */
export async function findPgTools(major: number): Promise<string | null> {
  const candidates = [
    ...(process.env.PATH ?? "").split(path.delimiter),
    ...(existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql").map((v) => path.join("/usr/lib/postgresql", v, "bin"))
      : []),
  ];
  let best: { dir: string; major: number } | null = null;
  for (const dir of candidates) {
    const dump = path.join(dir, "pg_dump");
    if (!existsSync(dump) || !existsSync(path.join(dir, "pg_restore"))) continue;
    try {
      const { stdout } = await run(dump, ["--version"]);
      const m = Number(stdout.match(/(\d+)(?:\.\d+)?/)?.[1] ?? 0);
      if (m >= major && (!best || m > best.major)) best = { dir, major: m };
    } catch {}
  }
  return best?.dir ?? null;
}

/**
 * Runs a PostgreSQL client tool with the password in PGPASSWORD, not in its arguments: arguments show
 * in `ps` and in the error message of a failed run.
 */
async function runPgTool(tool: string, args: string[], url: string): Promise<void> {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  try {
    await run(tool, [...args, "-d", u.toString()], { env: { ...process.env, PGPASSWORD: password } });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? "").trim();
    throw new Error(`${path.basename(tool)} failed: ${stderr || (err as Error).message}`);
  }
}

export async function backupDatabase(url: string, file: string, format?: BackupFormat): Promise<BackupFormat> {
  const tools = format === "logical" ? null : await findPgTools(await serverMajor(url));
  if (format === "pg_dump" && !tools) throw new Error("no pg_dump of the server's major version or newer is installed");
  try {
    if (tools) {
      await runPgTool(path.join(tools, "pg_dump"), ["-Fc", "--no-owner", "--no-privileges", "-f", file], url);
      return "pg_dump";
    }
    await writeLogicalBackup(url, file);
    return "logical";
  } catch (err) {
    // no half-written file that looks like a backup
    await rm(file, { force: true });
    throw err;
  }
}

/** What kind of file this is: pg_dump's custom format starts with PGDMP; ours is gzip. */
async function formatOf(file: string): Promise<BackupFormat> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString("latin1") === "PGDMP") return "pg_dump";
    if (head[0] === 0x1f && head[1] === 0x8b) return "logical";
  } finally {
    await handle.close();
  }
  throw new Error(`${file} is neither a pg_dump archive nor a ${LOGICAL_MAGIC} file`);
}

export interface RestoreOptions {
  file: string;
  /** connection string of a maintenance database on the target server (the owner / superuser) */
  adminUrl: string;
  database: string;
  /** drop the database first if it exists */
  force?: boolean;
}

export async function restoreDatabase({ file, adminUrl, database, force }: RestoreOptions): Promise<BackupFormat> {
  const format = await formatOf(file);
  // read and check the whole file before touching any database
  const logical = format === "logical" ? await readLogicalBackup(file) : null;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const ident = admin.escapeIdentifier(database);
  try {
    const exists = (await admin.query("select 1 from pg_database where datname = $1", [database])).rowCount;
    if (exists && !force)
      throw new Error(`database ${database} already exists; restore into a new one, or pass --force to replace it`);
    if (exists) {
      // never pull a database from under a running server: --force is for a stopped one
      const users = await admin.query("select 1 from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [
        database,
      ]);
      if (users.rowCount) throw new Error(`database ${database} is in use (is the server running?); stop it first`);
      await admin.query(`drop database ${ident}`);
    }
    await admin.query(`create database ${ident}`);
  } finally {
    await admin.end();
  }
  const target = new URL(adminUrl);
  target.pathname = `/${database}`;
  const url = target.toString();
  try {
    if (format === "pg_dump") {
      const tools = await findPgTools(await serverMajor(url));
      if (!tools) throw new Error("no pg_restore of the server's major version or newer is installed");
      await runPgTool(path.join(tools, "pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", file], url);
      return format;
    }
    const { manifest, data } = logical as Awaited<ReturnType<typeof readLogicalBackup>>;
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await migrate(pool);
    } finally {
      await pool.end();
    }
    await loadLogicalBackup(url, manifest, data);
    return format;
  } catch (err) {
    // a failed restore leaves no half-filled database behind (a retry needs no --force)
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${ident} with (force)`).catch(() => {});
    await cleanup.end();
    throw err;
  }
}
