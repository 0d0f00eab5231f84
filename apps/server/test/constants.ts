export const TEMPLATE_DB = "civicgrid_test_template";
export const TEST_PASSWORD = "demo-password-2026";

/** A Tuesday morning in Anshan (2026-11-24 09:00 CST), a plain working week: the test clock's start. */
export const TEST_START = new Date("2026-11-24T01:00:00Z");

/** The audit hash chain's key in tests (base64 of 32 bytes), the same for the template and every test database. */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 0xa5).toString("base64");

/**
 * Fixed personal-data keys (test only): the template database is seeded with them and every test
 * file's server opens it with them, whatever its DATA_DIR.
 */
export const TEST_PII_ENV = {
  CIVICGRID_PII_KEYS: "1:3q1QbMyVq0r8YJp7o1p3rX0f2W3yqkqg2d0s9n6r1XU=",
  CIVICGRID_PII_INDEX_KEY: "yq9wH7sM2l1bq4n2Jt8pVZ6cQk3eR0aT5uW7xY9zA1c=",
} as const;
