// Request validation: query strings and params arrive as text, so they are coerced to the schema's
// types; JSON bodies are not — a number where the schema says string is a client error, not "42".
import { Ajv, type Options } from "ajv";
import addFormatsModule from "ajv-formats";
import type { FastifyInstance } from "fastify";

// ajv-formats is CommonJS: its default export is the plugin function
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const base: Options = { allErrors: false, removeAdditional: false, useDefaults: true, strict: false };

export function registerValidation(app: FastifyInstance): void {
  const strictAjv = addFormats(new Ajv({ ...base, coerceTypes: false }));
  const coercingAjv = addFormats(new Ajv({ ...base, coerceTypes: "array" }));
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === "body" ? strictAjv.compile(schema) : coercingAjv.compile(schema),
  );
}
