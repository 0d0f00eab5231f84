// The shared map (loaded on demand with Leaflet): the district outlines of Anshan as a vector base
// that reads well with no tiles at all (offline and government intranets), optional raster tiles
// when an intranet tile server is configured, and the caller's overlays, points and marker on top.
import type { FeatureCollection } from "geojson";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get } from "../../lib/api.ts";
import "./map.css";
import type { VectorMapProps } from "./types.ts";

// roughly the middle of Anshan's districts, for the moment before the outlines arrive
const HOME: L.LatLngExpression = [40.95, 122.95];
const HOME_ZOOM = 8;

let districtsOnce: Promise<FeatureCollection | null> | null = null;
/** The district outlines, fetched once per session (null when the server has none). */
export function loadDistricts(): Promise<FeatureCollection | null> {
  if (!districtsOnce) {
    districtsOnce = get<FeatureCollection>("/geo/districts").catch(() => {
      districtsOnce = null;
      return null;
    });
  }
  return districtsOnce;
}

function tileUrl(): string | undefined {
  return window.CIVICGRID_TILE_URL || (import.meta.env.VITE_TILE_URL as string | undefined) || undefined;
}

export function VectorMapImpl(props: VectorMapProps) {
  const { height = 360, style, className, testId, points, overlays, marker, onMapClick, onReady } = props;
  const { fit = "districts", fitKey, markerZoom = 16, fitPadding = 16 } = props;
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const [districts, setDistricts] = useState<FeatureCollection | null | undefined>(undefined);
  const baseLayer = useRef<L.GeoJSON | null>(null);
  const overlayLayer = useRef<L.FeatureGroup | null>(null);
  const fitLayer = useRef<L.FeatureGroup | null>(null);
  const pointLayer = useRef<L.FeatureGroup | null>(null);
  const markerLayer = useRef<L.CircleMarker | null>(null);
  const clickRef = useRef(onMapClick);
  clickRef.current = onMapClick;
  const fitted = useRef<string | null>(null);
  const tiles = tileUrl();

  // create the map once; Leaflet owns the DOM inside the box
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once per mount
  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, {
      center: HOME,
      zoom: HOME_ZOOM,
      minZoom: 7,
      maxZoom: 19,
      preferCanvas: true,
      zoomSnap: 0.25,
      attributionControl: false,
    });
    L.control.attribution({ prefix: "Leaflet" }).addTo(m);
    m.createPane("cg-base").style.zIndex = "250";
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: window.CIVICGRID_TILE_ATTRIBUTION ?? "" }).addTo(m);
    }
    m.on("click", (e: L.LeafletMouseEvent) => clickRef.current?.({ lat: e.latlng.lat, lng: e.latlng.lng }));
    // the box can change size without a window resize (tabs, drawers, responsive columns)
    const ro = new ResizeObserver(() => m.invalidateSize());
    ro.observe(box.current);
    setMap(m);
    onReady?.(m, L);
    let live = true;
    loadDistricts().then((d) => {
      if (live) setDistricts(d);
    });
    return () => {
      live = false;
      ro.disconnect();
      m.remove();
      setMap(null);
    };
  }, []);

  // the attribution follows the language
  useEffect(() => {
    if (!map?.attributionControl) return;
    const text = t("mapAttribution");
    map.attributionControl.addAttribution(text);
    return () => {
      map.attributionControl?.removeAttribution(text);
    };
  }, [map, t]);

  // the district base layer with its names
  useEffect(() => {
    if (!map || !districts) return;
    const layer = L.geoJSON(districts, {
      pane: "cg-base",
      interactive: false,
      style: {
        color: "#8193ad",
        weight: 1.2,
        fillColor: tiles ? "#ffffff" : "#fbfcfd",
        fillOpacity: tiles ? 0.08 : 1,
      },
    }).addTo(map);
    baseLayer.current = layer;
    // district names, shown only where the district is wide enough on screen for its name, so the
    // small urban districts do not pile their labels on each other at city scale
    const labels = L.layerGroup().addTo(map);
    const named = layer.getLayers().flatMap((l) => {
      const name = ((l as L.Polygon).feature?.properties as { name?: string } | undefined)?.name;
      if (!name) return [];
      const poly = l as L.Polygon;
      const tip = L.tooltip({ permanent: true, direction: "center", className: "cg-map-label" })
        .setLatLng(poly.getBounds().getCenter())
        .setContent(name);
      return [{ poly, tip, width: name.length * 13 + 8 }];
    });
    const place = () => {
      for (const { poly, tip, width } of named) {
        const b = poly.getBounds();
        const px = map.latLngToLayerPoint(b.getNorthEast()).x - map.latLngToLayerPoint(b.getSouthWest()).x;
        if (px >= width * 1.6) labels.addLayer(tip);
        else labels.removeLayer(tip);
      }
    };
    place();
    map.on("zoomend", place);
    return () => {
      map.off("zoomend", place);
      labels.remove();
      layer.remove();
      baseLayer.current = null;
    };
  }, [map, districts, tiles]);

  // overlays: grids, divisions, the case's grid…
  useEffect(() => {
    if (!map || !overlays?.length) return;
    const group = L.featureGroup();
    const framed = L.featureGroup(); // the overlays to frame (not drawn twice: only used for bounds)
    for (const o of overlays) {
      L.geoJSON(o.data, {
        style: (f) => {
          const base = { color: "#1f5fbf", weight: 2, fillColor: "#1f5fbf", fillOpacity: 0.08 };
          const s = typeof o.style === "function" ? o.style(f?.properties ?? {}) : o.style;
          return { ...base, ...s };
        },
        onEachFeature: (f, l) => {
          const props = (f.properties ?? {}) as Record<string, unknown>;
          const tip = o.tooltip?.(props);
          if (tip) l.bindTooltip(tip, { sticky: true });
          if (o.onClick) l.on("click", () => o.onClick?.(props));
        },
      }).addTo(group);
      if (o.fit !== false) framed.addLayer(L.geoJSON(o.data));
    }
    group.addTo(map);
    overlayLayer.current = group;
    fitLayer.current = framed;
    return () => {
      group.remove();
      overlayLayer.current = null;
      fitLayer.current = null;
    };
  }, [map, overlays]);

  // points: case dots, drawn on canvas
  useEffect(() => {
    if (!map || !points?.length) return;
    const group = L.featureGroup();
    for (const p of points) {
      const dot = L.circleMarker([p.lat, p.lng], {
        radius: p.radius ?? 5,
        color: "#ffffff",
        weight: 1,
        fillColor: p.color ?? "#1f5fbf",
        fillOpacity: 0.9,
      });
      if (p.tooltip) dot.bindTooltip(p.tooltip);
      if (p.onClick) dot.on("click", () => p.onClick?.());
      dot.addTo(group);
    }
    group.addTo(map);
    pointLayer.current = group;
    return () => {
      group.remove();
      pointLayer.current = null;
    };
  }, [map, points]);

  // the highlighted point
  useEffect(() => {
    if (!map || !marker) return;
    const m = L.circleMarker([marker.lat, marker.lng], {
      radius: 9,
      color: "#ffffff",
      weight: 3,
      fillColor: "#d4380d",
      fillOpacity: 1,
      interactive: false,
    }).addTo(map);
    markerLayer.current = m;
    return () => {
      m.remove();
      markerLayer.current = null;
    };
  }, [map, marker?.lat, marker?.lng, marker]);

  // frame the chosen content once it is there; again whenever fitKey changes
  useEffect(() => {
    if (!map) return;
    const key = String(fitKey ?? "");
    if (fitted.current === key) return;
    const frame = (b: L.LatLngBounds | undefined | null) => {
      if (!b?.isValid()) return false;
      map.fitBounds(b, { padding: [fitPadding, fitPadding], maxZoom: 17, animate: false });
      fitted.current = key;
      return true;
    };
    if (fit === "overlays" && overlays?.length) {
      frame(fitLayer.current?.getBounds()); // waits until the overlays are drawn
      return;
    }
    if (fit === "points" && points?.length) {
      frame(pointLayer.current?.getBounds());
      return;
    }
    if (fit === "marker" && marker) {
      map.setView([marker.lat, marker.lng], markerZoom, { animate: false });
      fitted.current = key;
      return;
    }
    // nothing of the chosen kind (yet): the whole city, once its outlines are known
    if (districts === undefined) return;
    frame(baseLayer.current?.getBounds());
    // a marker asked for but not there yet (a form value on its way): frame it when it comes
    fitted.current = fit === "marker" ? null : key;
  }, [map, fit, fitKey, overlays, points, marker, markerZoom, fitPadding, districts]);

  return (
    <section
      className={`cg-map ${className ?? ""}`}
      style={{ height, ...style }}
      data-testid={testId}
      aria-label={t("map")}
    >
      <div ref={box} style={{ height: "100%", width: "100%", cursor: onMapClick ? "crosshair" : undefined }} />
    </section>
  );
}
