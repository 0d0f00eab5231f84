// The outline of the signed-in centre's area for the dispatch map: a township centre sees its
// grids, a district centre its district; the city centre gets none (the whole city is framed).
import type { GeoJsonObject } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { get, qs } from "../../lib/api.ts";
import type { Me } from "../../lib/types.ts";
import { loadDistricts } from "../admin/baseMap.ts";
import type { MapOverlay } from "../map/index.tsx";

const STYLE = { color: "#1f5fbf", weight: 1, fillColor: "#1f5fbf", fillOpacity: 0.04 };

export function useJurisdictionOverlay(me: Me | null): MapOverlay | null {
  const j = me?.jurisdiction;
  const level = j?.kind === "division" ? j.level : null;
  const code = j?.kind === "division" ? j.code : null;
  const [data, setData] = useState<GeoJsonObject | null>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    const load: Promise<GeoJsonObject | null> =
      level === "township" && code
        ? get<GeoJsonObject>(`/geo/grids${qs({ townshipCode: code })}`)
        : level === "district" && code
          ? loadDistricts().then(
              (fc) => fc.features.find((f) => (f.properties as { code?: string } | null)?.code === code) ?? null,
            )
          : Promise.resolve(null);
    load
      .then((d) => {
        if (live) setData(d);
      })
      .catch(() => {
        // no outline: the map still shows the cases over the whole city
      });
    return () => {
      live = false;
    };
  }, [level, code]);

  return useMemo(
    () =>
      data
        ? {
            id: "jurisdiction",
            data,
            style: STYLE,
            tooltip: (p) => (typeof p.name === "string" ? p.name : null),
          }
        : null,
    [data],
  );
}
