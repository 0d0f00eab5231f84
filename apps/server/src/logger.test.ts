import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { createLogger, redactUrl, scrubText } from "./logger.ts";

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

describe("redaction", () => {
  const capture = (level = "trace") => {
    const lines: string[] = [];
    return { lines, logger: createLogger(level, { write: (s: string) => lines.push(s) }) };
  };

  it("masks phone and ID numbers anywhere, and credentials in URLs", () => {
    expect(scrubText("call +86 139-1234-5678 or 13912345678, id 210302199001011238")).toBe(
      "call 139****5678 or 139****5678, id 210302********1238",
    );
    expect(redactUrl("/open311/v2/requests.json?api_key=o311_abc&phone=13912345678&x=1")).toBe(
      "/open311/v2/requests.json?api_key=[redacted]&phone=[redacted]&x=1",
    );
    // timestamps, ids and hashes are not phone numbers
    expect(scrubText('"time":1795787130297,"id":"a13912345678b"')).toBe('"time":1795787130297,"id":"a13912345678b"');
  });

  it("keeps SQL parameters and database details of errors out of the log", () => {
    const { lines, logger } = capture();
    const pgError = Object.assign(new Error("duplicate key value violates unique constraint"), {
      code: "23505",
      detail: "Key (reporter_phone)=(13912345678) already exists.",
      parameters: ["13912345678", "hunter2-password"],
      query: "insert into x values ($1, $2)",
    });
    const wrapped = new Error("create case failed for 13912345678", { cause: pgError });
    logger.error(
      { err: wrapped, password: "hunter2-password", body: { reporter: { idNumber: "210302199001011238" } } },
      "boom",
    );
    logger.info({ user: { token: "tok_secret_value" }, note: "Bearer abc.def.ghi" }, "x");
    const out = lines.join("");
    expect(out).toContain("23505");
    for (const secret of ["13912345678", "hunter2-password", "210302199001011238", "tok_secret_value", "abc.def.ghi"]) {
      expect(out, secret).not.toContain(secret);
    }
  });
});
