// API errors as text in the current language (never raw JSON).
import type { MessageKey } from "../../i18n/index.tsx";
import { ApiError } from "../../lib/api.ts";

export function errorText(e: unknown, lang: "zh" | "en", t: (key: MessageKey) => string): string {
  return e instanceof ApiError ? e.text(lang) : t("unexpectedError");
}
