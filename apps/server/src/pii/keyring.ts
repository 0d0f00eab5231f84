// The keyring of the personal-data fields: every key ever used, by id; new values are written with
// the newest, old values still open with theirs until `rotate-pii-key` re-encrypts them.
import { readdirSync } from "node:fs";
import { createKeyFile, decodeKey, KeyError, keysDir, readKeyFile } from "../lib/keys.ts";
import { availableCiphers, type FieldCipher } from "./cipher.ts";

const ENVELOPE = /^v1\.([a-z0-9]{1,16})\.([a-z0-9]{1,16})\.([A-Za-z0-9_-]+)$/;
const FILE = /^pii-([0-9]{1,9})\.key$/;

export class Keyring {
  readonly keys: ReadonlyMap<string, Buffer>;
  readonly currentId: string;
  readonly cipher: FieldCipher;
  private readonly ciphers = availableCiphers();

  /** keys in age order, the newest last: it encrypts everything new */
  constructor(keys: [string, Buffer][], alg = "a256gcm") {
    const last = keys.at(-1);
    if (!last) throw new KeyError("the PII keyring has no key");
    this.keys = new Map(keys);
    this.currentId = last[0];
    const cipher = this.ciphers.get(alg);
    if (!cipher) throw new KeyError(`cipher ${alg} is not available in this Node/OpenSSL build`);
    this.cipher = cipher;
  }

  /** `v1.<keyId>.<alg>.<base64url(payload)>`, bound to `field` (e.g. "cases.reporter_phone"). */
  seal(field: string, plaintext: string): string {
    const key = this.keys.get(this.currentId) as Buffer;
    const payload = this.cipher.encrypt(key, Buffer.from(plaintext, "utf8"), Buffer.from(field));
    return `v1.${this.currentId}.${this.cipher.alg}.${payload.toString("base64url")}`;
  }

  open(field: string, envelope: string): string {
    const m = ENVELOPE.exec(envelope);
    if (!m) throw new KeyError("not a PII envelope");
    const [, keyId, alg, b64] = m as unknown as [string, string, string, string];
    const key = this.keys.get(keyId);
    if (!key) throw new KeyError(`PII key ${keyId} is not in the keyring`);
    const cipher = this.ciphers.get(alg);
    if (!cipher) throw new KeyError(`cipher ${alg} is not available`);
    return cipher.decrypt(key, Buffer.from(b64, "base64url"), Buffer.from(field)).toString("utf8");
  }

  /** Whether a value is already under the newest key and cipher (the rotation skips those). */
  isCurrent(envelope: string): boolean {
    return envelope.startsWith(`v1.${this.currentId}.${this.cipher.alg}.`);
  }
}

/** "1:<base64>,2:<base64>": the keys of CIVICGRID_PII_KEYS, oldest first. */
export function parseKeyList(text: string): [string, Buffer][] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const i = entry.indexOf(":");
      const id = entry.slice(0, i);
      if (i < 1 || !/^[a-z0-9]{1,16}$/.test(id)) throw new KeyError("CIVICGRID_PII_KEYS: expected id:base64,…");
      return [id, decodeKey(entry.slice(i + 1), `CIVICGRID_PII_KEYS key ${id}`)] as [string, Buffer];
    });
}

/** The numbered key files DATA_DIR/keys/pii-<n>.key, oldest first. */
export function keyFileIds(dataDir: string): number[] {
  let names: string[] = [];
  try {
    names = readdirSync(keysDir(dataDir));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  return names
    .map((n) => FILE.exec(n)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Adds DATA_DIR/keys/pii-<n+1>.key (0600); the next keyring loaded writes with it. */
export function addKeyFile(dataDir: string): string {
  const next = (keyFileIds(dataDir).at(-1) ?? 0) + 1;
  createKeyFile(dataDir, `pii-${next}`);
  return String(next);
}

export interface LoadKeyringOptions {
  dataDir: string;
  /** CIVICGRID_PII_KEYS; when given, no key file is read or written */
  env?: string | undefined;
  alg?: string;
}

/** From the environment, else the key files (the first one created 0600 at first start). */
export function loadKeyring({ dataDir, env, alg }: LoadKeyringOptions): Keyring {
  if (env) return new Keyring(parseKeyList(env), alg);
  if (keyFileIds(dataDir).length === 0) addKeyFile(dataDir);
  const keys = keyFileIds(dataDir).map(
    (n) => [String(n), readKeyFile(dataDir, `pii-${n}`) as Buffer] as [string, Buffer],
  );
  return new Keyring(keys, alg);
}
