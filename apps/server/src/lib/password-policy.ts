// The password policy, pure: at least 12 characters, not the username, and not a common password
// even when dressed up (case, leetspeak, digits or symbols around it, a repeated or sequential run).
// The 49k common-password list of zxcvbn-ts is read once into a Set, on first use.
import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 12;

export type PasswordProblem = "too-short" | "contains-username" | "common" | "repetitive" | "sequential";

/** Words common in Chinese passwords and this product's own names, on top of the list. */
const EXTRA_WORDS = ["woaini", "aini", "wozhidao", "nihao", "zhongguo", "civicgrid", "anshan", "admin", "root"];

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set([...(dictionary["passwords-common"] as string[]), ...EXTRA_WORDS]);
  return common;
}

const LEET: Record<string, string> = {
  "@": "a",
  "4": "a",
  "0": "o",
  "1": "i",
  "!": "i",
  "3": "e",
  $: "s",
  "5": "s",
  "7": "t",
};
const unleet = (s: string) => [...s].map((c) => LEET[c] ?? c).join("");

/** The password without digits and symbols at its ends: "P@ssw0rd2024!" → "p@ssw0rd". */
function core(s: string): string {
  return s.replace(/^[^\p{L}]+/u, "").replace(/[^\p{L}]+$/u, "");
}

/** The password is one short unit repeated ("abcabcabcabc"), or uses very few distinct characters. */
function isRepetitive(s: string): boolean {
  if (new Set(s).size <= 3) return true;
  for (let unit = 1; unit <= s.length / 2; unit++) {
    if (s.length % unit === 0 && s.slice(0, unit).repeat(s.length / unit) === s) return true;
  }
  return false;
}

/** Each character one up (or one down) from the previous, digits wrapping: "abcdefghijkl", "987654321098". */
function isSequential(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0) as number);
  const steps = codes.slice(1).map((c, i) => c - (codes[i] as number));
  return steps.every((d) => d === 1 || d === -9) || steps.every((d) => d === -1 || d === 9);
}

/** The candidates a common password hides behind: the whole, its core, with leetspeak undone. */
function variants(lower: string): string[] {
  const c = core(lower);
  const out = new Set([lower, unleet(lower), c, unleet(c), core(unleet(lower))]);
  // digits only ("13145201314"): the same with trailing repeats of a shorter common number
  if (/^\d+$/.test(lower)) for (let n = 6; n < lower.length; n++) out.add(lower.slice(0, n));
  return [...out].filter((v) => v.length >= 3);
}

/** The first problem of the password, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  const normalised = password.normalize("NFKC");
  if ([...normalised].length < MIN_PASSWORD_LENGTH) return "too-short";
  const lower = normalised.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return "contains-username";
  const c = core(lower);
  if (isRepetitive(lower) || (c.length >= 6 && isRepetitive(c))) return "repetitive";
  if (isSequential(lower)) return "sequential";
  const list = commonPasswords();
  if (variants(lower).some((v) => list.has(v))) return "common";
  return null;
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  "too-short": `at least ${MIN_PASSWORD_LENGTH} characters`,
  "contains-username": "must not contain the username",
  common: "too common: it is (or is built on) a well-known password",
  repetitive: "too repetitive",
  sequential: "a keyboard or alphabet sequence",
};
