// Security headers on API answers and on the three web applications: CSP with scripts from our own
// origin only and no framing, nosniff, no referrer, no X-Powered-By, HSTS only over TLS, the tile
// server's origin allowed for images; and the built HTML has no inline script the CSP would block.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webRoot } from "../src/http/static-web.ts";
import { createTestContext, TEST_START, type TestContext } from "./harness.ts";

let ctx: TestContext;
const TILE = "https://tiles.intranet.example:8443/{z}/{x}/{y}.png";

beforeAll(async () => {
  ctx = await createTestContext(TEST_START, { TILE_URL: TILE });
});
afterAll(async () => ctx?.close());

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

function expectHardened(headers: Record<string, unknown>) {
  const csp = directives(String(headers["content-security-policy"] ?? ""));
  expect(csp.get("script-src")).toEqual(["'self'"]);
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("img-src")).toContain("https://tiles.intranet.example:8443");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-powered-by"]).toBeUndefined();
  // served over plain HTTP here: no HSTS
  expect(headers["strict-transport-security"]).toBeUndefined();
}

describe("security headers", () => {
  it("on API answers, errors included, and on Open311", async () => {
    const token = await ctx.login("yuhua_grid01");
    for (const [t, url] of [
      [token, "/api/v1/me"],
      [null, "/api/v1/me"],
      [null, "/api/v1/nothing-here"],
      [null, "/healthz"],
      [null, "/open311/v2/services.json"],
    ] as const) {
      const res = await ctx.api(t, { method: "GET", url });
      expectHardened(res.headers);
    }
  });

  it.skipIf(!existsSync(path.join(webRoot(), "index.html")))(
    "on the workbench, the phone app (manifest, service worker) and the portal; their HTML has no inline script",
    async () => {
      for (const url of ["/", "/m/", "/p/", "/m/manifest.webmanifest", "/m/sw.js", "/cases/123"]) {
        const res = await ctx.app.inject({ method: "GET", url, headers: { accept: "text/html" } });
        if (url === "/m/sw.js" && res.statusCode === 404) continue;
        expect(res.statusCode, url).toBe(200);
        expectHardened(res.headers);
      }
      for (const file of ["index.html", "m/index.html", "p/index.html"]) {
        const html = readFileSync(path.join(webRoot(), file), "utf8");
        const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
          ([, attrs, body]) => !/\bsrc=/.test(attrs ?? "") || (body ?? "").trim(),
        );
        expect(inline, file).toEqual([]);
        expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
      }
    },
  );

  it("the API docs page is served under the same policy", async () => {
    let res = await ctx.app.inject({ method: "GET", url: "/api/docs" });
    for (let hops = 0; res.statusCode === 302 && hops < 3; hops++) {
      const next = new URL(String(res.headers.location), "http://localhost/api/docs/").pathname;
      res = await ctx.app.inject({ method: "GET", url: next });
    }
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    expectHardened(res.headers);
  });

  it("HSTS only when the request came over TLS", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cg-tls-"));
    try {
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "1",
          "-subj",
          "/CN=localhost",
          "-keyout",
          path.join(dir, "key.pem"),
          "-out",
          path.join(dir, "cert.pem"),
        ],
        { stdio: "ignore" },
      );
      const server = https.createServer(
        { key: await readFile(path.join(dir, "key.pem")), cert: await readFile(path.join(dir, "cert.pem")) },
        (req, res) => ctx.app.routing(req, res),
      );
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const port = (server.address() as AddressInfo).port;
      const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
        https
          .get({ host: "127.0.0.1", port, path: "/healthz", rejectUnauthorized: false }, (res) => {
            res.resume();
            resolve(res.headers);
          })
          .on("error", reject);
      });
      server.close();
      expect(headers["strict-transport-security"]).toMatch(/^max-age=31536000/);
      expect(headers["x-frame-options"]).toBe("DENY");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
