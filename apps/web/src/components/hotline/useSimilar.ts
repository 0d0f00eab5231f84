// Similar open cases for what the agent has typed so far: asked again after a short pause in typing,
// keeping only the latest answer.
import { useEffect, useRef, useState } from "react";
import { get, qs } from "../../lib/api.ts";
import type { SimilarCase } from "./types.ts";

export interface SimilarQuery {
  lat?: number;
  lng?: number;
  text: string;
  categoryCode?: string;
}

export function useSimilar(query: SimilarQuery, delayMs = 400) {
  const [items, setItems] = useState<SimilarCase[]>([]);
  const [radiusM, setRadiusM] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const { lat, lng, text, categoryCode } = query;
  const ready = typeof lat === "number" && typeof lng === "number" && (text.trim().length >= 2 || !!categoryCode);

  useEffect(() => {
    const mine = ++seq.current;
    if (!ready) {
      setItems([]);
      setLoading(false);
      return;
    }
    setLoading(true);
    const timer = window.setTimeout(() => {
      get<{ items: SimilarCase[]; radiusM: number }>(
        `/cases/similar${qs({ lat, lng, text: text.trim().slice(0, 500), categoryCode, limit: 5 })}`,
      )
        .then((r) => {
          if (mine !== seq.current) return;
          setItems(r.items);
          setRadiusM(r.radiusM);
        })
        .catch(() => {
          if (mine === seq.current) setItems([]);
        })
        .finally(() => {
          if (mine === seq.current) setLoading(false);
        });
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [ready, lat, lng, text, categoryCode, delayMs]);

  return { items, radiusM, loading, ready };
}
