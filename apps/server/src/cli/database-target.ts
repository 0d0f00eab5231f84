// The database the CLI tools work on, as the server finds it: DATABASE_URL (the owner's URL), or the
// embedded PostgreSQL under DATA_DIR as its `postgres` superuser — the running postmaster is reused
// (the server may be up), otherwise it is started for the command and stopped after. Also the CLIs'
// shared handling of arguments and errors: a user's mistake is one clear line, never a stack trace.
import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigError, loadConfig } from "../config.ts";
import { startEmbeddedPostgres } from "../db/embedded.ts";
import { createLogger } from "../logger.ts";

export interface DatabaseTarget {
  /** the CivicGrid database */
  url: string;
  /** a maintenance database on the same server, for CREATE/DROP DATABASE */
  adminUrl: string;
  stop: () => Promise<void>;
}

/** A mistake of the caller (a missing file, a wrong DATA_DIR): one line, exit code 2. */
export class UserError extends Error {}
/** A mistake in the arguments: printed with the usage. */
export class UsageError extends UserError {}

export async function databaseTarget(): Promise<DatabaseTarget> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    const admin = new URL(config.DATABASE_URL);
    admin.pathname = "/postgres";
    return { url: config.DATABASE_URL, adminUrl: admin.toString(), stop: async () => {} };
  }
  // never initialise an empty cluster in a mistyped DATA_DIR
  if (!existsSync(path.join(config.dataDir, "pg", "PG_VERSION"))) {
    throw new UserError(
      `no CivicGrid database: ${path.join(config.dataDir, "pg")} does not exist (set DATA_DIR to the server's data folder, or DATABASE_URL)`,
    );
  }
  const logger = createLogger("warn", process.stderr);
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.PG_PORT, logger });
  return { url: embedded.adminUrl("civicgrid"), adminUrl: embedded.adminUrl(), stop: embedded.stop };
}

/** Options `--name` / `--name=value` checked against the known ones; the rest are positional. */
export function parseArgs(
  argv: string[],
  known: string[],
): { flags: Map<string, string | true>; positional: string[] } {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (const arg of argv) {
    if (arg === "-h") flags.set("help", true);
    else if (arg.startsWith("--")) {
      const [name = "", ...value] = arg.slice(2).split("=");
      if (name !== "help" && !known.includes(name)) throw new UsageError(`unknown option --${name}`);
      flags.set(name, value.length ? value.join("=") : true);
    } else positional.push(arg);
  }
  return { flags, positional };
}

/** Credentials in connection strings never reach the terminal. */
const hideCredentials = (text: string) => text.replace(/(postgres(?:ql)?:\/\/)[^@\s/]+@/g, "$1***@");

/** Runs a CLI's main: --help prints the usage; errors print one line (the stack only with DEBUG set). */
export function runCli(usage: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      console.error(`error: ${hideCredentials(message)}`);
      if (err instanceof UsageError) console.error(`\n${usage}`);
      else if (process.env.DEBUG && err instanceof Error) console.error(hideCredentials(err.stack ?? ""));
      process.exit(err instanceof UserError || err instanceof ConfigError ? 2 : 1);
    },
  );
}
