import { describe, expect, it } from "vitest";
import { GENERATED_PASSWORD_LENGTH, generatePassword } from "./generate-password.ts";

describe("generated passwords", () => {
  it("are 16 characters with lower, upper and digits and no look-alikes", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toHaveLength(GENERATED_PASSWORD_LENGTH);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[2-9]/);
      expect(p).not.toMatch(/[0O1lI]/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
