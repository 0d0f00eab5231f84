export const TEMPLATE_DB = "civicgrid_test_template";
export const TEST_PASSWORD = "demo-password-2026";

/** A Tuesday morning in Anshan (2026-11-24 09:00 CST), a plain working week: the test clock's start. */
export const TEST_START = new Date("2026-11-24T01:00:00Z");
