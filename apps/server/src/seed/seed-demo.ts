// Demo mode: the named accounts and a year of history, on top of the reference data.
import { randomBytes } from "node:crypto";
import type { Db } from "../db/connect.ts";
import { hashPassword } from "../lib/password.ts";
import type { Logger } from "../logger.ts";
import { DEMO_ACCOUNTS } from "./demo-accounts.ts";

/** Creates the demo accounts if absent; returns the password when it was generated here. */
export async function seedDemoAccounts(db: Db, logger: Logger, password?: string): Promise<string | null> {
  const existing = await db.selectFrom("users").select("username").execute();
  const have = new Set(existing.map((u) => u.username));
  const missing = DEMO_ACCOUNTS.filter((a) => !have.has(a.username));
  if (missing.length === 0) return null;
  const generated = password ? null : randomBytes(9).toString("base64url");
  const pw = password ?? (generated as string);
  const hashes = await Promise.all(missing.map(() => hashPassword(pw)));
  await db
    .insertInto("users")
    .values(
      missing.map((a, i) => ({
        username: a.username,
        display_name: a.displayName,
        password_hash: hashes[i] as string,
        unit_code: a.unitCode,
        roles: a.roles,
      })),
    )
    .execute();
  logger.info({ accounts: missing.map((a) => a.username) }, "seeded demo accounts");
  return generated;
}
