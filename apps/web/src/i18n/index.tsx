// A small dictionary-based i18n: Simplified Chinese by default, English on switch. Keys are English
// identifiers; each language file maps them to text. Kept in React context so a switch re-renders.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { adminEn, adminZh } from "./admin.ts";
import { analysisEn, analysisZh } from "./analysis.ts";
import { assessmentEn, assessmentZh } from "./assessment.ts";
import { casesEn, casesZh } from "./cases.ts";
import { duplicatesEn, duplicatesZh } from "./duplicates.ts";
import { en } from "./en.ts";
import { hotlineEn, hotlineZh } from "./hotline.ts";
import { identityEn, identityZh } from "./identity.ts";
import { incidentsEn, incidentsZh } from "./incidents.ts";
import { mobileEn, mobileZh } from "./mobile.ts";
import { open311En, open311Zh } from "./open311.ts";
import { portalEn, portalZh } from "./portal.ts";
import { routingEn, routingZh } from "./routing.ts";
import { screenEn, screenZh } from "./screen.ts";
import { searchEn, searchZh } from "./search.ts";
import { zh } from "./zh.ts";

// the core dictionary plus one per feature area, so areas can grow their own words independently
const zhAll = {
  ...zh,
  ...casesZh,
  ...adminZh,
  ...mobileZh,
  ...open311Zh,
  ...portalZh,
  ...hotlineZh,
  ...identityZh,
  ...incidentsZh,
  ...screenZh,
  ...assessmentZh,
  ...analysisZh,
  ...searchZh,
  ...duplicatesZh,
  ...routingZh,
};

export type Lang = "zh" | "en";
export type MessageKey = keyof typeof zhAll;
const DICTS: Record<Lang, Record<MessageKey, string>> = {
  zh: zhAll,
  en: {
    ...en,
    ...casesEn,
    ...adminEn,
    ...mobileEn,
    ...open311En,
    ...portalEn,
    ...hotlineEn,
    ...identityEn,
    ...incidentsEn,
    ...screenEn,
    ...assessmentEn,
    ...analysisEn,
    ...searchEn,
    ...duplicatesEn,
    ...routingEn,
  },
};
const STORAGE_KEY = "civicgrid.lang";

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  /** translate a key; {name} placeholders are filled from vars */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

const Ctx = createContext<I18n | null>(null);

export function initialLang(): Lang {
  const saved = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === "en" ? "en" : "zh";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l === "zh" ? "zh-CN" : "en";
    setLangState(l);
  }, []);
  const t = useCallback(
    (key: MessageKey, vars?: Record<string, string | number>) => {
      let text = DICTS[lang][key] ?? zhAll[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
