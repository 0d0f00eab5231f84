// Figures of the phone app: distances and durations as a worker reads them.
import type { MessageKey } from "../i18n/index.tsx";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function distanceText(m: number, t: T): string {
  return m >= 1000 ? t("mKm", { n: (m / 1000).toFixed(2) }) : t("mMetres", { n: Math.round(m) });
}

/** 1:05:09 or 05:09 */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
