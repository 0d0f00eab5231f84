import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { createLogger, redactUrl } from "./logger.ts";

describe("request logs", () => {
  it("never carry a citizen's receipt code", async () => {
    expect(redactUrl("/api/v1/public/reports/K7M2QX9PLR4T/evaluation")).toBe(
      "/api/v1/public/reports/[redacted]/evaluation",
    );
    const lines: string[] = [];
    const logger = createLogger("info", { write: (s: string) => lines.push(s) });
    const app = Fastify({ loggerInstance: logger as never });
    app.get("/api/v1/public/reports/:receipt", async () => ({ ok: true }));
    await app.inject({ method: "GET", url: "/api/v1/public/reports/K7M2QX9PLR4T" });
    await app.close();
    expect(lines.join("")).toContain("/api/v1/public/reports/[redacted]");
    expect(lines.join("")).not.toContain("K7M2QX9PLR4T");
  });
});
