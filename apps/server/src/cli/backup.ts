// `npm run backup [-- file] [--logical]`: a backup of the CivicGrid database — pg_dump -Fc when a
// pg_dump of the server's major version is installed, else the logical COPY backup (backup/logical.ts).
// Default file: DATA_DIR/backups/civicgrid-<time>.backup. Works with the server up or down.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { backupDatabase } from "../backup/backup.ts";
import { loadConfig } from "../config.ts";
import { databaseTarget, parseArgs, runCli, UsageError } from "./database-target.ts";

const USAGE = `usage: npm run backup [-- [file] [--logical]]

Writes a backup of the CivicGrid database (the server may be running: one consistent snapshot).
  file        where to write it; default DATA_DIR/backups/civicgrid-<time>.backup
  --logical   the built-in COPY format even when a pg_dump of the server's version is installed
              (without one, e.g. the embedded PostgreSQL 17, it is used anyway)
The database: DATABASE_URL, else the embedded PostgreSQL under DATA_DIR (default ./data).
The keys under DATA_DIR/keys are NOT in the backup: keep a copy of them apart from it.`;

runCli(USAGE, async () => {
  const { flags, positional } = parseArgs(process.argv.slice(2), ["logical"]);
  if (flags.has("help")) return console.log(USAGE);
  if (positional.length > 1) throw new UsageError(`one backup file at most, got: ${positional.join(" ")}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const dir = path.join(loadConfig().dataDir, "backups");
  const file = positional[0] ? path.resolve(positional[0]) : path.join(dir, `civicgrid-${stamp}.backup`);
  const target = await databaseTarget();
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const started = Date.now();
    const format = await backupDatabase(target.url, file, flags.has("logical") ? "logical" : undefined);
    console.log(`backup written (${format}, ${((Date.now() - started) / 1000).toFixed(1)} s): ${file}`);
  } finally {
    await target.stop();
  }
});
