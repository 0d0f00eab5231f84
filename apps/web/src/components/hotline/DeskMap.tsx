// The desk's map: the call's point (click to set it), the grids of its community for orientation,
// the similar open cases as numbered dots, and the place in words under it.
import { Typography } from "antd";
import type { FeatureCollection } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import { useLocate } from "../../lib/useLocate.ts";
import { type MapOverlay, type MapPoint, VectorMap } from "../map/index.tsx";
import type { SimilarCase } from "./types.ts";

interface Props {
  lat?: number;
  lng?: number;
  /** bump to frame the point again (a place was picked by name) */
  fitKey: number;
  similar: SimilarCase[];
  onPoint: (p: { lat: number; lng: number }) => void;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function DeskMap({ lat, lng, fitKey, similar, onPoint }: Props) {
  const { t } = useI18n();
  const { located, problem } = useLocate(lat, lng, 250);
  const [grids, setGrids] = useState<FeatureCollection | null>(null);
  const has = typeof lat === "number" && typeof lng === "number";
  const community = located?.community.code ?? null;

  useEffect(() => {
    if (!community) return;
    let live = true;
    get<FeatureCollection>(`/geo/grids${qs({ communityCode: community })}`)
      .then((fc) => live && setGrids(fc))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [community]);

  const overlays = useMemo<MapOverlay[] | undefined>(
    () =>
      grids
        ? [
            {
              id: `grids:${community}`,
              data: grids,
              fit: false,
              style: { color: "#1f5fbf", weight: 1, fillOpacity: 0.03 },
              tooltip: (p) => (typeof p.name === "string" ? p.name : null),
            },
          ]
        : undefined,
    [grids, community],
  );
  const points = useMemo<MapPoint[]>(
    () =>
      similar.map((c, i) => ({
        id: c.id,
        lat: c.lat,
        lng: c.lng,
        color: "#fa8c16",
        radius: 7,
        tooltip: `${i + 1}. ${c.code} ${c.title}`,
      })),
    [similar],
  );

  return (
    <div>
      <VectorMap
        height={240}
        testId="hotline-map"
        marker={has ? { lat: lat as number, lng: lng as number } : null}
        points={points}
        overlays={overlays}
        onMapClick={(p) => onPoint({ lat: round(p.lat), lng: round(p.lng) })}
        fit={fitKey === 0 ? "districts" : "marker"}
        fitKey={fitKey}
        markerZoom={15}
      />
      <Typography.Text
        type={problem ? "danger" : "secondary"}
        style={{ display: "block", margin: "4px 0 12px", fontSize: 12 }}
        data-testid="hotline-located"
      >
        {problem ??
          (located
            ? [located.district.name, located.township.name, located.community.name].join(" / ")
            : has
              ? t("locating")
              : t("hlNoPoint"))}
      </Typography.Text>
    </div>
  );
}
