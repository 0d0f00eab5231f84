// The shapes of the level shown, drawn as SVG under the case points: the districts of the city, else
// the grids grouped by the child of the scope they belong to. A click drills into that child (or
// picks the grid for an incident); the fill is a choropleth of the children's reported cases,
// restyled in place when the figures change; each child's name is shown where it fits.
import type { FeatureCollection } from "geojson";
import L from "leaflet";
import { type RefObject, useEffect, useRef, useState } from "react";
import type { RankingRow, Summary } from "../types.ts";
import type { CaseLayer } from "./case-layer.ts";
import type { Picking } from "./picking.ts";
import { cityShapes, loadScopeShapes, type ShapeProps, type Shapes } from "./scope-shapes.ts";
import { type ShapeStyleContext, shapeStyle } from "./shape-style.ts";

interface Options {
  map: L.Map | null;
  scope: Summary["scope"] | null;
  districts: FeatureCollection | null;
  ranking: readonly RankingRow[] | null;
  /** the grids picked for an incident, joined */
  pickedKey: string;
  /** emergency mode mutes the figures */
  incidentId: string | null;
  pickingRef: RefObject<Picking | null>;
  caseLayer: RefObject<CaseLayer | null>;
  onDrill: RefObject<(code: string) => void>;
}

export function useShapesLayer(o: Options): { shapes: Shapes | null } {
  const { map, scope, districts, ranking, pickedKey, incidentId, pickingRef, caseLayer, onDrill } = o;
  const layerRef = useRef<L.GeoJSON | null>(null);
  // the shapes of the level shown: districts of the city, else the grids grouped by child. Kept with
  // the scope they were loaded for: until a new scope's arrive, the old ones are neither drawn nor
  // framed (a drill-down would otherwise frame the parent's shapes and stay there)
  const [loaded, setLoaded] = useState<{ code: string; shapes: Shapes | null } | null>(null);
  const shapes = scope && loaded?.code === scope.code ? loaded.shapes : null;
  useEffect(() => {
    if (!scope) return;
    let live = true;
    if (scope.level === "city") {
      if (districts) setLoaded({ code: scope.code, shapes: cityShapes(districts, scope.children) });
      return;
    }
    loadScopeShapes(scope, scope.children)
      .then((s) => {
        if (live) setLoaded({ code: scope.code, shapes: s });
      })
      .catch(() => {
        if (live) setLoaded({ code: scope.code, shapes: null });
      });
    return () => {
      live = false;
    };
  }, [scope, districts]);

  // the fill follows the figures and the grids picked for an incident: restyled, not rebuilt
  const styleContext = useRef<ShapeStyleContext>({
    level: "city",
    code: "",
    values: new Map(),
    picked: new Set(),
    muted: false,
  });
  styleContext.current = {
    level: scope?.level ?? "city",
    code: scope?.code ?? "",
    values: new Map((ranking ?? []).map((r) => [r.code, r.reported])),
    picked: new Set(pickedKey ? pickedKey.split(",") : []),
    muted: Boolean(incidentId),
  };
  const valuesKey = (ranking ?? []).map((r) => `${r.code}:${r.reported}`).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys stand for the style's inputs
  useEffect(() => {
    layerRef.current?.setStyle((f) => shapeStyle(f?.properties as ShapeProps, styleContext.current));
  }, [valuesKey, pickedKey, incidentId]);

  useEffect(() => {
    if (!map || !shapes || !scope) return;
    const layer = L.geoJSON(shapes, {
      pane: "scr-shapes",
      style: (f) => shapeStyle(f?.properties as ShapeProps, styleContext.current),
      onEachFeature: (f, l) => {
        const p = f.properties as ShapeProps;
        // the child it drills into, as a class of its SVG path (set before the path is created)
        (l as L.Path).options.className = `scr-shape scr-child-${p.childCode} scr-code-${p.code}`;
        const label = p.name === p.childName ? p.name : `${p.childName} · ${p.name}`;
        l.bindTooltip(label, { sticky: true, className: "scr-tip" });
        l.on("click", (e: L.LeafletMouseEvent) => {
          const pick = pickingRef.current;
          if (pick?.mode === "grids") {
            if (scope.level !== "city" && scope.level !== "district") pick.onToggleGrid(p.code);
          } else if (!pick && !caseLayer.current?.nearest(e.latlng)) {
            // a click on a case is the case's (the map's click handler opens it), not a drill-down
            onDrill.current(p.childCode);
          }
        });
      },
    }).addTo(map);
    layerRef.current = layer;
    // one name per child, where the child is wide enough on screen for it
    const names = L.layerGroup().addTo(map);
    const byChild = new Map<string, { name: string; bounds: L.LatLngBounds }>();
    layer.eachLayer((l) => {
      const p = (l as L.Polygon).feature?.properties as ShapeProps;
      const b = (l as L.Polygon).getBounds();
      const known = byChild.get(p.childCode);
      if (known) known.bounds.extend(b);
      else byChild.set(p.childCode, { name: p.childName, bounds: L.latLngBounds(b.getSouthWest(), b.getNorthEast()) });
    });
    const tips = [...byChild.values()].map(({ name, bounds }) => ({
      bounds,
      width: name.length * 13 + 8,
      tip: L.tooltip({ permanent: true, direction: "center", className: "scr-label", interactive: false })
        .setLatLng(bounds.getCenter())
        .setContent(name),
    }));
    const place = () => {
      for (const { bounds, width, tip } of tips) {
        const px =
          map.latLngToContainerPoint(bounds.getNorthEast()).x - map.latLngToContainerPoint(bounds.getSouthWest()).x;
        if (px >= width * 1.3) names.addLayer(tip);
        else names.removeLayer(tip);
      }
    };
    place();
    map.on("zoomend", place);
    return () => {
      map.off("zoomend", place);
      names.remove();
      layer.remove();
      layerRef.current = null;
    };
  }, [map, shapes, scope, pickingRef, caseLayer, onDrill]);

  return { shapes };
}
