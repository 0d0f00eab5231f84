// Phone numbers as the desk looks callers up: the same key as the database's phone_key() (007), so
// "138 1234 5678", "+86 13812345678" and "13812345678" are one caller.
import { sql } from "kysely";

/** What a reporter or caller phone may look like on input (as POST /cases accepts it). */
export const PHONE_PATTERN = "^\\+?[0-9][0-9 -]{4,19}$";
const PHONE_RE = new RegExp(PHONE_PATTERN);

export function isPhone(text: string): boolean {
  return PHONE_RE.test(text);
}

/** Digits only, the last 11: mirrors phone_key() in SQL. */
export function phoneKey(phone: string): string {
  return phone.replace(/\D/g, "").slice(-11);
}

/** phone_key(column) as a SQL expression, for the expression indexes of 007. */
export function phoneKeyOf(column: "reporter_phone" | "phone") {
  return sql<string>`phone_key(${sql.ref(column)})`;
}
