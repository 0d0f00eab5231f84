// The centre of the big screen: Anshan's district outlines as a dark vector base (the project's
// offline base, no tiles needed), the shapes of the level shown (click to drill down), the live cases
// on one canvas, a heat layer, the grid workers on patrol, and in emergency mode the incident's area.
import type { FeatureCollection } from "geojson";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { type RefObject, useEffect, useRef, useState } from "react";
import { loadDistricts } from "../../components/map/VectorMapImpl.tsx";
import "../../components/map/types.ts";
import { useI18n } from "../../i18n/index.tsx";
import type {
  CaseEvent,
  CasePoint,
  HeatCell,
  IncidentDetail,
  RankingRow,
  ScreenAlert,
  Summary,
  Worker,
} from "../types.ts";
import { CaseLayer } from "./case-layer.ts";
import { HeatLayer } from "./heat-layer.ts";
import { hotspotLayer } from "./hotspot-layer.ts";
import { IncidentLayer } from "./incident-layer.ts";
import { type Layers, MapControls } from "./MapControls.tsx";
import { type Picking, usePicking } from "./picking.ts";
import { useShapesLayer } from "./useShapesLayer.ts";
import { useZoomOutlines } from "./useZoomOutlines.ts";

/** What the page can do to the map without re-rendering it: live events touch one marker. */
export interface ScreenMapApi {
  upsertCase(ev: CaseEvent): void;
}

export interface ScreenMapProps {
  scope: Summary["scope"] | null;
  /** the children's figures, for the choropleth */
  ranking: readonly RankingRow[] | null;
  points: readonly CasePoint[] | null;
  heat: readonly HeatCell[] | null;
  workers: readonly Worker[] | null;
  /** the analysis' alerts of the level shown: hotspots get a ring on the map */
  alerts?: readonly ScreenAlert[] | null;
  incident: IncidentDetail | null;
  picking: Picking | null;
  onDrill: (code: string) => void;
  onOpenCase: (p: CasePoint) => void;
  apiRef: RefObject<ScreenMapApi | null>;
}

const HOME: L.LatLngExpression = [40.95, 122.95];

function panes(map: L.Map) {
  const make = (name: string, z: number) => {
    const pane = map.createPane(name);
    pane.style.zIndex = String(z);
  };
  make("scr-base", 250);
  make("scr-shapes", 350);
  make("scr-heat", 420);
  make("scr-cases", 450);
  make("scr-workers", 460);
  make("scr-hotspots", 465);
  make("scr-incident", 470);
}

