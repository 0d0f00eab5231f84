// Dictionary look-ups for values that come from the API (unit types, levels, department kinds,
// permissions, audit actions): a known value gets its zh/en word, an unknown one shows as it is,
// so a new server value never breaks a screen.
import { adminZh } from "../../i18n/admin.ts";
import { casesZh } from "../../i18n/cases.ts";
import type { MessageKey } from "../../i18n/index.tsx";
import { zh } from "../../i18n/zh.ts";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const KNOWN = new Set<string>([...Object.keys(zh), ...Object.keys(casesZh), ...Object.keys(adminZh)]);

export function hasKey(key: string): key is MessageKey {
  return KNOWN.has(key);
}

/** `prefix + value` translated, or the value itself when the dictionary lacks it. */
export function label(t: T, prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const key = `${prefix}${value}`;
  return hasKey(key) ? t(key) : value;
}

/** Who handles a category: 属地 or the department kind's name. */
export function handlerLabel(t: T, handlerKind: string | null | undefined): string {
  return handlerKind === "territorial" ? t("admHandlerTerritorial") : label(t, "admDeptKind_", handlerKind);
}

/** An audit action such as `case.dispatch` or `admin.user.create`. */
export function auditActionLabel(t: T, action: string): string {
  const direct = `admAudit_${action}`;
  if (hasKey(direct)) return t(direct);
  if (action.startsWith("case.")) {
    const a = `action_${action.slice(5)}`;
    if (hasKey(a)) return `${t("admAuditCasePrefix")}${t(a)}`;
  }
  return action;
}
