// The audit log is kept for years and read by auditors: a phone or ID number typed into a free-text
// field (a reveal's reason, a ban's reason, an error's details) is masked before the record is chained,
// as the logger masks it (logger.ts scrubText). Keys and non-string values are kept as they are.
import { scrubText } from "../logger.ts";

export function scrubDetail(value: unknown): unknown {
  if (typeof value === "string") return scrubText(value);
  if (Array.isArray(value)) return value.map(scrubDetail);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDetail(v)]));
  }
  return value;
}
