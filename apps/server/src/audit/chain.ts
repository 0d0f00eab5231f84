// The audit log's hash chain: hash = HMAC-SHA256(key, prev_hash || canonical row). The key lives
// outside the database (DATA_DIR/keys/audit.key or CIVICGRID_AUDIT_KEY), so someone who can write
// to the database alone cannot rewrite a row and recompute the chain after it.
import { createHmac } from "node:crypto";
import type { Config } from "../config.ts";
import { loadKey } from "../lib/keys.ts";

/** Advisory lock serialising chain appends (and the purge, see 012_audit_chain.sql). */
export const AUDIT_CHAIN_LOCK = 7_312_045;

export interface ChainedFields {
  id: string | number;
  at: Date;
  user_id: string | null;
  username: string | null;
  unit_code: string | null;
  role: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  ip: string | null;
  detail: unknown;
}

/** JSON with object keys sorted at every level: jsonb does not keep key order, so we cannot rely on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

export function canonicalRow(r: ChainedFields): string {
  return canonicalJson([
    String(r.id),
    r.at.toISOString(),
    r.user_id,
    r.username,
    r.unit_code,
    r.role,
    r.action,
    r.object_type,
    r.object_id,
    r.outcome,
    r.ip,
    r.detail ?? {},
  ]);
}

export function chainHash(key: Buffer, prevHash: Buffer | null, row: ChainedFields): Buffer {
  const mac = createHmac("sha256", key);
  if (prevHash) mac.update(prevHash);
  mac.update(canonicalRow(row), "utf8");
  return mac.digest();
}

const keys = new Map<string, Buffer>();

export const AUDIT_KEY_NAME = "audit";

/** The audit HMAC key for this configuration (read, or created at first start, once per process). */
export function auditKey(config: Pick<Config, "dataDir" | "CIVICGRID_AUDIT_KEY">): Buffer {
  const cacheKey = `${config.dataDir}\0${config.CIVICGRID_AUDIT_KEY ?? ""}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = loadKey({ dataDir: config.dataDir, name: AUDIT_KEY_NAME, env: config.CIVICGRID_AUDIT_KEY });
    keys.set(cacheKey, key);
  }
  return key;
}
