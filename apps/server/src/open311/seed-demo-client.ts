// Demo mode: one Open311 client, "Demo client", so a city can try the API at once. Its key is
// CIVICGRID_OPEN311_KEY when set; otherwise a random key is generated on the start that creates the
// client and returned so that start can print it once (it is stored only as a hash).
import type { Db } from "../db/connect.ts";
import type { Logger } from "../logger.ts";
import { generateApiKey, hashApiKey, keyPrefixOf } from "./api-keys.ts";

export const DEMO_CLIENT_NAME = "Demo client";

/** Returns the generated key when this call created the client without a given key, else null. */
export async function seedDemoOpen311Client(db: Db, logger: Logger, givenKey?: string): Promise<string | null> {
  const existing = await db
    .selectFrom("open311_clients")
    .select(["id", "key_hash"])
    .where("name", "=", DEMO_CLIENT_NAME)
    .where("created_by", "is", null)
    .executeTakeFirst();
  if (existing) {
    // a key set after the first start replaces the generated one, so the setting always holds
    if (givenKey && existing.key_hash !== hashApiKey(givenKey)) {
      await db
        .updateTable("open311_clients")
        .set({ key_hash: hashApiKey(givenKey), key_prefix: keyPrefixOf(givenKey), updated_at: new Date() })
        .where("id", "=", existing.id)
        .execute();
      logger.info("demo Open311 client: key replaced by CIVICGRID_OPEN311_KEY");
    }
    return null;
  }
  const key = givenKey ?? generateApiKey();
  await db
    .insertInto("open311_clients")
    .values({ name: DEMO_CLIENT_NAME, key_hash: hashApiKey(key), key_prefix: keyPrefixOf(key), created_by: null })
    .execute();
  logger.info({ client: DEMO_CLIENT_NAME }, "seeded the demo Open311 client");
  return givenKey ? null : key;
}
