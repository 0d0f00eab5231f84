import type { Services } from "../services.ts";

/** Revokes the session on the server: the token stops working at once. */
export async function logOut({ services, sessionId }: { services: Services; sessionId: string }) {
  await services.db
    .updateTable("sessions")
    .set({ revoked_at: services.clock.now() })
    .where("id", "=", sessionId)
    .execute();
}
