// One structured logger. Redaction keeps secrets and personal data out of the logs, in three layers:
// known fields are censored (`redact`), requests and errors are reduced to what is safe to keep
// (serializers: no bodies, no headers, no SQL parameters), and every line is scrubbed of anything
// shaped like a phone number, a resident ID number or a credential in a URL before it is written.
import { type DestinationStream, pino } from "pino";

export const REDACT_PATHS = [
  "password",
  "*.password",
  "newPassword",
  "*.newPassword",
  "currentPassword",
  "*.currentPassword",
  "token",
  "*.token",
  "apiKey",
  "*.apiKey",
  "api_key",
  "*.api_key",
  "otpCode",
  "*.otpCode",
  "totp",
  "*.totp",
  "secret",
  "*.secret",
  "idNumber",
  "*.idNumber",
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  "reporter.phone",
  "*.reporter.phone",
  "reporter.idNumber",
  "*.reporter.idNumber",
  "reporterPhone",
  "*.reporterPhone",
];

/** Secrets that travel in a URL path: a citizen's receipt code is the key to their report. */
const SECRET_PATH = /(\/public\/reports\/)[^/?#]+/g;
/** Query parameters that carry credentials or personal data. */
const SECRET_QUERY =
  /([?&](?:api_key|apikey|token|access_token|password|otp|otpcode|code|receipt|phone|id_number)=)[^&#\s"]*/gi;
/** A mainland mobile number, with or without +86 and separators. */
const PHONE = /(?<![0-9A-Za-z])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?![0-9A-Za-z])/g;
/** An 18-character resident ID number. */
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
/** A bearer credential in free text (e.g. an error message quoting a header). */
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

export function redactUrl(url: string): string {
  return scrubText(url.replace(SECRET_PATH, "$1[redacted]").replace(SECRET_QUERY, "$1[redacted]"));
}

/** Masks phone numbers (138****1234), ID numbers and bearer tokens anywhere in a string. */
export function scrubText(text: string): string {
  return text
    .replace(ID_NUMBER, "$1********$2")
    .replace(PHONE, "$1****$2")
    .replace(BEARER, "$1[redacted]")
    .replace(SECRET_QUERY, "$1[redacted]");
}

interface RequestLike {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
}

interface ErrorLike {
  name?: string;
  message?: string;
  stack?: string;
  code?: string | number;
  statusCode?: number;
  cause?: unknown;
}

/**
 * Errors keep their type, code, message and stack, scrubbed; nothing else. Database errors carry
 * `detail` ("Key (phone)=(…) already exists"), `where` and, from query builders, `parameters`:
 * all of it can be personal data, none of it is needed to find the bug.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error) && (typeof err !== "object" || err === null)) return scrubText(String(err));
  const e = err as ErrorLike;
  return {
    type: e.name ?? "Error",
    code: e.code,
    statusCode: e.statusCode,
    message: scrubText(String(e.message ?? "")),
    stack: e.stack ? scrubText(e.stack) : undefined,
    cause: e.cause && depth < 3 ? serializeError(e.cause, depth + 1) : undefined,
  };
}

/** `destination` defaults to stdout; tests pass their own stream to read what was logged. */
export function createLogger(level: string, destination?: DestinationStream) {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: { app: "civicgrid" },
      serializers: {
        req: (req: RequestLike) => ({ method: req.method, url: redactUrl(req.url ?? ""), remoteAddress: req.ip }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
      // the last line of defence: whatever a message or an unexpected field holds
      hooks: { streamWrite: scrubText },
    },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;
