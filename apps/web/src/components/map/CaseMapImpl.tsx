// A case on the map: its point and the outline of its grid (GET /geo/grids/:code), framed on the
// grid, with the other grids of its community drawn faintly around it for orientation.
import type { Feature, FeatureCollection } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { get, qs } from "../../lib/api.ts";
import type { CaseMapProps, MapOverlay } from "./types.ts";
import { VectorMapImpl } from "./VectorMapImpl.tsx";

const nameOf = (p: Record<string, unknown>) => (typeof p.name === "string" ? p.name : null);

export function CaseMapImpl({ lat, lng, gridCode, height = 300, testId }: CaseMapProps) {
  const [grid, setGrid] = useState<Feature | null | undefined>(gridCode ? undefined : null);
  const [around, setAround] = useState<FeatureCollection | null>(null);

  useEffect(() => {
    if (!gridCode) return;
    let live = true;
    get<Feature>(`/geo/grids/${encodeURIComponent(gridCode)}`)
      .then((f) => {
        if (live) setGrid(f);
      })
      .catch(() => {
        if (live) setGrid(null); // no outline: the point alone still tells where
      });
    // grid codes are the community code plus a two-digit serial
    const communityCode = gridCode.length === 14 ? gridCode.slice(0, 12) : null;
    if (communityCode) {
      get<FeatureCollection>(`/geo/grids${qs({ communityCode })}`)
        .then((fc) => {
          if (live) setAround(fc);
        })
        .catch(() => {});
    }
    return () => {
      live = false;
    };
  }, [gridCode]);

  const marker = useMemo(() => ({ lat, lng }), [lat, lng]);
  const overlays = useMemo<MapOverlay[] | undefined>(() => {
    const list: MapOverlay[] = [];
    if (around)
      list.push({
        id: "community",
        data: around,
        fit: false,
        style: { color: "#8193ad", weight: 1, fillOpacity: 0, dashArray: undefined },
        tooltip: nameOf,
      });
    if (grid)
      list.push({
        id: "grid",
        data: grid,
        style: { color: "#1f5fbf", weight: 2.5, dashArray: "6 4", fillOpacity: 0.12 },
        tooltip: nameOf,
      });
    return list.length ? list : undefined;
  }, [grid, around]);

  return (
    <VectorMapImpl
      height={height}
      testId={testId}
      marker={marker}
      overlays={overlays}
      fit={grid ? "overlays" : "marker"}
      fitPadding={56}
      fitKey={grid ? `grid:${gridCode}` : grid === null ? "point" : "wait"}
    />
  );
}
