// One error module: use cases throw AppError with a stable code; the HTTP layer renders it.
import { ERRORS, type ErrorBody, type ErrorCode } from "@civicgrid/shared";

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  constructor(code: ErrorCode, details?: unknown) {
    super(ERRORS[code].en);
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }
}

export function errorBody(code: ErrorCode, details?: unknown): ErrorBody {
  const e = ERRORS[code];
  return { error: { code, message: e.zh, messageEn: e.en, ...(details === undefined ? {} : { details }) } };
}
