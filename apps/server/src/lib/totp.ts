// TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, as every authenticator app expects) and the
// recovery codes that stand in for a lost phone. Pure apart from randomness; time is passed in.
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD = 30;
const ISSUER = "CivicGrid";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "user"): TOTP {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), period: TOTP_PERIOD, digits: 6 });
}

/** The otpauth:// URI an authenticator app scans (as a QR code). */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD);
}

/** The current code, for tests and scripts/totp-code.mjs. */
export function totpCode(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}

/**
 * The step the code belongs to (one step of clock drift either way is allowed), or null. A step at or
 * before `lastStep` is refused: a code seen once cannot be replayed within its window.
 */
export function acceptTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = totpStep(now) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

/** Ten single-use codes like `k7m2p-9xq4r`: 50 random bits each, so a plain SHA-256 suffices to store them. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function isRecoveryCodeShape(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}

export function hashRecoveryCode(code: string): Buffer {
  return createHash("sha256").update(code.trim().toLowerCase().replace("-", "")).digest();
}
