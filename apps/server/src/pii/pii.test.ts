import { statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KeyError, keyFilePath, loadKey } from "../lib/keys.ts";
import { aes256gcm, availableCiphers, sm4cbcHmac } from "./cipher.ts";
import { addKeyFile, Keyring, loadKeyring } from "./keyring.ts";
import { coarseAddress, isValidIdNumber, maskIdNumber, maskName, maskPhone } from "./mask.ts";
import { loadPii } from "./pii.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "cg-pii-"));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const key = (b: number) => Buffer.alloc(32, b);

describe("field ciphers", () => {
  for (const cipher of [aes256gcm, sm4cbcHmac].filter((c) => availableCiphers().has(c.alg))) {
    it(`${cipher.alg}: round trip; altered, re-keyed or moved ciphertexts are refused`, () => {
      const aad = Buffer.from("cases.reporter_phone");
      const ct = cipher.encrypt(key(1), Buffer.from("13912345678"), aad);
      expect(ct.toString("latin1")).not.toContain("13912345678");
      expect(cipher.decrypt(key(1), ct, aad).toString()).toBe("13912345678");
      const altered = Buffer.from(ct);
      altered[altered.length - 1] = (altered.at(-1) as number) ^ 1;
      expect(() => cipher.decrypt(key(1), altered, aad)).toThrow();
      expect(() => cipher.decrypt(key(2), ct, aad)).toThrow();
      expect(() => cipher.decrypt(key(1), ct, Buffer.from("cases.reporter_name"))).toThrow();
      // a fresh IV each time: equal values do not give equal ciphertexts
      expect(cipher.encrypt(key(1), Buffer.from("x"), aad).equals(cipher.encrypt(key(1), Buffer.from("x"), aad))).toBe(
        false,
      );
    });
  }
});

describe("keyring", () => {
  it("writes with the newest key; values under older keys still open", () => {
    const old = new Keyring([["1", key(1)]]);
    const sealed = old.seal("f", "张三");
    expect(sealed).toMatch(/^v1\.1\.a256gcm\./);
    const rotated = new Keyring([
      ["1", key(1)],
      ["2", key(2)],
    ]);
    expect(rotated.open("f", sealed)).toBe("张三");
    expect(rotated.seal("f", "张三")).toMatch(/^v1\.2\.a256gcm\./);
    expect(rotated.isCurrent(sealed)).toBe(false);
    // without its key a value cannot be opened
    expect(() => new Keyring([["2", key(2)]]).open("f", sealed)).toThrow(KeyError);
  });

  it("key files: created 0600 at first start, a rotation adds pii-2.key", () => {
    const first = loadKeyring({ dataDir: dir });
    expect(first.currentId).toBe("1");
    expect(statSync(keyFilePath(dir, "pii-1")).mode & 0o777).toBe(0o600);
    const sealed = first.seal("f", "v");
    expect(addKeyFile(dir)).toBe("2");
    const second = loadKeyring({ dataDir: dir });
    expect(second.currentId).toBe("2");
    expect(second.open("f", sealed)).toBe("v");
  });
});

describe("loadKey", () => {
  it("creates DATA_DIR/keys/<name>.key 0600 once and reads the same key back; env wins", () => {
    const a = loadKey({ dataDir: dir, name: "audit-hmac" });
    expect(a).toHaveLength(32);
    expect(statSync(keyFilePath(dir, "audit-hmac")).mode & 0o777).toBe(0o600);
    expect(loadKey({ dataDir: dir, name: "audit-hmac" }).equals(a)).toBe(true);
    const env = key(7).toString("base64");
    expect(loadKey({ dataDir: dir, name: "audit-hmac", env }).equals(key(7))).toBe(true);
    expect(() => loadKey({ dataDir: dir, name: "x", env: "c2hvcnQ=" })).toThrow(KeyError);
  });

  it("refuses a key file others can read", async () => {
    loadKey({ dataDir: dir, name: "open" });
    const { chmodSync } = await import("node:fs");
    chmodSync(keyFilePath(dir, "open"), 0o644);
    expect(() => loadKey({ dataDir: dir, name: "open" })).toThrow(/readable by others/);
  });
});

describe("phone hash", () => {
  it("is keyed and equal for every spelling of one number", () => {
    const pii = loadPii({ dataDir: dir });
    const h = pii.phoneHash("13912345678");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(pii.phoneHash("+86 139-1234-5678")).toBe(h);
    expect(pii.phoneHash("139 1234 5678")).toBe(h);
    expect(pii.phoneHash("13912345679")).not.toBe(h);
    const other = loadPii({ dataDir: dir, CIVICGRID_PII_INDEX_KEY: key(9).toString("base64") });
    expect(other.phoneHash("13912345678")).not.toBe(h);
  });
});

describe("masks", () => {
  it("phone, name, ID number, address", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskIdNumber("21030219900307104X")).toBe("2103**********104X");
    expect(coarseAddress("铁西区人民路88号3单元401")).toBe("铁西区人民路");
    expect(coarseAddress("裕华社区五号楼前")).toBe("裕华社区");
    expect(coarseAddress("12号")).toBeNull();
  });

  it("resident ID numbers: format, date and check digit", () => {
    expect(isValidIdNumber("21030219900307104X")).toBe(true);
    expect(isValidIdNumber("21030219900307104x")).toBe(true);
    expect(isValidIdNumber("210302199003071041")).toBe(false); // check digit
    expect(isValidIdNumber("21030219900230104X")).toBe(false); // 30 February
    expect(isValidIdNumber("2103021990030710")).toBe(false);
  });
});
