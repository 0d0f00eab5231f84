// Dates and places as citizens read them, in the chosen language.
import type { Lang } from "../i18n/index.tsx";
import type { PlaceNames } from "./types.ts";

export function formatDateTime(iso: string | null, lang: Lang): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  }).format(new Date(iso));
}

export function formatDate(iso: string | null, lang: Lang): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeZone: "Asia/Shanghai",
  }).format(new Date(iso));
}

export function placeText(place: PlaceNames): string {
  return [place.district, place.township, place.community].filter(Boolean).join(" · ");
}
