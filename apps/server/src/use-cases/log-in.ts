import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { DUMMY_HASH, verifyPassword } from "../lib/password.ts";
import type { Services } from "../services.ts";

export interface LogInOptions {
  services: Services;
  username: string;
  password: string;
  ip: string | null;
}

export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

/** Checks the password and opens a server-side session; the token is returned once, stored hashed. */
export async function logIn({ services, username, password, ip }: LogInOptions) {
  const { db, clock, config } = services;
  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username.trim().toLowerCase())
    .executeTakeFirst();
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  const refuse = async (code: "INVALID_CREDENTIALS" | "ACCOUNT_DISABLED") => {
    await recordAudit(services, {
      actor: null,
      username,
      action: "auth.login",
      outcome: "failure",
      ip,
      detail: { code },
    });
    return new AppError(code);
  };
  if (!user || !ok) throw await refuse("INVALID_CREDENTIALS");
  if (!user.active) throw await refuse("ACCOUNT_DISABLED");
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  await db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: user.id,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + config.SESSION_MAX_HOURS * 3_600_000),
      ip,
    })
    .execute();
  await recordAudit(services, {
    actor: null,
    username: user.username,
    action: "auth.login",
    objectType: "user",
    objectId: user.id,
    outcome: "success",
    ip,
  });
  return { token, user };
}
