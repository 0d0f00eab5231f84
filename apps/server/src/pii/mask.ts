// Masked forms of personal data: what lists, exports and the audit log show instead of the value.
export { maskPhone } from "../lib/mask.ts";

/** 张三 → 张*, 欧阳娜娜 → 欧***; a single character stays masked entirely. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return "*";
  return `${chars[0]}${"*".repeat(chars.length - 1)}`;
}

/** 210302199001011234 → 2103**********1234 (first four and last four kept). */
export function maskIdNumber(id: string): string {
  const s = id.trim().toUpperCase();
  if (s.length <= 8) return "*".repeat(s.length);
  return `${s.slice(0, 4)}${"*".repeat(s.length - 8)}${s.slice(-4)}`;
}

// A house number and what follows (building, unit, room) is what makes an address personal: the area
// shown in lists is the text before the first number, e.g. 铁西区人民路88号3单元 → 铁西区人民路.
const NUMBER_START = /[0-9０-９#＃]|[一二三四五六七八九十百零〇两]+\s*(号|栋|幢|楼|单元|室|层|门|弄|巷|排)/u;

/** The coarse, non-identifying part of an address (null when nothing is left). */
export function coarseAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const text = address.trim();
  const m = NUMBER_START.exec(text);
  const area = (m ? text.slice(0, m.index) : text).replace(/[\s,，、-]+$/u, "").trim();
  if (!area) return null;
  return [...area].slice(0, 40).join("");
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** An 18-character PRC resident identity number (GB 11643-1999) with a valid birth date and check digit. */
export function isValidIdNumber(input: string): boolean {
  const id = input.trim().toUpperCase();
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] === id[17];
}
