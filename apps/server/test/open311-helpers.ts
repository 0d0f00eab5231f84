// Helpers of the Open311 protocol tests: schema validation with the GeoReport v2 schemas in
// open311-schemas/, XML parsed back to the JSON shape (Spark convention) for comparison, and
// requests as an Open311 client sends them (form-encoded or JSON).
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import type { InjectOptions } from "fastify";
import { expect } from "vitest";
import type { TestContext } from "./harness.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validators = new Map<string, ValidateFunction>();

export type SchemaName =
  | "discovery"
  | "services"
  | "service-definition"
  | "requests"
  | "post-request"
  | "token"
  | "errors";

export function expectSchema(name: SchemaName, body: unknown): void {
  let v = validators.get(name);
  if (!v) {
    const schema = JSON.parse(readFileSync(new URL(`./open311-schemas/${name}.json`, import.meta.url), "utf8"));
    v = ajv.compile(schema);
    validators.set(name, v);
  }
  const ok = v(body);
  expect(ok, `${name}: ${JSON.stringify(v.errors?.slice(0, 3))}`).toBe(true);
}

/** list element → its items' element (the spec's Spark convention) */
const LISTS: Record<string, string> = {
  services: "service",
  service_requests: "request",
  errors: "error",
  endpoints: "endpoint",
  formats: "format",
  attributes: "attribute",
  values: "value",
};
const ITEMS = new Set(Object.values(LISTS));
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ITEMS.has(name) });

function fromXml(key: string, value: unknown): unknown {
  if (key in LISTS) {
    if (value === "") return [];
    const items = (value as Record<string, unknown[]>)[LISTS[key] as string] ?? [];
    return items.map((v) => fromXml(LISTS[key] as string, v));
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromXml(k, v)]));
  }
  return value;
}

/** The XML document back in the JSON shape, every leaf as text. */
export function parseXml(xml: string, root: string): unknown {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const doc = parser.parse(xml) as Record<string, unknown>;
  expect(Object.keys(doc).filter((k) => k !== "?xml")).toEqual([root]);
  return fromXml(root, doc[root]);
}

/** JSON with every leaf as the text XML carries: null → "", numbers and booleans as written. */
export function asText(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  return String(value).trim();
}

export function form(fields: Record<string, string | number | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    for (const x of Array.isArray(v) ? v : [v]) p.append(k, String(x));
  }
  return p.toString();
}

export function open311(ctx: TestContext, opts: InjectOptions) {
  return ctx.app.inject({ ...opts, url: `/open311/v2${opts.url}` });
}

export function postForm(ctx: TestContext, format: "json" | "xml", fields: Record<string, string | number | string[]>) {
  return open311(ctx, {
    method: "POST",
    url: `/requests.${format}`,
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    payload: form(fields),
  });
}

/** The JSON and XML forms of one GET agree; returns the JSON body. */
export async function getBoth(ctx: TestContext, path: string, root: string, schema: SchemaName) {
  const [q, ...rest] = path.split("?");
  const query = rest.length ? `?${rest.join("?")}` : "";
  const json = await open311(ctx, { method: "GET", url: `${q}.json${query}` });
  expect(json.statusCode, json.body).toBe(200);
  expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
  const body = json.json();
  expectSchema(schema, body);
  const xml = await open311(ctx, { method: "GET", url: `${q}.xml${query}` });
  expect(xml.statusCode, xml.body).toBe(200);
  expect(xml.headers["content-type"]).toBe("text/xml; charset=utf-8");
  expect(parseXml(xml.body, root)).toEqual(asText(body));
  return body;
}

/** An Open311 error response: status, the spec's array, and the same in XML. */
export async function expectErrors(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
) {
  expect(res.statusCode, res.body).toBe(status);
  const xml = String(res.headers["content-type"]).startsWith("text/xml");
  const body = xml ? parseXml(res.body, "errors") : JSON.parse(res.body);
  if (!xml) expectSchema("errors", body);
  const items = body as { code: number | string; description: string }[];
  expect(items.length).toBeGreaterThan(0);
  expect(String(items[0]?.code)).toBe(String(status));
  return items;
}

/** A new Open311 client made by the system admin through the API; returns it with its key. */
export async function createClient(ctx: TestContext, name: string) {
  const res = await ctx.api(await ctx.login("sysadmin"), {
    method: "POST",
    url: "/api/v1/admin/open311-clients",
    payload: { name },
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.headers["cache-control"]).toBe("no-store");
  return res.json() as { client: { id: string; keyPrefix: string; name: string }; apiKey: string };
}
