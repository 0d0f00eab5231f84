// AES-256-GCM for small secrets kept in the database (TOTP seeds), under a key that lives outside
// it (DATA_DIR/keys/<name>.key, see keys.ts). Format: v1.<iv>.<tag>.<ciphertext>, base64url.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { loadKey } from "./keys.ts";

const keys = new Map<string, Buffer>();

function keyFor(dataDir: string, name: string): Buffer {
  const id = `${dataDir}\0${name}`;
  let key = keys.get(id);
  if (!key) {
    key = loadKey({ dataDir, name });
    keys.set(id, key);
  }
  return key;
}

export function sealSecret(dataDir: string, name: string, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(dataDir, name), iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** `aad` binds the ciphertext to its row (the user id): a seed copied onto another account does not open. */
export function openSecret(dataDir: string, name: string, sealed: string, aad: string): string {
  const [v, iv, tag, ct] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || ct === undefined) throw new Error("sealed secret: unknown format");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(dataDir, name), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}
