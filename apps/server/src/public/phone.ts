// Citizens' phones: mainland mobile numbers only (what a text-message code can reach), kept as the
// bare 11 digits so that the ban list, the rate limits and the codes all agree on one spelling.
import type { Db } from "../db/connect.ts";
import { AppError } from "../errors.ts";

/** What the API accepts: 11 digits, optionally after +86 / 86, with spaces or dashes between. */
export const PHONE_INPUT_PATTERN = "^(\\+?86[ -]?)?1[3-9][0-9]([ -]?[0-9]){8}$";

const MOBILE = /^1[3-9][0-9]{9}$/;

/** The bare 11-digit form; VALIDATION_FAILED when it is not a mainland mobile number. */
export function normalizePhone(input: string): string {
  let digits = input.replace(/[\s-]/g, "");
  if (digits.startsWith("+")) digits = digits.slice(1);
  if (digits.length === 13 && digits.startsWith("86")) digits = digits.slice(2);
  if (!MOBILE.test(digits)) throw new AppError("VALIDATION_FAILED", { field: "phone", problem: "a mobile number" });
  return digits;
}

/** Whether the system admin has barred this phone (given by its keyed hash) from the portal. */
export async function isPhoneBanned(db: Db, phoneHash: string): Promise<boolean> {
  const row = await db.selectFrom("banned_phones").select("id").where("phone_hash", "=", phoneHash).executeTakeFirst();
  return row !== undefined;
}
