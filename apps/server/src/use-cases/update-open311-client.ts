// Rename, disable or re-enable an Open311 client. A disabled client's key is refused at once (403).
import type { Actor } from "../access/actor.ts";
import { requirePermissionAudited } from "../access/require-audited.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { findOpen311Client } from "../open311/client-query.ts";
import type { Open311ClientRow } from "../presenters/open311-client.ts";
import type { Services } from "../services.ts";

export interface UpdateOpen311ClientOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  clientId: string;
  patch: { name?: string; active?: boolean };
}

export async function updateOpen311Client({
  services,
  actor,
  ip,
  clientId,
  patch,
}: UpdateOpen311ClientOptions): Promise<Open311ClientRow> {
  await requirePermissionAudited(services, actor, "admin:users", {
    action: "admin.open311_client.update",
    ip,
    objectType: "open311_client",
    objectId: clientId,
  });
  const before = await findOpen311Client(services.db, clientId);
  if (!before) throw new AppError("OPEN311_CLIENT_NOT_FOUND");
  const set = {
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
    updated_at: services.clock.now(),
  };
  await services.db.updateTable("open311_clients").set(set).where("id", "=", clientId).execute();
  await recordAudit(services, {
    actor,
    action: "admin.open311_client.update",
    objectType: "open311_client",
    objectId: clientId,
    outcome: "success",
    ip,
    detail: {
      ...(patch.name !== undefined ? { name: { from: before.name, to: set.name } } : {}),
      ...(patch.active !== undefined ? { active: { from: before.active, to: patch.active } } : {}),
    },
  });
  return (await findOpen311Client(services.db, clientId)) as Open311ClientRow;
}
