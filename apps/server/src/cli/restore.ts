// `npm run restore -- <file> [--database=name] [--force]`: restores a backup (either format) into a
// NEW database on the same server (default civicgrid_restored_<time>); an existing database is
// replaced only with --force, and never while something (the server) is connected to it.
import { existsSync } from "node:fs";
import { restoreDatabase } from "../backup/backup.ts";
import { databaseTarget, parseArgs, runCli, UsageError, UserError } from "./database-target.ts";

const USAGE = `usage: npm run restore -- <backup file> [--database=name] [--force]

Restores a backup made by \`npm run backup\` (either format) into a new database on the same
PostgreSQL server (DATABASE_URL's, else the embedded one under DATA_DIR).
  --database=name  the database to create; default civicgrid_restored_<time>
  --force          replace the database if it exists (refused while anything is connected to it)
To replace the server's own database: stop the server, then
  npm run restore -- <file> --database=civicgrid --force
and start it again with the same DATA_DIR/keys (or CIVICGRID_* key variables) as the backup's.`;

runCli(USAGE, async () => {
  const { flags, positional } = parseArgs(process.argv.slice(2), ["database", "force"]);
  if (flags.has("help")) return console.log(USAGE);
  const [file, ...extra] = positional;
  if (!file) throw new UsageError("which backup file? none given");
  if (extra.length > 0) throw new UsageError(`one backup file only, got: ${positional.join(" ")}`);
  if (!existsSync(file)) throw new UserError(`backup file not found: ${file}`);
  const named = flags.get("database");
  if (named === true || (named !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(named)))
    throw new UsageError("--database=name: lower-case letters, digits and _ (at most 63)");
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "");
  const database = named ?? `civicgrid_restored_${stamp}`;
  const target = await databaseTarget();
  try {
    const started = Date.now();
    const format = await restoreDatabase({ file, adminUrl: target.adminUrl, database, force: flags.has("force") });
    console.log(`restored (${format}, ${((Date.now() - started) / 1000).toFixed(1)} s) into database ${database}`);
  } finally {
    await target.stop();
  }
});
