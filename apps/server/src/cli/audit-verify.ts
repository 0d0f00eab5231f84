// `npm run audit:verify`: recomputes the audit log's hash chain and prints the first broken link.
// Works against DATABASE_URL, or the embedded PostgreSQL under DATA_DIR/pg — reusing the postmaster
// of a running server, or starting it just for this and stopping it after. Exit code 0: intact;
// 1: broken; 2: could not check (no database, no key).
import { existsSync } from "node:fs";
import path from "node:path";
import { readAnchors } from "../audit/anchors.ts";
import { AUDIT_KEY_NAME } from "../audit/chain.ts";
import { verifyAuditChain } from "../audit/verify-chain.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { openPool } from "../db/connect.ts";
import { type EmbeddedDb, startEmbeddedPostgres } from "../db/embedded.ts";
import { decodeKey, readKeyFile } from "../lib/keys.ts";
import { createLogger } from "../logger.ts";

async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger("warn", process.stderr);
  // never create a key here: a new key would call every existing row broken
  const key = config.CIVICGRID_AUDIT_KEY
    ? decodeKey(config.CIVICGRID_AUDIT_KEY, "CIVICGRID_AUDIT_KEY")
    : readKeyFile(config.dataDir, AUDIT_KEY_NAME);
  if (!key) {
    console.error(`No audit key: set CIVICGRID_AUDIT_KEY or provide ${path.join(config.dataDir, "keys", "audit.key")}`);
    return 2;
  }
  let url = config.DATABASE_URL;
  let embedded: EmbeddedDb | null = null;
  if (!url) {
    if (!existsSync(path.join(config.dataDir, "pg", "PG_VERSION"))) {
      console.error(`No database: ${path.join(config.dataDir, "pg")} does not exist and DATABASE_URL is not set`);
      return 2;
    }
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.PG_PORT, logger });
    url = embedded.adminUrl("civicgrid");
  }
  const handle = openPool(url, embedded, 2);
  try {
    const started = Date.now();
    const r = await verifyAuditChain(handle.db, key, undefined, await readAnchors(config.dataDir));
    const range = r.rows ? `ids ${r.firstId}–${r.lastId}` : "no rows";
    const anchor = r.anchoredAfterPurge ? `, anchored after a recorded purge at id ${r.anchoredAfterPurge}` : "";
    if (r.ok) {
      const heads = r.headsChecked ? `; ${r.headsChecked} recorded heads intact` : "";
      console.log(`audit chain OK: ${r.rows} rows (${range}${anchor}${heads}) in ${Date.now() - started} ms`);
      return 0;
    }
    console.log(`audit chain BROKEN at id ${r.broken?.id} (${r.broken?.problem}): ${r.broken?.message}`);
    console.log(`checked ${r.rows} rows (${range}) before stopping`);
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(2);
  },
);
