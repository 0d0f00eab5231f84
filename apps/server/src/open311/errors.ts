// Open311 errors: an array of {code, description} (XML: <errors><error>…) with the spec's HTTP
// statuses — 403 for the api_key, 404 for what does not exist, 400 for anything else the client got
// wrong. `code` is the HTTP status, as the spec's examples do; the description names the parameter.
import { ERRORS, type ErrorCode } from "@civicgrid/shared";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import type { Open311Format } from "./constants.ts";
import { send } from "./render.ts";

export interface Open311ErrorItem {
  code: number;
  description: string;
}

export type Lang = "zh" | "en";

/** English when the client asks for it first, Chinese otherwise (the city's language). */
export function langOf(request: FastifyRequest): Lang {
  return /^\s*en\b/i.test(request.headers["accept-language"] ?? "") ? "en" : "zh";
}

/** The format named by the URL's extension; errors of unknown formats are JSON. */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split("?")[0] ?? "";
  return path.endsWith(".xml") ? "xml" : "json";
}

/** Open311 keeps to 400/403/404; rate limits, size and media-type refusals keep their own status. */
function open311Status(status: number): number {
  if (status === 401 || status === 403) return 403;
  if ([404, 413, 415, 429].includes(status)) return status;
  if (status >= 500) return status;
  return 400;
}

function describe(code: ErrorCode, lang: Lang, details: unknown): string {
  const text = lang === "en" ? ERRORS[code].en : ERRORS[code].zh;
  const d = details as { param?: string; value?: unknown } | undefined;
  if (d && typeof d === "object" && typeof d.param === "string") {
    return d.value === undefined ? `${text}: ${d.param}` : `${text}: ${d.param}=${String(d.value)}`;
  }
  return text;
}

/** One error of our catalogue; `status` when the thrower overrode the code's usual one. */
export function errorItems(code: ErrorCode, lang: Lang, details?: unknown, status?: number): Open311ErrorItem[] {
  return [{ code: open311Status(status ?? ERRORS[code].status), description: describe(code, lang, details) }];
}

export function sendErrors(reply: FastifyReply, format: Open311Format, items: Open311ErrorItem[]) {
  return send(reply, format, "errors", items, items[0]?.code ?? 400);
}

/** The error handler of the /open311/v2 routes. */
export function handleOpen311Error(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const format = formatOfUrl(request.url);
  const lang = langOf(request);
  if (err instanceof AppError) {
    if (err.status >= 500) request.log.error({ err }, "open311 failure");
    return sendErrors(reply, format, errorItems(err.code, lang, err.details, err.status));
  }
  if (err.validation) {
    const items = err.validation.map((v) => {
      const missing = v.keyword === "required" ? (v.params as { missingProperty?: string }).missingProperty : null;
      const field = missing ?? (v.instancePath.replace(/^\//, "").replaceAll("/", ".") || err.validationContext);
      return {
        code: 400,
        description:
          `${lang === "en" ? ERRORS.VALIDATION_FAILED.en : ERRORS.VALIDATION_FAILED.zh}: ${field} ${v.message ?? ""}`.trim(),
      };
    });
    return sendErrors(reply, format, items);
  }
  const byFastifyCode: Record<string, ErrorCode> = {
    FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
    FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
    FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
    FST_ERR_CTP_INVALID_JSON_BODY: "INVALID_JSON",
  };
  const known = byFastifyCode[err.code];
  if (known) return sendErrors(reply, format, errorItems(known, lang));
  if (err instanceof SyntaxError) return sendErrors(reply, format, errorItems("INVALID_JSON", lang));
  if (err.statusCode === 429) return sendErrors(reply, format, errorItems("RATE_LIMITED", lang));
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return sendErrors(reply, format, [{ code: open311Status(err.statusCode), description: err.message }]);
  }
  request.log.error({ err }, "unhandled error");
  return sendErrors(reply, format, errorItems("INTERNAL", lang));
}
