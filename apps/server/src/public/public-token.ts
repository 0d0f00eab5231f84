// The anonymous token a portal browser holds (random 32 bytes from POST /public/session), sent as
// the X-Public-Token header. It owns the browser's photo uploads until a report links them. Only
// tokens this server issued are accepted.
import { randomBytes } from "node:crypto";
import { AppError } from "../errors.ts";
import { hashPublicToken } from "../media/owner.ts";
import type { Services } from "../services.ts";

export const PUBLIC_TOKEN_HEADER = "x-public-token";

export function newPublicToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The token if this server issued it (and notes its use); PUBLIC_TOKEN_INVALID otherwise. */
export async function requirePublicToken(services: Services, token: string | undefined): Promise<string> {
  if (!token) throw new AppError("PUBLIC_TOKEN_INVALID");
  let hash: string;
  try {
    hash = hashPublicToken(token);
  } catch {
    throw new AppError("PUBLIC_TOKEN_INVALID");
  }
  const row = await services.db
    .updateTable("public_sessions")
    .set({ last_seen_at: services.clock.now() })
    .where("token_hash", "=", hash)
    .returning("token_hash")
    .executeTakeFirst();
  if (!row) throw new AppError("PUBLIC_TOKEN_INVALID");
  return token;
}
