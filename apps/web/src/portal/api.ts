// The portal's calls: the shared JSON client, plus the browser's anonymous token (X-Public-Token),
// fetched once from POST /public/session and kept in localStorage. A token the server no longer
// knows is replaced once, transparently.
import { ApiError, api } from "../lib/api.ts";

const TOKEN_KEY = "civicgrid.publicToken";

let pending: Promise<string> | null = null;

async function freshToken(): Promise<string> {
  const { token } = await api<{ token: string }>("POST", "/public/session", {});
  localStorage.setItem(TOKEN_KEY, token);
  return token;
}

/** This browser's token, created on first use. */
export function publicToken(): Promise<string> {
  const saved = localStorage.getItem(TOKEN_KEY);
  if (saved) return Promise.resolve(saved);
  pending ??= freshToken().finally(() => {
    pending = null;
  });
  return pending;
}

/** Runs a call with the token; if the server refuses the token, gets a new one and tries once more. */
export async function withToken<T>(call: (headers: Record<string, string>) => Promise<T>): Promise<T> {
  const token = await publicToken();
  try {
    return await call({ "x-public-token": token });
  } catch (e) {
    if (!(e instanceof ApiError) || e.body.code !== "PUBLIC_TOKEN_INVALID") throw e;
    localStorage.removeItem(TOKEN_KEY);
    return call({ "x-public-token": await publicToken() });
  }
}

/** The receipt code without separators, upper case; null when it cannot be one. */
export function cleanReceipt(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  return /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/.test(code) ? code : null;
}

export function formatReceipt(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}
