// `npm run restore -- <file> [--database=name] [--force]`: restores a backup (either format) into a
// NEW database on the same server (default civicgrid_restored_<time>); an existing database is
// dropped first only with --force. Point DATABASE_URL at the restored database to use it.
import { restoreDatabase } from "../backup/backup.ts";
import { databaseTarget } from "./database-target.ts";

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) throw new Error("usage: npm run restore -- <backup file> [--database=name] [--force]");
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "");
  const database = args.find((a) => a.startsWith("--database="))?.split("=")[1] ?? `civicgrid_restored_${stamp}`;
  const target = await databaseTarget();
  try {
    const format = await restoreDatabase({
      file,
      adminUrl: target.adminUrl,
      database,
      force: args.includes("--force"),
    });
    console.log(`restored (${format}) into database ${database}`);
  } finally {
    await target.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
