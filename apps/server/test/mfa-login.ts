// Signing in from the tests as a real client would, second factor included: an account that must
// enrol TOTP enrols on its first sign-in (the secret is kept here, per test context), and an account
// with TOTP answers the challenge with the current code, or with a recovery code when the current
// 30-second step was already used (the server refuses a replayed code, and the manual clock may not move).
import type { FastifyInstance } from "fastify";
import type { Clock } from "../src/lib/clock.ts";
import { totpCode, totpStep } from "../src/lib/totp.ts";

export interface TotpState {
  secret: string;
  recoveryCodes: string[];
  lastStep: number;
}

export type TotpStore = Map<string, TotpState>;

async function post(app: FastifyInstance, url: string, payload: unknown, token?: string) {
  return app.inject({
    method: "POST",
    url,
    payload: payload as Record<string, unknown>,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** A code for step 2: the current TOTP when its step is unused, else a recovery code. */
export function nextSecondFactor(state: TotpState, clock: Clock): string {
  const step = totpStep(clock.now());
  if (step > state.lastStep) {
    state.lastStep = step;
    return totpCode(state.secret, clock.now());
  }
  const code = state.recoveryCodes.shift();
  if (!code) throw new Error("test sign-in: no recovery code left for a second sign-in in the same 30 s step");
  return code;
}

/** Enrols TOTP in an enrolment-only session; afterwards that session is a full one. */
export async function enrolTotp(app: FastifyInstance, clock: Clock, token: string): Promise<TotpState> {
  const start = await post(app, "/api/v1/me/totp/enrolment", {}, token);
  if (start.statusCode !== 200) throw new Error(`totp enrolment: ${start.statusCode} ${start.body}`);
  const secret = start.json().secret as string;
  const confirm = await post(app, "/api/v1/me/totp/enrolment/confirm", { code: totpCode(secret, clock.now()) }, token);
  if (confirm.statusCode !== 200) throw new Error(`totp confirm: ${confirm.statusCode} ${confirm.body}`);
  return { secret, recoveryCodes: confirm.json().recoveryCodes as string[], lastStep: totpStep(clock.now()) };
}

/** Password, then enrolment or the second step as the account needs; returns a full session's token. */
export async function signInWithMfa(
  app: FastifyInstance,
  clock: Clock,
  store: TotpStore,
  username: string,
  password: string,
): Promise<string> {
  const res = await post(app, "/api/v1/auth/login", { username, password });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const body = res.json() as {
    token?: string;
    mfaEnrolmentRequired?: boolean;
    mfaRequired?: boolean;
    challenge?: string;
  };
  if (body.mfaRequired) {
    const state = store.get(username);
    if (!state) throw new Error(`login ${username}: TOTP is on but this test context never enrolled it`);
    const step2 = await post(app, "/api/v1/auth/login/totp", {
      challenge: body.challenge,
      code: nextSecondFactor(state, clock),
    });
    if (step2.statusCode !== 200) throw new Error(`login ${username} step 2: ${step2.statusCode} ${step2.body}`);
    return step2.json().token as string;
  }
  const token = body.token as string;
  if (body.mfaEnrolmentRequired) store.set(username, await enrolTotp(app, clock, token));
  return token;
}
