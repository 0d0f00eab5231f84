// Receipt codes: what a citizen keeps to follow a report without an account. Twelve characters from
// an alphabet without look-alikes (no 0/O, 1/I/L), about 59 random bits; shown as XXXX-XXXX-XXXX and
// accepted with any dashes, spaces or case. Stored as sha256 only.
import { createHash, randomInt } from "node:crypto";

export const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const RECEIPT_LENGTH = 12;

/** What routes accept before normalising: the code with optional separators. */
export const RECEIPT_INPUT_PATTERN = "^[0-9A-Za-z -]{12,20}$";

export function newReceiptCode(): string {
  let code = "";
  for (let i = 0; i < RECEIPT_LENGTH; i++) code += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return code;
}

/** Display form: ABCD-EFGH-JKMN. */
export function formatReceipt(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** The bare upper-case code, or null when it cannot be one of ours. */
export function normalizeReceipt(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== RECEIPT_LENGTH) return null;
  for (const c of code) if (!RECEIPT_ALPHABET.includes(c)) return null;
  return code;
}

export function hashReceipt(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}
