// Browser tests run against the real product: the server built as `npm start` builds it, on a fresh
// embedded PostgreSQL data folder with the demo seeded, driven by Debian's Chromium.
import { type ChildProcess, execSync, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { CHROMIUM, E2E_PASSWORD } from "./constants.ts";

let server: ChildProcess | null = null;
let dataDir: string | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(base: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok && ((await res.json()) as { seeding: boolean }).seeding === false) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not become ready:\n${log()}`);
}

export async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  }
  const root = path.resolve(import.meta.dirname, "..");
  execSync("node scripts/build-if-stale.mjs", { cwd: root, stdio: "inherit" });
  dataDir = await mkdtemp(path.join(os.tmpdir(), "civicgrid-e2e-"));
  const port = await freePort();
  let output = "";
  server = spawn(process.execPath, ["apps/server/dist/main.js"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      CIVICGRID_DEMO_PASSWORD: E2E_PASSWORD,
      SEED_HISTORY_CASES: process.env.E2E_HISTORY_CASES ?? "20000",
      // info: demo mode writes the portal's one-time codes to the log at info (tests read them there)
      LOG_LEVEL: "info",
      // every browser signs in from 127.0.0.1: keep the per-address sign-in limit out of the way
      LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
      // the demo's live activity moves random cases on: figures a test compares across two reads would
      // change under it (the screen's live updates are driven by the tests' own reports)
      DEMO_LIVE: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // the server's whole output also goes to a file, for tests that read the log and for CI artifacts
  const serverLog = path.join(root, "artifacts", "e2e-server.log");
  mkdirSync(path.dirname(serverLog), { recursive: true });
  const logFile = createWriteStream(serverLog);
  server.stdout?.on("data", (d) => {
    output = (output + d).slice(-20_000);
    logFile.write(d);
  });
  server.stderr?.on("data", (d) => {
    output = (output + d).slice(-20_000);
    logFile.write(d);
  });
  const base = `http://127.0.0.1:${port}`;
  await waitReady(base, () => output.slice(-4000));
  project.provide("baseUrl", base);
  project.provide("serverLog", serverLog);
  // TOTP secrets enrolled by signIn() (e2e/browser.ts), shared by the test files of this run
  project.provide("totpStore", path.join(dataDir, "e2e-totp.json"));
}

export async function teardown() {
  if (server) {
    server.kill("SIGTERM");
    await new Promise((r) => server?.once("exit", r));
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** path of the file the server's stdout and stderr are written to */
    serverLog: string;
    /** JSON file: username → TOTP secret, recovery codes and last used step, for this run's server */
    totpStore: string;
  }
}
