// Where a point is, in words (grid, community, township, district), asked of the server after a
// short pause so that dragging a marker does not flood it; only the latest answer is kept.
import { useEffect, useState } from "react";
import { errorText } from "../components/cases/errors.ts";
import { useI18n } from "../i18n/index.tsx";
import { get, qs } from "./api.ts";

interface Named {
  code: string;
  name: string;
}
export interface Located {
  grid: Named;
  community: Named;
  township: Named;
  district: Named;
  city: Named;
}

export function useLocate(lat: number | undefined, lng: number | undefined, delayMs = 300) {
  const { t, lang } = useI18n();
  const [located, setLocated] = useState<Located | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const has = typeof lat === "number" && typeof lng === "number";
  useEffect(() => {
    if (!has) {
      setLocated(null);
      setProblem(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      get<Located>(`/locate${qs({ lat, lng })}`)
        .then((p) => {
          if (!live) return;
          setLocated(p);
          setProblem(null);
        })
        .catch((e: unknown) => {
          if (!live) return;
          setLocated(null);
          setProblem(errorText(e, lang, t));
        });
    }, delayMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [has, lat, lng, lang, t, delayMs]);
  return { located, problem };
}
