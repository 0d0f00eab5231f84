import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box.ts";
import { acceptTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpCode, totpStep, totpUri } from "./totp.ts";

const T0 = new Date("2026-11-24T01:00:00Z");

describe("totp", () => {
  it("accepts the current code once, refuses a replay and a wrong code", () => {
    const secret = newTotpSecret();
    const code = totpCode(secret, T0);
    const step = acceptTotp(secret, code, T0, null);
    expect(step).toBe(totpStep(T0));
    expect(acceptTotp(secret, code, new Date(T0.getTime() + 5000), step)).toBeNull();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(acceptTotp(secret, wrong, T0, null)).toBeNull();
    // two steps later the old code is no longer valid
    expect(acceptTotp(secret, code, new Date(T0.getTime() + 90_000), null)).toBeNull();
    expect(totpUri(secret, "secadmin")).toMatch(/^otpauth:\/\/totp\/CivicGrid:secadmin\?.*secret=/);
  });

  it("recovery codes: ten distinct, hashed ignoring case and dash", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const first = codes[0] as string;
    expect(hashRecoveryCode(first.toUpperCase().replace("-", ""))).toEqual(hashRecoveryCode(first));
  });

  it("sealed secrets open only with their key and their row", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cg-box-"));
    try {
      const sealed = sealSecret(dir, "totp", "JBSWY3DPEHPK3PXP", "user-1");
      expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
      expect(openSecret(dir, "totp", sealed, "user-1")).toBe("JBSWY3DPEHPK3PXP");
      expect(() => openSecret(dir, "totp", sealed, "user-2")).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
