export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const E2E_PASSWORD = "e2e-demo-password";
