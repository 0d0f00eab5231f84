// fast-check arbitraries for the fuzzer: values that follow a route's JSON schema (so requests get
// past validation and into the use cases) and hostile values that do not (wrong types, boundaries,
// huge or control-character strings, prototype keys, injection and traversal strings).
import fc from "fast-check";

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
};

/** Known-good values of the test database (ids, codes) that give generated requests a real target. */
export interface Pool {
  uuids: string[];
  codes: string[];
  strings: string[];
}

export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u202e\u200b\ufeff",
  "\ud800",
  "😀".repeat(50),
  "' OR '1'='1",
  "1; DROP TABLE cases; --",
  "'); SELECT pg_sleep(0); --",
  "%",
  "_",
  "\\",
  '"',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "__proto__",
  "constructor",
  "prototype",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "9999999999999999999999",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  "2026-02-30",
  "2026-11-24T01:00:00Z",
  "0000-00-00",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "138****1234",
  "13800138000",
  "+8613800138000",
  "210303003003",
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }).map((n) => "A".repeat(n * 1000)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, 1, 2, 4096, 70_000).map((n) => "字".repeat(n)),
  },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 2 ** 31, -(2 ** 31), 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, 0.5, 1e-12),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value at all, of small depth, including objects with prototype-pollution keys. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    tie("object"),
  ),
  object: fc.oneof(
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor")), tie("value"), {
      maxKeys: 4,
    }),
    fc.constant(JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}')),
  ),
})).value;

function pick(pool: Pool, schema: JsonSchema): fc.Arbitrary<string> | null {
  if (schema.format === "uuid" && pool.uuids.length) return fc.constantFrom(...pool.uuids);
  if (pool.codes.length && schema.pattern && /\[0-9\]|\\d/.test(schema.pattern)) return fc.constantFrom(...pool.codes);
  return null;
}

function stringFor(schema: JsonSchema, pool: Pool): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Math.max(min, 30);
  const options: fc.Arbitrary<string>[] = [];
  const known = pick(pool, schema);
  if (known) options.push(known, known);
  if (schema.format === "uuid") options.push(fc.uuid());
  else if (schema.format === "date-time") options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
  else if (schema.format === "date")
    options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  else if (schema.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max));
    } catch {
      // a pattern fast-check cannot generate from: plain strings below
    }
  }
  options.push(fc.string({ minLength: min, maxLength: Math.min(max, min + 40) }));
  options.push(fc.constantFrom(...pool.strings));
  if (min === 0 || min === 1)
    options.push(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length >= min && s.length <= max)));
  return fc.oneof(...options);
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e6);
  const bounds = fc.constantFrom(min, max);
  if (integer) return fc.oneof(bounds, fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
  return fc.oneof(bounds, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

/** A value that (mostly) satisfies the schema; `hostile` mixes in values that do not. */
export function valueFor(schema: JsonSchema, pool: Pool, hostile: number, depth = 0): fc.Arbitrary<unknown> {
  const valid = validFor(schema, pool, hostile, depth);
  if (hostile <= 0) return valid;
  return fc.oneof({ weight: 10, arbitrary: valid }, { weight: hostile, arbitrary: anyJson });
}

function validFor(schema: JsonSchema, pool: Pool, hostile: number, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, pool, hostile, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return stringFor(schema, pool);
    case "integer":
      return numberFor(schema, true);
    case "number":
      return numberFor(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const item = schema.items ? valueFor(schema.items, pool, hostile, depth + 1) : anyJson;
      return fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    }
    case "object":
      return objectFor(schema, pool, hostile, depth);
    default:
      return anyJson;
  }
}

function objectFor(schema: JsonSchema, pool: Pool, hostile: number, depth: number): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(props)) record[key] = valueFor(sub, pool, hostile, depth + 1);
  const requiredKeys = [...required].filter((k) => k in record);
  const base = fc.record(record, { requiredKeys: hostile > 0 ? [] : requiredKeys });
  const withRequired = fc.record(record, { requiredKeys });
  if (hostile <= 0 || depth > 2) return withRequired;
  // extra keys: unknown fields and prototype keys, which strict bodies must refuse
  const extra = fc.dictionary(fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor")), anyJson, {
    maxKeys: 2,
  });
  return fc.oneof(
    { weight: 6, arbitrary: withRequired },
    { weight: 2, arbitrary: base },
    {
      weight: 1,
      arbitrary: fc.tuple(withRequired, extra).map(([a, b]) => ({ ...(a as object), ...b })),
    },
  );
}
