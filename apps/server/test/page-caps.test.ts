// Page-size and response-size caps, read from the app's own OpenAPI document: every GET answering a
// page ({items,total,page,pageSize}) caps pageSize at MAX_PAGE_SIZE and refuses one more with 400;
// every other list in a response is capped by a limit parameter or maxItems, or is named below with
// the reason it is bounded; Open311's page_size is capped too. Oversized bodies are logged.
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerResponseSizeWatch } from "../src/http/response-size.ts";
import { MAX_PAGE_SIZE } from "../src/http/schemas.ts";
import type { JsonSchema } from "./fuzz/values.ts";
import { createTestContext, type TestContext } from "./harness.ts";

/** Lists that are not paged, and why they stay small. */
const BOUNDED_BY_NATURE: Record<string, string> = {
  "GET /api/v1/calendar/{year}": "holidays/workdays of one year (≤ 366)",
  "GET /api/v1/inbox": "one entry per inbox bucket (fixed set)",
  "GET /api/v1/cases/{id}/dispatch-options": "units that may take the case (reference data of one area)",
  "GET /api/v1/cases/{id}/assign-options": "units that may take the case (reference data of one area)",
  "GET /api/v1/divisions": "children of one division (reference hierarchy)",
  "GET /api/v1/divisions/{code}": "the ancestors of one division (≤ 5 levels)",
  "GET /api/v1/geo/districts": "the city's districts (reference data)",
  "GET /api/v1/geo/grids": "the grids of one community or township (reference data)",
  "GET /api/v1/security/roles": "the fixed role catalogue",
  "GET /api/v1/hotline/places": "search results cut at MAX_PLACE_RESULTS (10) in search-places.ts",
  "GET /api/v1/hotline/imports/{id}": "preview and report of one import file, capped by the import's row limit",
  "GET /api/v1/public/reports/{receipt}": "photos (≤ 9) and the public timeline of one case",
  "GET /api/v1/mobile/home": "the worker's own grids",
  "GET /api/v1/mobile/patrols/{id}": "one patrol's track, capped by the patrol point limit (patrols/limits)",
  "GET /api/v1/me": "the user's own roles and units",
  "GET /api/v1/me/security": "the user's own factors and recovery-code count",
  "GET /api/v1/security/policies": "the fixed policy catalogue",
};

type Op = {
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  responses?: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
};

let ctx: TestContext;
let paths: Record<string, Record<string, Op>>;

beforeAll(async () => {
  ctx = await createTestContext();
  paths = (ctx.app.swagger() as unknown as { paths: typeof paths }).paths;
});
afterAll(async () => ctx?.close());

function gets(): [string, Op][] {
  return Object.entries(paths).flatMap(([p, ops]) => (ops.get ? [[p, ops.get] as [string, Op]] : []));
}

function okSchema(op: Op): JsonSchema | undefined {
  return op.responses?.["200"]?.content?.["application/json"]?.schema;
}

/** JSON paths of arrays in a schema, with whether each is capped by maxItems. */
function arraysIn(schema: JsonSchema | undefined, at = ""): { at: string; capped: boolean }[] {
  if (!schema || typeof schema !== "object") return [];
  const here = schema.type === "array" ? [{ at: at || "(root)", capped: typeof schema.maxItems === "number" }] : [];
  const nested = [
    ...Object.entries(schema.properties ?? {}).flatMap(([k, v]) => arraysIn(v, `${at}.${k}`)),
    ...(schema.items ? arraysIn(schema.items, `${at}[]`) : []),
    ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((s) => arraysIn(s, at)),
  ];
  return [...here, ...nested];
}

function firstValue(schema: JsonSchema): unknown {
  return schema.enum?.[0] ?? schema.const ?? (schema.anyOf?.[0] ? firstValue(schema.anyOf[0]) : "x");
}

const isPage = (s: JsonSchema | undefined) => !!(s?.properties?.items && s.properties.total && s.properties.pageSize);

const SAMPLE_PARAMS: Record<string, string> = {
  id: "00000000-0000-4000-8000-000000000000",
  code: "210303003003",
  phone: "13800138000",
  year: "2026",
  version: "1",
};

