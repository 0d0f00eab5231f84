// TOTP second factor: required for the three admins (enrolment-only session until enrolled), for
// centre roles when the security admin's policy says so; step 2 of sign-in, no replay, recovery codes
// single use, wrong codes count toward the lockout; the security admin resets another's TOTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCode } from "../src/lib/totp.ts";
import { TEST_PASSWORD } from "./constants.ts";
import { createTestContext, type TestContext } from "./harness.ts";
import { enrolTotp } from "./mfa-login.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const post = (token: string | null, url: string, payload: unknown = {}) =>
  ctx.api(token, { method: "POST", url, payload: payload as Record<string, unknown> });
const login = (username: string, password = TEST_PASSWORD) => post(null, "/api/v1/auth/login", { username, password });

describe("enrolment", () => {
  it("an admin without TOTP gets an enrolment-only session: 403 MFA_ENROLMENT_REQUIRED until enrolled", async () => {
    const res = await login("auditor");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mfaEnrolmentRequired: true });
    const token = res.json().token as string;
    const audit = await ctx.api(token, { method: "GET", url: "/api/v1/audit" });
    expect(audit.statusCode).toBe(403);
    expect(audit.json().error.code).toBe("MFA_ENROLMENT_REQUIRED");
    const me = await ctx.api(token, { method: "GET", url: "/api/v1/me" });
    expect(me.json()).toMatchObject({ username: "auditor", mfaEnrolmentRequired: true });

    const start = await post(token, "/api/v1/me/totp/enrolment");
    expect(start.statusCode).toBe(200);
    const { secret, uri } = start.json();
    expect(uri).toContain(`secret=${secret}`);
    // stored sealed, never in clear
    const row = await ctx.services.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", "auditor")
      .executeTakeFirstOrThrow();
    expect(row.totp_pending_enc).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain(secret);

    const bad = await post(token, "/api/v1/me/totp/enrolment/confirm", {
      code: "000000" === totpCode(secret, ctx.clock.now()) ? "111111" : "000000",
    });
    expect(bad.json().error.code).toBe("MFA_CODE_INVALID");
    const ok = await post(token, "/api/v1/me/totp/enrolment/confirm", { code: totpCode(secret, ctx.clock.now()) });
    expect(ok.statusCode).toBe(200);
    const codes = ok.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    const stored = await ctx.services.db
      .selectFrom("user_recovery_codes")
      .select("code_hash")
      .where("user_id", "=", row.id)
      .execute();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]);
    // the same session is now a full one
    expect((await ctx.api(token, { method: "GET", url: "/api/v1/audit" })).statusCode).toBe(200);
    ctx.totp.set("auditor", { secret, recoveryCodes: codes, lastStep: Math.floor(ctx.clock.now().getTime() / 30_000) });
  });
});

