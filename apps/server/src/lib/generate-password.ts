// Passwords the server hands out once (account resets): 16 characters from an alphabet without
// look-alikes (0/O, 1/l/I), with at least one lower case letter, upper case letter and digit, so they
// read aloud and type cleanly and pass any sensible complexity rule. ~93 bits of entropy.
import { randomInt } from "node:crypto";

const LOWER = "abcdefghijkmnpqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const ALPHABET = LOWER + UPPER + DIGITS;

export const GENERATED_PASSWORD_LENGTH = 16;

export function generatePassword(length = GENERATED_PASSWORD_LENGTH): string {
  for (;;) {
    let out = "";
    for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
    // rejection keeps the distribution uniform over the passwords that have all three classes
    if ([LOWER, UPPER, DIGITS].every((set) => [...out].some((c) => set.includes(c)))) return out;
  }
}
