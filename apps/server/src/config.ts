// One config module, validated at boot: a bad environment stops the server with a clear message.
import path from "node:path";
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

const Env = Type.Object({
  DATABASE_URL: Type.Optional(Type.String({ pattern: "^postgres(ql)?://" })),
  DATA_DIR: Type.String({ default: "./data" }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  HOST: Type.String({ default: "0.0.0.0" }),
  /** port for the embedded PostgreSQL; 0 picks a free one */
  PG_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 0 }),
  LOG_LEVEL: Type.Union(
    ["fatal", "error", "warn", "info", "debug", "trace", "silent"].map((l) => Type.Literal(l)),
    { default: "info" },
  ),
  /** seed the Anshan demo (hierarchy, units, accounts, history) into an empty database */
  CIVICGRID_DEMO: Type.Boolean({ default: true }),
  CIVICGRID_DEMO_PASSWORD: Type.Optional(Type.String({ minLength: 8 })),
  /** the demo Open311 client's API key; without it a random key is generated and printed at first start */
  CIVICGRID_OPEN311_KEY: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9_.~-]{16,128}$" })),
  /** how many historical cases the demo seed generates (the article's year: 78,182) */
  SEED_HISTORY_CASES: Type.Integer({ minimum: 0, maximum: 500_000, default: 78_182 }),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 30 }),
  SESSION_MAX_HOURS: Type.Integer({ minimum: 1, maximum: 72, default: 12 }),
  /** sign-in attempts (password, code, first-time setup) per client address and minute */
  LOGIN_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100_000, default: 20 }),
  SWEEP_INTERVAL_SECONDS: Type.Integer({ minimum: 0, maximum: 3600, default: 60 }),
  /** the audit hash chain's HMAC key, base64 of 32 bytes; without it DATA_DIR/keys/audit.key (created 0600) */
  CIVICGRID_AUDIT_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** audit records older than this are purged daily; at least 180 days (等保 three) */
  AUDIT_RETENTION_DAYS: Type.Integer({ minimum: 180, maximum: 36_500, default: 365 }),
  NODE_ENV: Type.String({ default: "production" }),
  /** S3-compatible media storage (all of endpoint, bucket and keys, or none: then `DATA_DIR/media`) */
  S3_ENDPOINT: Type.Optional(Type.String({ pattern: "^https?://[^/?#]+(/[^?#]*)?$" })),
  S3_BUCKET: Type.Optional(Type.String({ pattern: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$" })),
  S3_REGION: Type.String({ minLength: 1, default: "us-east-1" }),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** personal-data keyring "id:base64,…" (newest last); without it DATA_DIR/keys/pii-<n>.key (0600) */
  CIVICGRID_PII_KEYS: Type.Optional(
    Type.String({ pattern: "^[a-z0-9]{1,16}:[A-Za-z0-9+/_=-]+(,[a-z0-9]{1,16}:[A-Za-z0-9+/_=-]+)*$" }),
  ),
  /** key of the phone search hashes (base64, 32 bytes); without it DATA_DIR/keys/pii-index.key */
  CIVICGRID_PII_INDEX_KEY: Type.Optional(Type.String({ minLength: 40 })),
  /** the field cipher of new values: AES-256-GCM, or SM4 (CBC + HMAC-SHA256) where OpenSSL has it */
  PII_CIPHER: Type.Union([Type.Literal("a256gcm"), Type.Literal("sm4cbchs256")], { default: "a256gcm" }),
  /** raster map tiles (same value as the web's VITE_TILE_URL / window.CIVICGRID_TILE_URL): its origin is allowed in the CSP's img-src */
  TILE_URL: Type.Optional(Type.String({ pattern: "^https?://[^/?#]+" })),
  /** demo mode's live activity (jobs/demo-live.ts): grid workers patrol and report, cases move; "off" stops it */
  DEMO_LIVE: Type.Union([Type.Literal("on"), Type.Literal("off")], { default: "on" }),
  /** reporter personal data of cases closed longer ago than this is anonymised */
  PII_RETENTION_MONTHS: Type.Integer({ minimum: 1, maximum: 600, default: 24 }),
  /** 智能分派 (docs/classification.md): the routing models learn from at most this many newest closed cases */
  MODEL_TRAINING_CASES: Type.Integer({ minimum: 100, maximum: 1_000_000, default: 50_000 }),
  /** the daily retrain runs when at least this many cases were closed since the active models' data */
  MODEL_RETRAIN_MIN_NEW_CASES: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 200 }),
});

/** Media storage goes to S3 only when all of these are set; some but not all is a configuration error. */
const S3_REQUIRED = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

export type Config = Static<typeof Env> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(Env.properties)) {
    const v = env[key];
    if (v !== undefined && v !== "") raw[key] = v;
  }
  const withDefaults = Value.Default(Env, Value.Convert(Env, raw));
  const errors = [...Value.Errors(Env, withDefaults)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.path.slice(1) || "(env)"}: ${e.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const cfg = withDefaults as Static<typeof Env>;
  // from the environment itself: defaults (S3_REGION) have been filled into `raw` by now
  const s3Given = [...S3_REQUIRED, "S3_REGION"].filter((k) => env[k] !== undefined && env[k] !== "");
  const s3Missing = S3_REQUIRED.filter((k) => env[k] === undefined || env[k] === "");
  if (s3Given.length > 0 && s3Missing.length > 0) {
    throw new ConfigError(
      `Invalid environment:\n  S3 media storage needs all of ${S3_REQUIRED.join(", ")}; missing ${s3Missing.join(", ")}`,
    );
  }
  return { ...cfg, dataDir: path.resolve(cfg.DATA_DIR) };
}
