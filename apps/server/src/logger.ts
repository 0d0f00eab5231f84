// One structured logger. Redaction keeps secrets and personal data out of the logs.
import { pino } from "pino";

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

export function createLogger(level: string) {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: { app: "civicgrid" } });
}

export type Logger = ReturnType<typeof createLogger>;