export function ScreenMap(props: ScreenMapProps) {
  const { scope, ranking, points, heat, workers, alerts, incident, picking, apiRef } = props;
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const [districts, setDistricts] = useState<FeatureCollection | null>(null);
  const [layers, setLayers] = useState<Layers>({ cases: true, heat: false, workers: true, hotspots: true });
  const caseLayer = useRef<CaseLayer | null>(null);
  const heatLayer = useRef<HeatLayer | null>(null);
  const onDrill = useRef(props.onDrill);
  onDrill.current = props.onDrill;
  const onOpenCase = useRef(props.onOpenCase);
  onOpenCase.current = props.onOpenCase;
  const pickingRef = useRef(picking);
  pickingRef.current = picking;

  // the map, once; Leaflet owns the DOM inside the box
  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, {
      center: HOME,
      zoom: 8,
      minZoom: 7,
      maxZoom: 18,
      zoomSnap: 0.25,
      attributionControl: false,
      zoomControl: false,
    });
    panes(m);
    L.control.zoom({ position: "bottomright" }).addTo(m);
    L.control.attribution({ prefix: false, position: "bottomright" }).addTo(m);
    if (window.CIVICGRID_TILE_URL) {
      L.tileLayer(window.CIVICGRID_TILE_URL, { maxZoom: 19, className: "scr-tiles" }).addTo(m);
    }
    caseLayer.current = new CaseLayer(m);
    // a click near a case opens it (outside the area shapes; on them, see the shapes' own click)
    m.on("click", (e: L.LeafletMouseEvent) => {
      if (pickingRef.current) return;
      const hit = caseLayer.current?.nearest(e.latlng);
      if (hit) onOpenCase.current(hit);
    });
    heatLayer.current = new HeatLayer();
    apiRef.current = {
      upsertCase: (ev) => {
        const layer = caseLayer.current;
        if (!layer) return;
        layer.upsert(ev);
        // what the map holds, readable from outside (tests, a wall controller)
        if (frame.current) {
          frame.current.dataset.cases = String(layer.size);
          frame.current.dataset.lastCase = ev.code;
        }
      },
    };
    // the view, readable from outside (the render benchmark checks that it really moved)
    m.on("moveend", () => {
      if (!frame.current) return;
      frame.current.dataset.zoom = m.getZoom().toFixed(2);
      frame.current.dataset.moves = String(Number(frame.current.dataset.moves ?? 0) + 1);
    });
    const ro = new ResizeObserver(() => m.invalidateSize());
    ro.observe(box.current);
    setMap(m);
    let live = true;
    loadDistricts().then((d) => {
      if (live) setDistricts(d);
    });
    return () => {
      live = false;
      apiRef.current = null;
      ro.disconnect();
      m.remove();
      setMap(null);
    };
  }, [apiRef]);

  useEffect(() => {
    if (!map?.attributionControl) return;
    const text = t("mapAttribution");
    map.attributionControl.addAttribution(text);
    return () => {
      map.attributionControl?.removeAttribution(text);
    };
  }, [map, t]);

  // the district base: dark fills, the district of the scope brighter
  const districtCode = scope?.breadcrumb.find((b) => b.level === "district")?.code ?? null;
  useEffect(() => {
    if (!map || !districts) return;
    const layer = L.geoJSON(districts, {
      pane: "scr-base",
      interactive: false,
      style: (f) => {
        const mine = !districtCode || f?.properties?.code === districtCode;
        return {
          color: mine ? "#3fa9f5" : "#1d3b66",
          weight: mine ? 1.6 : 1,
          fillColor: mine ? "#0c2a52" : "#081a33",
          fillOpacity: 1,
        };
      },
    }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, districts, districtCode]);

  const pickedKey = picking?.mode === "grids" ? picking.grids.join(",") : "";
  const { shapes } = useShapesLayer({
    map,
    scope,
    districts,
    ranking,
    pickedKey,
    incidentId: incident?.id ?? null,
    pickingRef,
    caseLayer,
    onDrill,
  });

  // frame the level shown (not while an incident is framed, nor while an area is being picked)
  const framedFor = useRef<string | null>(null);
  // the zoom each scope was framed at: the zoom layers start beyond it
  const [framed, setFramed] = useState<{ code: string; zoom: number } | null>(null);
  const pickingActive = Boolean(picking);
  useEffect(() => {
    if (!map || !scope || incident || pickingActive) return;
    if (framedFor.current === scope.code) return;
    // what to frame: the city's or the district's outline, else the shapes (at grid level, its own)
    let frameOn: FeatureCollection | null = null;
    if (scope.level === "city") frameOn = districts;
    else if (scope.level === "district" && districts) {
      frameOn = {
        type: "FeatureCollection",
        features: districts.features.filter((f) => f.properties?.code === scope.code),
      };
    } else if (shapes) {
      const own = scope.level === "grid" ? shapes.features.filter((f) => f.properties.code === scope.code) : null;
      frameOn = own ? { type: "FeatureCollection", features: own } : shapes;
    }
    const bounds = frameOn?.features.length ? L.geoJSON(frameOn).getBounds() : null;
    if (bounds?.isValid()) {
      map.fitBounds(bounds, { padding: [24, 24], animate: false });
      framedFor.current = scope.code;
      setFramed({ code: scope.code, zoom: map.getZoom() });
    }
  }, [map, scope, districts, shapes, incident, pickingActive]);
  // after an incident, the level shown is framed again
  const incidentShown = Boolean(incident);
  useEffect(() => {
    if (incidentShown) framedFor.current = null;
  }, [incidentShown]);

  // zoomed in on the city's or a district's screen: township, community and grid outlines
  useZoomOutlines({
    map,
    scope,
    districts,
    framedZoom: framed && framed.code === scope?.code ? framed.zoom : null,
    incidentShown,
    pickingRef,
    caseLayer,
    onDrill,
    frame,
  });

  // live cases: rebuilt when a new batch arrives, touched one by one by live events
  useEffect(() => {
    const layer = caseLayer.current;
    if (!map || !layer || !points) return;
    const started = performance.now();
    layer.reset(points);
    if (frame.current) frame.current.dataset.cases = String(layer.size);
    // for the render benchmark: when the canvas has drawn the batch
    requestAnimationFrame(() =>
      performance.mark("screen:points-rendered", {
        detail: { count: layer.size, ms: performance.now() - started },
      }),
    );
  }, [map, points]);
  const showCases = layers.cases && !incident;
  useEffect(() => {
    const layer = caseLayer.current?.group;
    if (!map || !layer) return;
    if (showCases) layer.addTo(map);
    else layer.remove();
  }, [map, showCases]);

  // heat
  const showHeat = layers.heat && !incident;
  useEffect(() => {
    const layer = heatLayer.current;
    if (!map || !layer) return;
    layer.setCells(heat ?? []);
    if (showHeat) layer.addTo(map);
    else layer.remove();
  }, [map, heat, showHeat]);

  // grid workers on patrol
  const showWorkers = layers.workers && !incident;
  useEffect(() => {
    if (!map || !workers || !showWorkers) return;
    const group = L.layerGroup();
    for (const w of workers) {
      L.circleMarker([w.lat, w.lng], {
        pane: "scr-workers",
        radius: 5,
        color: "#e6fffb",
        weight: 2,
        fillColor: "#00d1b2",
        fillOpacity: 1,
      })
        .bindTooltip(`${t("scWorker")} ${w.name} · ${w.gridCode}`, { className: "scr-tip" })
        .addTo(group);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, workers, showWorkers, t]);

  // hotspots (共性问题): a pulsing ring with the count at each one's grid or community
  const showHotspots = layers.hotspots && !incident;
  useEffect(() => {
    if (!map || !alerts?.length || !showHotspots) return;
    const group = hotspotLayer(
      alerts,
      (a) => `${a.placeName} · ${a.category.name}: ${a.observed}/${a.expected.toFixed(1)}`,
    );
    group.addTo(map);
    if (frame.current) frame.current.dataset.hotspots = String(group.getLayers().length);
    return () => {
      group.remove();
    };
  }, [map, alerts, showHotspots]);

  // emergency mode: the incident's area, cases and workers
  const framedIncident = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !incident) {
      framedIncident.current = null;
      return;
    }
    const fit = framedIncident.current !== incident.id;
    framedIncident.current = incident.id;
    const layer = new IncidentLayer(map, incident, t, (p) => onOpenCase.current(p), fit);
    return () => layer.remove();
  }, [map, incident, t]);

  usePicking(map, picking);

  return (
    <div ref={frame} className="scr-map" data-testid="screen-map">
      <div ref={box} className="scr-map-box" />
      {!incident && <MapControls layers={layers} onToggle={(k) => setLayers((l) => ({ ...l, [k]: !l[k] }))} />}
    </div>
  );
}
