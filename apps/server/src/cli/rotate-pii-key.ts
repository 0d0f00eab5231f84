// `npm run pii:rotate-key`: adds a new personal-data key and re-seals every stored value with it.
// Key files (DATA_DIR/keys/pii-<n>.key): a new file pii-<n+1>.key (0600) is created first.
// CIVICGRID_PII_KEYS: append the new "id:base64" to the variable yourself, then run this to re-seal.
// Old keys stay readable until removed; remove one only after this has finished. Restart the server
// after rotating so that it writes with the new key too (until then it writes with the old one,
// which is still in the keyring: nothing breaks, run this again afterwards).
import { loadConfig } from "../config.ts";
import { connectDatabase } from "../db/connect.ts";
import { createLogger } from "../logger.ts";
import { addKeyFile, loadKeyring } from "../pii/keyring.ts";
import { resealAll } from "../pii/rotate.ts";

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const noNewKey = process.argv.includes("--no-new-key");
  if (!config.CIVICGRID_PII_KEYS && !noNewKey) {
    const id = addKeyFile(config.dataDir);
    logger.info({ keyId: id }, "new personal-data key file created");
  }
  const keyring = loadKeyring({ dataDir: config.dataDir, env: config.CIVICGRID_PII_KEYS, alg: config.PII_CIPHER });
  const handle = await connectDatabase(config, logger);
  try {
    const started = Date.now();
    const counts = await resealAll(handle.owner.db, keyring);
    logger.info({ keyId: keyring.currentId, counts, ms: Date.now() - started }, "personal data re-sealed");
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
