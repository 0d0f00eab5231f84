import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy.ts";

describe("password policy", () => {
  it("refuses short passwords and ones containing the username", () => {
    expect(passwordProblem("x7#k9!pq2@m")).toBe("too-short");
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem("zhangwei-river-42", "zhangwei")).toBe("contains-username");
  });

  it.each([
    "Password1234!",
    "qwerty123456",
    "woaini1314520",
    "P@ssw0rd2024!!",
    "iloveyou12345",
    "11223344556677",
    "5201314520131",
    "Dragon!!!!2026",
  ])("refuses the common password %s even when dressed up", (pw) => {
    expect(passwordProblem(pw)).toBe("common");
  });

  it.each(["aaaaaaaaaaaa", "abcabcabcabc", "1212121212121", "zzzzzzzz!!!!"])("refuses the repetitive %s", (pw) => {
    expect(passwordProblem(pw)).toBe("repetitive");
  });

  it.each(["abcdefghijklm", "987654321098", "0123456789012"])("refuses the sequence %s", (pw) => {
    expect(passwordProblem(pw)).toBe("sequential");
  });

  it.each(["demo-password-2026", "x7#k9!pq2@mz", "铁西区网格巡查2026年春", "correct horse battery staple"])(
    "accepts %s",
    (pw) => {
      expect(passwordProblem(pw, "sysadmin")).toBeNull();
    },
  );
});
