// A logical backup written with PostgreSQL's own COPY protocol, for when no pg_dump of the server's
// major version is at hand (the embedded PostgreSQL 17 ships without one; Debian 12's is 15). One
// gzip'd file: a header line, then each table's COPY text (tables in foreign-key order), then a
// manifest (migrations applied, per table: columns, rows, sha256 of its COPY text). Restore creates
// the schema by running the migrations, COPYs each table in (triggers stay on: the append-only
// tables refuse only updates and deletes), resets identity sequences and checks every table's COPY
// text against the manifest's hash.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

export const LOGICAL_MAGIC = "CIVICGRID-LOGICAL-BACKUP 1";

export interface TableManifest {
  name: string;
  columns: string[];
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: TableManifest[];
}

/** Public tables, parents before children (foreign keys), schema_migrations left out (restore runs them). */
export async function tablesInOrder(client: pg.Client): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations' order by 1",
    )
  ).rows.map((r) => r.name);
  const deps = await client.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const d of deps.rows) if (d.child !== d.parent) parents.get(d.child)?.add(d.parent);
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    seen.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const res = await client.query<{ name: string }>(
    `select attname as name from pg_attribute
      where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
    [table],
  );
  return res.rows.map((r) => r.name);
}

/** One table's COPY text, ordered by every column for a stable hash (COPY of a query). */
async function copyOut(client: pg.Client, table: string, columns: string[]): Promise<Buffer> {
  const cols = columns.map((c) => client.escapeIdentifier(c)).join(", ");
  const order = columns.map((_, i) => String(i + 1)).join(", ");
  const sql = `copy (select ${cols} from ${client.escapeIdentifier(table)} order by ${order}) to stdout`;
  const chunks: Buffer[] = [];
  const stream = client.query(copyTo(sql));
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Per-table rows and sha256 of the ordered COPY text: what a backup promises and a restore checks. */
export async function digestTables(url: string): Promise<Record<string, { rows: number; sha256: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const table of await tablesInOrder(client)) {
      const data = await copyOut(client, table, await columnsOf(client, table));
      out[table] = { rows: countLines(data), sha256: sha256(data) };
    }
    return out;
  } finally {
    await client.end();
  }
}

export async function writeLogicalBackup(url: string, file: string): Promise<Manifest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  try {
    // one snapshot for every table: a consistent backup while the server keeps writing
    await client.query("begin isolation level repeatable read read only");
    const migrations = (await client.query<{ name: string }>("select name from schema_migrations order by name")).rows;
    const version = (await client.query<{ v: string }>("show server_version")).rows[0]?.v ?? "";
    gzip.write(`${LOGICAL_MAGIC}\n`);
    const tables: TableManifest[] = [];
    for (const name of await tablesInOrder(client)) {
      const columns = await columnsOf(client, name);
      const data = await copyOut(client, name, columns);
      const entry = { name, columns, rows: countLines(data), bytes: data.length, sha256: sha256(data) };
      tables.push(entry);
      gzip.write(`TABLE ${JSON.stringify({ name, bytes: data.length })}\n`);
      gzip.write(data);
    }
    await client.query("commit");
    const manifest: Manifest = {
      createdAt: new Date().toISOString(),
      serverVersion: version,
      migrations: migrations.map((m) => m.name),
      tables,
    };
    gzip.end(`MANIFEST ${JSON.stringify(manifest)}\n`);
    await done;
    return manifest;
  } catch (err) {
    gzip.destroy();
    throw err;
  } finally {
    await client.end();
  }
}

/** Reads a logical backup into its manifest and each table's COPY text. */
export async function readLogicalBackup(file: string): Promise<{ manifest: Manifest; data: Map<string, Buffer> }> {
  const chunks: Buffer[] = [];
  await pipeline(createReadStream(file), createGunzip(), async (source) => {
    for await (const c of source) chunks.push(c as Buffer);
  });
  const all = Buffer.concat(chunks);
  let at = 0;
  const line = () => {
    const end = all.indexOf(10, at);
    if (end < 0) throw new Error("backup file is truncated");
    const text = all.subarray(at, end).toString("utf8");
    at = end + 1;
    return text;
  };
  if (line() !== LOGICAL_MAGIC) throw new Error("not a CivicGrid logical backup");
  const data = new Map<string, Buffer>();
  for (;;) {
    const header = line();
    if (header.startsWith("MANIFEST ")) {
      const manifest = JSON.parse(header.slice(9)) as Manifest;
      for (const t of manifest.tables) {
        const bytes = data.get(t.name);
        if (!bytes || sha256(bytes) !== t.sha256)
          throw new Error(`backup file: table ${t.name} does not match its hash`);
      }
      return { manifest, data };
    }
    if (!header.startsWith("TABLE ")) throw new Error("backup file is damaged");
    const { name, bytes } = JSON.parse(header.slice(6)) as { name: string; bytes: number };
    data.set(name, all.subarray(at, at + bytes));
    at += bytes;
  }
}

/** COPYs every table in (the schema must exist: the migrations were run) and resets identities. */
export async function loadLogicalBackup(url: string, manifest: Manifest, data: Map<string, Buffer>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const applied = new Set(
      (await client.query<{ name: string }>("select name from schema_migrations")).rows.map((r) => r.name),
    );
    const missing = manifest.migrations.filter((m) => !applied.has(m));
    if (missing.length > 0) throw new Error(`this version lacks migrations the backup has: ${missing.join(", ")}`);
    await client.query("begin");
    // the rollups (017) come from the backup as they were: their trigger must not count the cases again
    await client.query("set local civicgrid.rollup_bulk = 'on'");
    // rows the migrations put in (defaults) give way to the backup's; the new database has no others
    for (const t of [...manifest.tables].reverse())
      await client.query(`delete from ${client.escapeIdentifier(t.name)}`);
    for (const t of manifest.tables) {
      const cols = t.columns.map((c) => client.escapeIdentifier(c)).join(", ");
      const stream = client.query(copyFrom(`copy ${client.escapeIdentifier(t.name)} (${cols}) from stdin`));
      await pipeline(async function* () {
        yield data.get(t.name) ?? Buffer.alloc(0);
      }, stream);
    }
    // a backup from before 017 holds no rollups: count its cases once
    if (applied.has("017_rollups.sql") && !manifest.tables.some((t) => t.name === "case_rollup")) {
      await client.query("select case_rollup_rebuild()");
    }
    const identities = await client.query<{ table: string; column: string }>(
      `select c.relname as table, a.attname as column from pg_attribute a join pg_class c on c.oid = a.attrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and a.attnum > 0 and (a.attidentity <> '' or pg_get_serial_sequence(c.oid::regclass::text, a.attname) is not null)`,
    );
    for (const { table, column } of identities.rows) {
      const t = client.escapeIdentifier(table);
      const c = client.escapeIdentifier(column);
      await client.query(
        `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${c}) from ${t}), 1), (select max(${c}) from ${t}) is not null)`,
        [t, column],
      );
    }
    await client.query("commit");
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

function countLines(data: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) n++;
  return n;
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
