// One structured logger. Redaction keeps secrets and personal data out of the logs.
import { type DestinationStream, pino } from "pino";

export const REDACT_PATHS = [
  "password",
  "*.password",
  "token",
  "*.token",
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "reporter.phone",
  "*.reporter.phone",
  "reporterPhone",
];

/** Secrets that travel in a URL path: a citizen's receipt code is the key to their report. */
const SECRET_PATH = /(\/public\/reports\/)[^/?#]+/g;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PATH, "$1[redacted]");
}

interface RequestLike {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
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
      },
    },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;
