// A portal browser's anonymous token: random 32 bytes, returned once, stored as its hash. It is not
// a sign-in: it only owns the photos this browser uploads until its report links them.
import { hashPublicToken } from "../media/owner.ts";
import { newPublicToken } from "../public/public-token.ts";
import type { Services } from "../services.ts";

export interface CreatePublicSessionOptions {
  services: Services;
}

export async function createPublicSession({ services }: CreatePublicSessionOptions): Promise<{ token: string }> {
  const token = newPublicToken();
  const now = services.clock.now();
  await services.db
    .insertInto("public_sessions")
    .values({ token_hash: hashPublicToken(token), created_at: now, last_seen_at: now })
    .execute();
  return { token };
}
