// `npm run backup [-- file] [--logical]`: a backup of the CivicGrid database — pg_dump -Fc when a
// pg_dump of the server's major version is installed, else the logical COPY backup (backup/logical.ts).
// Default file: DATA_DIR/backups/civicgrid-<time>.(dump|cgbak.gz). Works with the server up or down.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { backupDatabase } from "../backup/backup.ts";
import { loadConfig } from "../config.ts";
import { databaseTarget } from "./database-target.ts";

async function main() {
  const args = process.argv.slice(2);
  const logical = args.includes("--logical");
  const named = args.find((a) => !a.startsWith("--"));
  const target = await databaseTarget();
  try {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const dir = path.join(loadConfig().dataDir, "backups");
    const file = named ? path.resolve(named) : path.join(dir, `civicgrid-${stamp}.backup`);
    await mkdir(path.dirname(file), { recursive: true });
    const format = await backupDatabase(target.url, file, logical ? "logical" : undefined);
    console.log(`backup written (${format}): ${file}`);
  } finally {
    await target.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
