// The first-time setup form: the setup code from the log (or DATA_DIR/setup-code) plus the system
// admin's username, display name and password (policy-checked). Creates that one account and ends the
// code, in one transaction that also re-checks that no account exists.
import { timingSafeEqual } from "node:crypto";
import { rmSync } from "node:fs";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { hashPassword } from "../lib/password.ts";
import { ADMIN_UNIT } from "../seed/units.ts";
import type { Services } from "../services.ts";
import { checkPassword } from "../users/account-rules.ts";
import { hashSetupCode, setupCodeFile } from "../users/first-start.ts";

export interface SetUpFirstAdminOptions {
  services: Services;
  ip: string | null;
  input: { setupCode: string; username: string; displayName: string; password: string };
}

export async function setUpFirstAdmin({ services, ip, input }: SetUpFirstAdminOptions) {
  const username = input.username.trim().toLowerCase();
  checkPassword(input.password, username);
  const passwordHash = await hashPassword(input.password);
  const now = services.clock.now();
  type Outcome = { error: "SETUP_ALREADY_DONE" | "SETUP_CODE_INVALID" } | { user: { id: string; username: string } };
  const outcome = await services.db.transaction().execute(async (trx): Promise<Outcome> => {
    const code = await trx.selectFrom("setup_codes").selectAll().where("id", "=", 1).forUpdate().executeTakeFirst();
    const anyUser = await trx.selectFrom("users").select("id").limit(1).executeTakeFirst();
    if (anyUser) return { error: "SETUP_ALREADY_DONE" };
    const given = hashSetupCode(input.setupCode);
    if (!code || !timingSafeEqual(given, code.code_hash)) return { error: "SETUP_CODE_INVALID" };
    const user = await trx
      .insertInto("users")
      .values({
        username,
        display_name: input.displayName.trim(),
        password_hash: passwordHash,
        unit_code: ADMIN_UNIT,
        roles: ["system_admin"],
        created_at: now,
        updated_at: now,
      })
      .returning(["id", "username"])
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("setup_codes").execute();
    return { user };
  });
  if ("error" in outcome) {
    await recordAudit(services, {
      actor: null,
      username,
      action: "auth.setup",
      outcome: "failure",
      ip,
      detail: { code: outcome.error },
    });
    throw new AppError(outcome.error);
  }
  rmSync(setupCodeFile(services.config.dataDir), { force: true });
  await recordAudit(services, {
    actor: null,
    username,
    action: "auth.setup",
    objectType: "user",
    objectId: outcome.user.id,
    outcome: "success",
    ip,
    detail: { roles: ["system_admin"] },
  });
  return outcome.user;
}
