// Where photo bytes live: a folder under the data directory by default, an S3-compatible bucket
// when configured. The database keeps only the key; the storage never decides who may read what.
import type { Readable } from "node:stream";

export interface MediaStorage {
  /** "local" or "s3", shown in logs and /healthz-like diagnostics */
  readonly kind: "local" | "s3";
  /** Stores the object under `key`, replacing it whole (never a half-written object). */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /** The object as a stream (for serving without buffering), or null when there is no such object. */
  stream(key: string): Promise<Readable | null>;
  /** Removes the object; removing a missing object is not an error (clean-up retries). */
  delete(key: string): Promise<void>;
}

/** Keys are ours (generated), but checked anyway: lowercase path segments, no `..`, no absolute paths. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export class InvalidStorageKeyError extends Error {}

export function assertValidKey(key: string): void {
  if (key.length > 512 || !KEY_PATTERN.test(key) || key.split("/").some((s) => s === "." || s === "..")) {
    throw new InvalidStorageKeyError(`invalid storage key: ${JSON.stringify(key)}`);
  }
}
