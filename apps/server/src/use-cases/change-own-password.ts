// "Change my password": the current password first (a wrong one counts toward the lockout, like a
// failed sign-in), then the new one through the policy. Every other session of the account ends, and
// an account that had to replace an admin-set password (016) is free again.
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { hashPassword } from "../lib/password.ts";
import type { Services } from "../services.ts";
import { checkPassword } from "../users/account-rules.ts";
import { confirmOwnPassword } from "../users/confirm-own-password.ts";

export interface ChangeOwnPasswordOptions {
  services: Services;
  actor: Actor;
  ip: string | null;
  currentPassword: string;
  newPassword: string;
}

export async function changeOwnPassword({
  services,
  actor,
  ip,
  currentPassword,
  newPassword,
}: ChangeOwnPasswordOptions) {
  const { db, clock } = services;
  const now = clock.now();
  await confirmOwnPassword({ services, actor, ip, password: currentPassword, action: "auth.password.change" });
  checkPassword(newPassword, actor.username, "newPassword");
  if (newPassword === currentPassword)
    throw new AppError(
      "VALIDATION_FAILED",
      { field: "newPassword", problem: "must differ from the current password" },
      422,
    );
  const hash = await hashPassword(newPassword);
  const revoked = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: hash, updated_at: now, must_change_password: false })
      .where("id", "=", actor.userId)
      .execute();
    const r = await trx
      .updateTable("sessions")
      .set({ revoked_at: now })
      .where("user_id", "=", actor.userId)
      .where("id", "!=", actor.sessionId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  });
  await recordAudit(services, {
    actor,
    action: "auth.password.change",
    objectType: "user",
    objectId: actor.userId,
    outcome: "success",
    ip,
    detail: { otherSessionsRevoked: revoked },
  });
}
