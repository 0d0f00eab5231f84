// First start of a non-demo install: there is no account at all, and none is made with a default
// password. Instead a one-time setup code is printed to the log and written to DATA_DIR/setup-code
// (mode 0600); whoever holds it sets the system admin's name and password on the sign-in page
// (set-up-first-admin.ts). Each start before that replaces the code; once an account exists it is gone.
import { createHash, randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.ts";
import type { Db } from "../db/connect.ts";
import type { Logger } from "../logger.ts";

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function setupCodeFile(dataDir: string): string {
  return path.join(dataDir, "setup-code");
}

export function hashSetupCode(code: string): Buffer {
  return createHash("sha256").update(code.trim().toUpperCase().replace(/[-\s]/g, "")).digest();
}

/** 16 characters in four groups (80 bits), easy to copy from a log line. */
function newSetupCode(): string {
  const chars = [...randomBytes(16)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return (chars.match(/.{4}/g) as string[]).join("-");
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  return Boolean(await db.selectFrom("users").select("id").limit(1).executeTakeFirst());
}

/** Returns the new setup code when the install still has no account, else null (and clears any old code). */
export async function prepareFirstStart(db: Db, config: Config, logger: Logger): Promise<string | null> {
  const file = setupCodeFile(config.dataDir);
  if (await hasAnyUser(db)) {
    await db.deleteFrom("setup_codes").execute();
    rmSync(file, { force: true });
    return null;
  }
  const code = newSetupCode();
  await db
    .insertInto("setup_codes")
    .values({ id: 1, code_hash: hashSetupCode(code), created_at: new Date() })
    .onConflict((oc) => oc.column("id").doUpdateSet({ code_hash: hashSetupCode(code), created_at: new Date() }))
    .execute();
  try {
    rmSync(file, { force: true });
    writeFileSync(file, `${code}\n`, { mode: 0o600 });
  } catch (err) {
    logger.warn({ err, file }, "could not write the setup code file; use the code from this log");
  }
  // the one secret the log may carry: it is useless once the system admin exists
  logger.warn(
    { setupCode: code, file },
    `FIRST START: no account exists. Open the web app and use setup code ${code} to create the system administrator.`,
  );
  return code;
}
