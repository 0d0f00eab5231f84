// A new Open311 client with a fresh API key. The key is returned this once and stored as a hash;
// it never reaches the audit log.
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { generateApiKey, hashApiKey, keyPrefixOf } from "../open311/api-keys.ts";
import { findOpen311Client } from "../open311/client-query.ts";
import type { Open311ClientRow } from "../presenters/open311-client.ts";
import type { Services } from "../services.ts";

export interface CreateOpen311ClientOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  input: { name: string };
}

export async function createOpen311Client({
  services,
  actor,
  ip,
  input,
}: CreateOpen311ClientOptions): Promise<{ client: Open311ClientRow; apiKey: string }> {
  await requirePermissionAudited(services, actor, "admin:users", { action: "admin.open311_client.create", ip });
  const apiKey = generateApiKey();
  const now = services.clock.now();
  const { id } = await services.db
    .insertInto("open311_clients")
    .values({
      name: input.name.trim(),
      key_hash: hashApiKey(apiKey),
      key_prefix: keyPrefixOf(apiKey),
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(services, {
    actor,
    action: "admin.open311_client.create",
    objectType: "open311_client",
    objectId: id,
    outcome: "success",
    ip,
    detail: { name: input.name.trim(), keyPrefix: keyPrefixOf(apiKey) },
  });
  return { client: (await findOpen311Client(services.db, id)) as Open311ClientRow, apiKey };
}