describe("page-size caps", () => {
  it("every paged GET caps pageSize at MAX_PAGE_SIZE and answers 400 above it", async () => {
    const paged = gets().filter(([, op]) => isPage(okSchema(op)));
    expect(paged.length).toBeGreaterThanOrEqual(10);
    const token = await ctx.login("city_dispatcher");
    for (const [p, op] of paged) {
      const size = op.parameters?.find((x) => x.in === "query" && x.name === "pageSize");
      expect(size, `${p} has no pageSize`).toBeDefined();
      expect(size?.schema.maximum, p).toBeLessThanOrEqual(MAX_PAGE_SIZE);
      const url = p.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMS[name] ?? "x");
      const max = size?.schema.maximum ?? MAX_PAGE_SIZE;
      // required query parameters (e.g. a task kind) get a valid value, so that pageSize is what fails
      const required = (op.parameters ?? [])
        .filter((x) => x.in === "query" && (x as { required?: boolean }).required && x.name !== "pageSize")
        .map((x) => `${x.name}=${encodeURIComponent(String(firstValue(x.schema)))}&`)
        .join("");
      const over = await ctx.api(token, { method: "GET", url: `${url}?${required}pageSize=${max + 1}` });
      expect(over.statusCode, `${p} pageSize=${max + 1}`).toBe(400);
      expect(over.json().error.code).toBe("VALIDATION_FAILED");
      expect(JSON.stringify(over.json().error.details)).toContain("pageSize");
      const atMax = await ctx.api(token, { method: "GET", url: `${url}?${required}pageSize=${max}` });
      expect(atMax.statusCode, `${p} pageSize=${max}`).not.toBe(400);
    }
  });

  it("a page never holds more than it was asked for", async () => {
    const token = await ctx.login("city_dispatcher");
    const res = await ctx.api(token, { method: "GET", url: "/api/v1/cases?pageSize=100" });
    expect(res.json().items.length).toBeLessThanOrEqual(100);
    expect(res.json().total).toBeGreaterThan(100);
    const small = await ctx.api(token, { method: "GET", url: "/api/v1/cases?pageSize=3" });
    expect(small.json().items).toHaveLength(3);
  });

  it("every other list in a GET response is capped (limit parameter, maxItems) or bounded by nature", () => {
    const unbounded: string[] = [];
    for (const [p, op] of gets()) {
      const key = `GET ${p}`;
      if (p.startsWith("/open311/") || isPage(okSchema(op)) || BOUNDED_BY_NATURE[key]) continue;
      const limit = op.parameters?.find((x) => x.in === "query" && /^(limit|pageSize|page_size)$/.test(x.name));
      if (limit && typeof limit.schema.maximum === "number" && limit.schema.maximum <= 5000) continue;
      const open = arraysIn(okSchema(op)).filter((a) => !a.capped);
      if (open.length) unbounded.push(`${key}: ${open.map((a) => a.at).join(", ")}`);
    }
    expect(unbounded, "add a cap, or name the route in BOUNDED_BY_NATURE with the reason").toEqual([]);
  });

  it("Open311 page_size is capped and refused above the cap", async () => {
    for (const p of ["/open311/v2/services.{format}", "/open311/v2/requests.{format}"]) {
      const size = paths[p]?.get?.parameters?.find((x) => x.name === "page_size");
      expect(size?.schema.maximum, p).toBeLessThanOrEqual(1000);
      const res = await ctx.app.inject({
        method: "GET",
        url: `${p.replace("{format}", "json")}?page_size=${(size?.schema.maximum ?? 1000) + 1}`,
      });
      expect(res.statusCode, p).toBe(400);
    }
  });
});

describe("response size", () => {
  it("a body over the limit is logged with its route", async () => {
    const lines: string[] = [];
    const app = Fastify({
      logger: { level: "warn", stream: { write: (line: string) => void lines.push(line) } },
    });
    registerResponseSizeWatch(app, 1000);
    app.get("/big", async () => ({ data: "x".repeat(2000) }));
    app.get("/small", async () => ({ data: "x" }));
    await app.inject({ method: "GET", url: "/small" });
    expect(lines).toEqual([]);
    await app.inject({ method: "GET", url: "/big" });
    expect(lines.join("")).toMatch(/"route":"\/big".*large response/);
    await app.close();
  });
});
