// Open311 API keys: random, shown once, stored as a SHA-256 hex. A lookup by hash needs no
// constant-time compare: the hash of a guess says nothing about the real key.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/connect.ts";

const KEY_PREFIX = "o311_";

export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** What an admin sees of a key: enough to tell two apart, useless to an attacker. */
export function keyPrefixOf(key: string): string {
  return key.startsWith(KEY_PREFIX) ? key.slice(0, KEY_PREFIX.length + 4) : key.slice(0, 4);
}

/** The active client owning this key, or null. */
export async function findActiveClient(db: Db, key: string): Promise<{ id: string; name: string } | null> {
  if (!key || key.length > 200) return null;
  const row = await db
    .selectFrom("open311_clients")
    .select(["id", "name"])
    .where("key_hash", "=", hashApiKey(key))
    .where("active", "=", true)
    .executeTakeFirst();
  return row ?? null;
}
