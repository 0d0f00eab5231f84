import { defineConfig } from "vitest/config";

// Two projects: pure unit tests beside the code, and integration tests on a real PostgreSQL (the
// global setup starts it once and seeds a template database that each test file clones).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "apps/server/src/**/*.test.ts"],
          pool: "forks",
        },
      },
      {
        test: {
          name: "integration",
          include: ["apps/server/test/**/*.test.ts"],
          globalSetup: ["apps/server/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: "forks",
          // each file builds its own context on a fresh database; sharing the worker's module graph
          // saves re-importing the server for every file (about 2 minutes of a full run)
          isolate: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          globalSetup: ["e2e/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          pool: "forks",
          fileParallelism: false,
        },
      },
    ],
  },
});
