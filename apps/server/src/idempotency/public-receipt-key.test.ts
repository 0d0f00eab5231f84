import { describe, expect, it } from "vitest";
import { normalizeReceipt } from "../public/receipt.ts";
import { receiptForKey } from "./public-receipt-key.ts";

describe("receiptForKey", () => {
  const token = "t".repeat(43);
  it("is a valid receipt, the same for the same token and key", () => {
    const r = receiptForKey(token, "key-00000001");
    expect(normalizeReceipt(r)).toBe(r);
    expect(receiptForKey(token, "key-00000001")).toBe(r);
  });
  it("differs with another key or another token", () => {
    const r = receiptForKey(token, "key-00000001");
    expect(receiptForKey(token, "key-00000002")).not.toBe(r);
    expect(receiptForKey("u".repeat(43), "key-00000001")).not.toBe(r);
  });
});
