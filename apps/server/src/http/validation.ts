// Request validation: query strings and params arrive as text, so they are coerced to the schema's
// types; JSON bodies are not — a number where the schema says string is a client error, not "42".
import { Ajv, type Options } from "ajv";
import addFormatsModule from "ajv-formats";
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors.ts";

// ajv-formats is CommonJS: its default export is the plugin function
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const base: Options = { allErrors: false, removeAdditional: false, useDefaults: true, strict: false };

export function registerValidation(app: FastifyInstance): void {
  const strictAjv = addFormats(new Ajv({ ...base, coerceTypes: false }));
  const coercingAjv = addFormats(new Ajv({ ...base, coerceTypes: "array" }));
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === "body" ? strictAjv.compile(schema) : coercingAjv.compile(schema),
  );
  // PostgreSQL text cannot hold NUL, and jsonb refuses an unpaired surrogate ("\ud800", valid in a
  // JS string and in JSON): either reaching a query would be a 500, so no input with one gets past
  // validation (query, path, body — keys included)
  app.addHook("preValidation", async (request) => {
    for (const [part, value] of [
      ["querystring", request.query],
      ["params", request.params],
      ["body", request.body],
    ] as const) {
      const at = badTextAt(value, part, 0);
      if (at)
        throw new AppError("VALIDATION_FAILED", {
          field: at,
          problem: "must not contain NUL characters or unpaired surrogates",
        });
    }
  });
}

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const badText = (s: string) => s.includes("\u0000") || UNPAIRED_SURROGATE.test(s);

/** The path of the first string (or key) holding U+0000 or an unpaired surrogate, or null. */
export function badTextAt(value: unknown, path: string, depth: number): string | null {
  if (typeof value === "string") return badText(value) ? path : null;
  if (!value || typeof value !== "object" || depth > 32 || Buffer.isBuffer(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    if (badText(key)) return path;
    const found = badTextAt(v, `${path}/${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}
