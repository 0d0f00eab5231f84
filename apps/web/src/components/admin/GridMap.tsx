// The grids of a community or township on the shared VectorMap: outlines (drawn and framed by
// VectorMap as an overlay) with their names as labels, one grid highlighted from the list beside the
// map or picked on the map. A district selection outlines and frames that district instead.
import type { Feature } from "geojson";
import type * as Leaflet from "leaflet";
import { useEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { type MapOverlay, VectorMap } from "../map/index.tsx";
import { loadDistricts, useMapHandle } from "./baseMap.ts";
import type { FeatureCollection, GridFeature } from "./types.ts";

// beyond this many grids permanent labels would cover the map; names show on hover instead
const MAX_LABELS = 40;
const STYLE = { color: "#1f5fbf", weight: 1.5, fillColor: "#4f8fe6", fillOpacity: 0.12 };
const DISTRICT_STYLE = { color: "#1f5fbf", weight: 2.5, fillColor: "#4f8fe6", fillOpacity: 0.08 };
const HIGHLIGHT = { color: "#d4380d", weight: 3, fillColor: "#fa8c16", fillOpacity: 0.35 };

/** "裕华社区第01网格" → "第01网格": the community's name is the same on every grid. */
const shortName = (name: string) => name.replace(/^.*?(第\d+网格)$/, "$1");

export function GridMap({
  grids,
  gridsKey,
  focusDistrict,
  highlight,
  onPick,
  height,
}: {
  grids: FeatureCollection<GridFeature> | undefined;
  /** identifies what `grids` shows (the selected division), so a new selection is framed again */
  gridsKey: string;
  /** a district code to outline and frame when no grids are shown */
  focusDistrict?: string;
  highlight?: string;
  onPick?: (code: string) => void;
  height: number | string;
}) {
  const { t } = useI18n();
  const [base, onReady] = useMapHandle();
  const [district, setDistrict] = useState<Feature | null>(null);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;

  useEffect(() => {
    setDistrict(null);
    if (!focusDistrict) return;
    let live = true;
    loadDistricts()
      .then((fc) => {
        const f = fc.features.find((x) => (x.properties as { code?: string } | null)?.code === focusDistrict);
        if (live && f) setDistrict(f);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [focusDistrict]);

  const overlays = useMemo<MapOverlay[] | undefined>(() => {
    if (grids)
      return [
        {
          id: "grids",
          data: grids as unknown as MapOverlay["data"],
          style: STYLE,
          tooltip: (p) => `${String(p.name ?? "")} · ${String(p.code ?? "")}`,
          onClick: (p) => onPickRef.current?.(String(p.code ?? "")),
        },
      ];
    if (district) return [{ id: "district", data: district, style: DISTRICT_STYLE }];
    return undefined;
  }, [grids, district]);

  // the names of a community's few grids, as quiet labels at their centres
  useEffect(() => {
    if (!base || !grids || grids.features.length > MAX_LABELS) return;
    const { L, map } = base;
    const group = L.layerGroup();
    for (const f of grids.features) {
      const centre = L.geoJSON(f as unknown as Parameters<typeof L.geoJSON>[0])
        .getBounds()
        .getCenter();
      L.marker(centre, {
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: "cg-grid-label", html: shortName(f.properties.name), iconSize: [64, 16] }),
      }).addTo(group);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [base, grids]);

  // the highlighted grid drawn on top, brought into view if it is outside
  useEffect(() => {
    if (!base || !grids || !highlight) return;
    const f = grids.features.find((x) => x.properties.code === highlight);
    if (!f) return;
    const { L, map } = base;
    const layer: Leaflet.GeoJSON = L.geoJSON(f as unknown as Parameters<typeof L.geoJSON>[0], {
      style: HIGHLIGHT,
      interactive: false,
    }).addTo(map);
    const bounds = layer.getBounds();
    if (!map.getBounds().contains(bounds)) map.panTo(bounds.getCenter());
    return () => {
      layer.remove();
    };
  }, [base, grids, highlight]);

  return (
    <section aria-label={t("admGridMap")} style={{ height }}>
      <VectorMap
        height={height}
        testId="grid-map"
        onReady={onReady}
        overlays={overlays}
        fit={overlays ? "overlays" : "districts"}
        fitKey={grids ? `grids:${gridsKey}` : district ? `district:${focusDistrict}` : "city"}
      />
    </section>
  );
}
