export const TEMPLATE_DB = "civicgrid_test_template";
export const TEST_PASSWORD = "demo-password-2026";
