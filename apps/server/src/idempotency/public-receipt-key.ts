// The receipt of a portal report sent with an Idempotency-Key is derived from the browser's token and
// the key (HMAC-SHA256 keyed by the token), so a retry answers with the same receipt although the
// server keeps only its hash: the token is never stored (only its sha256), so nobody reading the
// database can derive a receipt, and only the browser holding the token gets it back.
import { createHmac } from "node:crypto";
import { RECEIPT_ALPHABET, RECEIPT_LENGTH } from "../public/receipt.ts";

/** Bytes at or above this are skipped, so that each letter of the alphabet is equally likely. */
const LIMIT = Math.floor(256 / RECEIPT_ALPHABET.length) * RECEIPT_ALPHABET.length;

export function receiptForKey(publicToken: string, idempotencyKey: string): string {
  let code = "";
  for (let round = 0; code.length < RECEIPT_LENGTH; round++) {
    const bytes = createHmac("sha256", publicToken).update(`receipt:${round}:${idempotencyKey}`).digest();
    for (const b of bytes) {
      if (b >= LIMIT) continue;
      code += RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length];
      if (code.length === RECEIPT_LENGTH) break;
    }
  }
  return code;
}
