import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Services } from "../services.ts";

export interface LogOutOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
}

/** Revokes the session on the server: the token stops working at once. */
export async function logOut({ services, actor, ip }: LogOutOptions) {
  await services.db
    .updateTable("sessions")
    .set({ revoked_at: services.clock.now() })
    .where("id", "=", actor.sessionId)
    .execute();
  await recordAudit(services, {
    actor,
    action: "auth.logout",
    objectType: "user",
    objectId: actor.userId,
    outcome: "success",
    ip,
  });
}