describe("signing in with TOTP", () => {
  it("password → challenge → code; a replayed code and a used recovery code are refused", async () => {
    const state = ctx.totp.get("auditor");
    if (!state) throw new Error("enrolment test first");
    ctx.clock.advance(60_000);
    const step1 = await login("auditor");
    expect(step1.json()).toEqual({ mfaRequired: true, challenge: expect.any(String) });
    expect(step1.json().token).toBeUndefined();
    const code = totpCode(state.secret, ctx.clock.now());
    const step2 = await post(null, "/api/v1/auth/login/totp", { challenge: step1.json().challenge, code });
    expect(step2.statusCode).toBe(200);
    expect((await ctx.api(step2.json().token, { method: "GET", url: "/api/v1/audit" })).statusCode).toBe(200);
    // the challenge is single use
    const again = await post(null, "/api/v1/auth/login/totp", { challenge: step1.json().challenge, code });
    expect(again.json().error.code).toBe("MFA_CHALLENGE_INVALID");
    // same code, new challenge, same 30 s window: refused
    const replay = await post(null, "/api/v1/auth/login/totp", {
      challenge: (await login("auditor")).json().challenge,
      code,
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe("MFA_CODE_INVALID");

    const recovery = state.recoveryCodes[0] as string;
    const withRecovery = await post(null, "/api/v1/auth/login/totp", {
      challenge: (await login("auditor")).json().challenge,
      code: recovery.toUpperCase(),
    });
    expect(withRecovery.statusCode).toBe(200);
    const reused = await post(null, "/api/v1/auth/login/totp", {
      challenge: (await login("auditor")).json().challenge,
      code: recovery,
    });
    expect(reused.json().error.code).toBe("MFA_CODE_INVALID");
    state.recoveryCodes.shift();
    // a full sign-in in the next window clears the failures counted above
    ctx.clock.advance(30_000);
    const fresh = await post(null, "/api/v1/auth/login/totp", {
      challenge: (await login("auditor")).json().challenge,
      code: totpCode(state.secret, ctx.clock.now()),
    });
    expect(fresh.statusCode).toBe(200);
    state.lastStep = Math.floor(ctx.clock.now().getTime() / 30_000);
  });

  it("wrong codes count toward the lockout; the account is then locked even with a right code", async () => {
    const state = ctx.totp.get("auditor");
    if (!state) throw new Error("enrolment test first");
    ctx.clock.advance(5 * 60_000);
    const results: number[] = [];
    for (let i = 0; i < 5; i++) {
      const ch = (await login("auditor")).json().challenge as string;
      results.push((await post(null, "/api/v1/auth/login/totp", { challenge: ch, code: "99999-99999" })).statusCode);
    }
    expect(results).toEqual([401, 401, 401, 401, 423]);
    const locked = await login("auditor");
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe("ACCOUNT_LOCKED");
    ctx.clock.advance(16 * 60_000);
    const ch = (await login("auditor")).json().challenge as string;
    const ok = await post(null, "/api/v1/auth/login/totp", {
      challenge: ch,
      code: totpCode(state.secret, ctx.clock.now()),
    });
    expect(ok.statusCode).toBe(200);
    state.lastStep = Math.floor(ctx.clock.now().getTime() / 30_000);
  });
});

describe("policy and resets", () => {
  it("centre roles need TOTP only once the security admin turns the policy on; grid workers never", async () => {
    expect((await login("bajiazi_center")).json().mfaEnrolmentRequired).toBe(false);
    const sysadmin = await ctx.login("sysadmin");
    const denied = await ctx.api(sysadmin, {
      method: "PUT",
      url: "/api/v1/security/policies",
      payload: { totpRequiredForCentres: true },
    });
    expect(denied.statusCode).toBe(403);
    const secadmin = await ctx.login("secadmin");
    const put = await ctx.api(secadmin, {
      method: "PUT",
      url: "/api/v1/security/policies",
      payload: { totpRequiredForCentres: true },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ totpRequiredForCentres: true, updatedBy: "secadmin" });
    const centre = await login("bajiazi_center");
    expect(centre.json().mfaEnrolmentRequired).toBe(true);
    expect((await ctx.api(centre.json().token, { method: "GET", url: "/api/v1/cases" })).json().error.code).toBe(
      "MFA_ENROLMENT_REQUIRED",
    );
    const grid = await login("yuhua_grid01");
    expect(grid.json().mfaEnrolmentRequired).toBe(false);
    expect((await ctx.api(grid.json().token, { method: "GET", url: "/api/v1/mobile/home" })).statusCode).toBe(200);
    const logged = await ctx.services.db
      .selectFrom("audit_log")
      .select(["username", "outcome"])
      .where("action", "=", "security.policies.update")
      .execute();
    expect(logged.map((r) => `${r.username}:${r.outcome}`).sort()).toEqual(["secadmin:success", "sysadmin:denied"]);
    await ctx.api(secadmin, {
      method: "PUT",
      url: "/api/v1/security/policies",
      payload: { totpRequiredForCentres: false },
    });
  });

  it("a user may turn optional TOTP off with the password; an admin may not", async () => {
    const token = (await login("leader")).json().token as string;
    await enrolTotp(ctx.app, ctx.clock, token);
    const off = await post(token, "/api/v1/me/totp/disable", { password: TEST_PASSWORD });
    expect(off.statusCode).toBe(200);
    expect((await login("leader")).json().token).toBeTruthy();
    const auditor = await ctx.login("auditor");
    const refused = await post(auditor, "/api/v1/me/totp/disable", { password: TEST_PASSWORD });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("MFA_REQUIRED_BY_POLICY");
    const regen = await post(auditor, "/api/v1/me/totp/recovery-codes", { password: TEST_PASSWORD });
    expect(regen.json().recoveryCodes).toHaveLength(10);
    const sec = await ctx.api(auditor, { method: "GET", url: "/api/v1/me/security" });
    expect(sec.json()).toMatchObject({ totpEnabled: true, totpRequired: true, recoveryCodesLeft: 10 });
  });

  it("the security admin resets another account's TOTP (audited, sessions end); nobody else can", async () => {
    const auditorToken = await ctx.login("auditor");
    const sysadmin = await ctx.login("sysadmin");
    const byAdmin = await post(sysadmin, "/api/v1/security/accounts/reset-totp", { username: "auditor" });
    expect(byAdmin.statusCode).toBe(403);
    const secadmin = await ctx.login("secadmin");
    const own = await post(secadmin, "/api/v1/security/accounts/reset-totp", { username: "secadmin" });
    expect(own.statusCode).toBe(422);
    const reset = await post(secadmin, "/api/v1/security/accounts/reset-totp", { username: "auditor" });
    expect(reset.json()).toEqual({ username: "auditor", hadTotp: true });
    expect((await ctx.api(auditorToken, { method: "GET", url: "/api/v1/me" })).statusCode).toBe(401);
    expect((await login("auditor")).json().mfaEnrolmentRequired).toBe(true);
    const logged = await ctx.services.db
      .selectFrom("audit_log")
      .select(["username", "outcome"])
      .where("action", "=", "security.user.reset-totp")
      .execute();
    expect(logged.map((r) => `${r.username}:${r.outcome}`).sort()).toEqual(["secadmin:success", "sysadmin:denied"]);
    ctx.totp.delete("auditor");
  });
});
