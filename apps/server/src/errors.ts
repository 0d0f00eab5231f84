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
  return { error: { code, message: e.zh, messageEn: e.en, ...(details === undefined ? {} : { details }) } };
}
