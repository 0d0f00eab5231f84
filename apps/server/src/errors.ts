// One error module: use cases throw AppError with a stable code; the HTTP layer renders it.
import { ERRORS, type ErrorBody, type ErrorCode } from "@civicgrid/shared";

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  /** `status` overrides the code's usual one, e.g. 422 for a well-formed request the rules refuse */
  constructor(code: ErrorCode, details?: unknown, status?: number) {
    super(ERRORS[code].en);
    this.code = code;
    this.status = status ?? ERRORS[code].status;
    this.details = details;
  }
}

export function errorBody(code: ErrorCode, details?: unknown): ErrorBody {
  const e = ERRORS[code];
  // a message may name a value of its details, e.g. ACCOUNT_LOCKED's "{minutes}"
  const fill = (text: string) =>
    details && typeof details === "object"
      ? text.replace(/\{(\w+)\}/g, (m, k: string) => {
          const v = (details as Record<string, unknown>)[k];
          return typeof v === "number" || typeof v === "string" ? String(v) : m;
        })
      : text;
  return {
    error: { code, message: fill(e.zh), messageEn: fill(e.en), ...(details === undefined ? {} : { details }) },
  };
}
