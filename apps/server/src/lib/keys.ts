// Secret keys supplied outside the database: from the environment (base64) or from a file under
// DATA_DIR/keys/ that is created with mode 0600 at first start. The database never holds them, so a
// dump of it alone cannot decrypt or forge anything.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const KEY_BYTES = 32;

export interface LoadKeyOptions {
  /** the server's DATA_DIR (config.dataDir); the key file lives in DATA_DIR/keys/<name>.key */
  dataDir: string;
  /** file name without extension, [a-z0-9_-]: e.g. "audit-hmac", "pii-index" */
  name: string;
  /** the key from the environment, base64 of 32 bytes; when given, no file is read or written */
  env?: string | undefined;
}

export class KeyError extends Error {}

/** Decodes a base64 (or base64url) key and checks it is exactly 32 bytes. */
export function decodeKey(text: string, what: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new KeyError(`${what}: not base64`);
  const key = Buffer.from(trimmed, "base64");
  if (key.length !== KEY_BYTES) throw new KeyError(`${what}: expected ${KEY_BYTES} bytes, got ${key.length}`);
  return key;
}

export function keysDir(dataDir: string): string {
  return path.join(dataDir, "keys");
}

export function keyFilePath(dataDir: string, name: string): string {
  if (!/^[a-z0-9_-]{1,64}$/.test(name)) throw new KeyError(`invalid key name "${name}"`);
  return path.join(keysDir(dataDir), `${name}.key`);
}

/** Reads DATA_DIR/keys/<name>.key, or null when it does not exist. */
export function readKeyFile(dataDir: string, name: string): Buffer | null {
  const file = keyFilePath(dataDir, name);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  return decodeKey(text, file);
}

/** Writes a new random key to DATA_DIR/keys/<name>.key (0600, never overwriting one) and returns it. */
export function createKeyFile(dataDir: string, name: string): Buffer {
  const dir = keysDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = keyFilePath(dataDir, name);
  const key = randomBytes(KEY_BYTES);
  try {
    // "wx": two processes starting at once must not both write (and disagree on) the key
    writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return decodeKey(readFileSync(file, "utf8"), file);
    throw err;
  }
  chmodSync(file, 0o600); // the umask may have widened nothing, but be explicit
  return key;
}

/**
 * A 32-byte key: from `env` (base64) when given, else from DATA_DIR/keys/<name>.key, created with
 * mode 0600 if missing. A key file readable by group or others is refused.
 */
export function loadKey({ dataDir, name, env }: LoadKeyOptions): Buffer {
  if (env !== undefined && env !== "") return decodeKey(env, `environment key for ${name}`);
  const existing = readKeyFile(dataDir, name);
  if (existing) {
    const file = keyFilePath(dataDir, name);
    if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0) {
      throw new KeyError(`${file} is readable by others; chmod 600 it`);
    }
    return existing;
  }
  return createKeyFile(dataDir, name);
}
