import type { Role } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { AppError } from "../errors.ts";
import type { Services } from "../services.ts";
import { hashToken } from "../users/identity.ts";

/** Only touch last_seen_at when it is this stale, to keep reads from writing on every request. */
const TOUCH_AFTER_MS = 60_000;

/** Resolves a bearer/cookie token to the actor; expired (idle or absolute) and revoked sessions fail. */
export async function authenticateSession({ services, token }: { services: Services; token: string }): Promise<Actor> {
  const { db, clock, config, places } = services;
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as sessionId",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "sessions.revoked_at",
      "sessions.mfa_enrolment_only",
      "users.id as userId",
      "users.username",
      "users.display_name",
      "users.roles",
      "users.unit_code",
      "users.active",
      "users.must_change_password",
    ])
    .where("sessions.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) throw new AppError("UNAUTHENTICATED");
  const now = clock.now();
  const idleLimit = row.last_seen_at.getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  if (now >= row.expires_at || now.getTime() > idleLimit) throw new AppError("SESSION_EXPIRED");
  if (!row.active) throw new AppError("ACCOUNT_DISABLED");
  const unit = places.unit(row.unit_code);
  if (!unit) throw new AppError("UNAUTHENTICATED");
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", row.sessionId).execute();
  }
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles as Role[],
    unit,
    sessionId: row.sessionId,
    mfaEnrolmentOnly: row.mfa_enrolment_only,
    // read from the account, not the session: changing the password frees every session at once
    passwordChangeRequired: row.must_change_password,
  };
}
