// The body of POST /requests, form-encoded (the spec) or JSON, brought to one shape and validated
// against one schema. Forms carry text, so numbers are coerced; all errors are reported at once.
import { type Static, Type } from "@sinclair/typebox";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import type { FastifyError } from "fastify";
import { MAX_DESCRIPTION } from "./constants.ts";

// ajv-formats is CommonJS: its default export is the plugin function
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const Text = (maxLength: number) => Type.String({ maxLength });
const AttributeValue = Type.Union([Text(1000), Type.Array(Text(1000), { maxItems: 20 })]);

export const PostRequestBody = Type.Object(
  {
    jurisdiction_id: Type.Optional(Text(100)),
    api_key: Type.Optional(Text(200)),
    service_code: Type.String({ pattern: "^[A-Za-z0-9]{1,16}$" }),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    long: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    address_string: Type.Optional(Text(300)),
    address_id: Type.Optional(Type.String({ pattern: "^[0-9]{9,14}$" })),
    email: Type.Optional(Type.String({ format: "email", maxLength: 254 })),
    device_id: Type.Optional(Text(200)),
    account_id: Type.Optional(Text(200)),
    first_name: Type.Optional(Text(25)),
    last_name: Type.Optional(Text(25)),
    phone: Type.Optional(Type.String({ pattern: "^\\+?[0-9][0-9 -]{4,19}$" })),
    description: Type.Optional(Text(MAX_DESCRIPTION)),
    media_url: Type.Optional(Type.String({ format: "uri", pattern: "^https?://", maxLength: 2000 })),
    attribute: Type.Optional(
      Type.Record(Type.String({ pattern: "^[A-Za-z0-9_.-]{1,64}$" }), AttributeValue, { maxProperties: 20 }),
    ),
  },
  { additionalProperties: false },
);
export type PostRequestInput = Static<typeof PostRequestBody>;

const ajv = addFormats(new Ajv({ allErrors: true, coerceTypes: true, strict: false }));
const validate = ajv.compile<PostRequestInput>(PostRequestBody);

type Flat = Record<string, unknown>;

/** application/x-www-form-urlencoded → fields; `attribute[code]=v` and `attribute[code][]=v` gathered. */
export function parseForm(text: string): Flat {
  const out: Flat = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]*)\](\[\])?$/;

/** Both body kinds to one shape: attributes under `attribute`, empty values dropped (the spec's "null"). */
export function normalizeBody(body: unknown): Flat {
  if (!body || typeof body !== "object" || Array.isArray(body)) return {};
  const out: Flat = {};
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body as Flat)) {
    const m = ATTRIBUTE_KEY.exec(key);
    if (m) {
      const code = m[1] as string;
      attributes[code] = m[2] ? ([] as unknown[]).concat(attributes[code] ?? [], value) : value;
    } else if (key === "attribute" && value && typeof value === "object" && !Array.isArray(value)) {
      Object.assign(attributes, value);
    } else {
      const v = typeof value === "string" ? value.trim() : value;
      if (v !== "" && v !== null && v !== undefined) out[key] = v;
    }
  }
  if (Object.keys(attributes).length > 0) out.attribute = attributes;
  return out;
}

/** The validated input, or a validation error the Open311 error handler renders item by item. */
export function readPostBody(body: unknown): PostRequestInput {
  const input = normalizeBody(body);
  if (validate(input)) return input;
  const err = new Error("invalid Open311 request") as FastifyError;
  err.validation = (validate.errors ?? []) as FastifyError["validation"];
  err.validationContext = "body";
  throw err;
}
