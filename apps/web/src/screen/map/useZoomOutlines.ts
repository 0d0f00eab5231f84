// Wires the zoom layers (zoom-outlines.ts) to the screen: on the city's and a district's screen, not
// in emergency mode; a click on an outline drills into it unless it lands on a case (the map's own
// click opens the case) or an incident's area is being picked. What is shown is readable from outside
// (data-outline-township/-community/-grid on the map frame, shape counts) for tests and the
// stylesheet (the area shapes' fill steps back under the communities); data-outline-names tells it
// whose names are shown, so that the names of the shapes below step aside for them.
import type { FeatureCollection } from "geojson";
import type L from "leaflet";
import { type RefObject, useEffect, useRef } from "react";
import { useI18n } from "../../i18n/index.tsx";
import type { Summary } from "../types.ts";
import type { CaseLayer } from "./case-layer.ts";
import type { Picking } from "./picking.ts";
import { type OutlineScope, ZoomOutlines } from "./zoom-outlines.ts";

interface Options {
  map: L.Map | null;
  scope: Summary["scope"] | null;
  districts: FeatureCollection | null;
  /** the zoom the scope was framed at (null until it is framed) */
  framedZoom: number | null;
  incidentShown: boolean;
  pickingRef: RefObject<Picking | null>;
  caseLayer: RefObject<CaseLayer | null>;
  onDrill: RefObject<(code: string) => void>;
  frame: RefObject<HTMLDivElement | null>;
}

function outlineScope(scope: Summary["scope"] | null): OutlineScope | null {
  if (scope?.level === "city") {
    return { level: "city", districts: scope.children.filter((c) => c.level === "district").map((c) => c.code) };
  }
  if (scope?.level === "district") return { level: "district", districts: [scope.code] };
  return null;
}

export function useZoomOutlines(o: Options): void {
  const { map, scope, districts, framedZoom, incidentShown, pickingRef, caseLayer, onDrill, frame } = o;
  const outlines = useRef<ZoomOutlines | null>(null);
  const { t } = useI18n();
  const namesLabel = t("scAreaNames");
  const namesLabelRef = useRef(namesLabel);
  namesLabelRef.current = namesLabel;

  useEffect(() => {
    if (!map) return;
    const z = new ZoomOutlines(map, {
      namesLabel: namesLabelRef.current,
      onPick: (code, at) => {
        if (pickingRef.current || caseLayer.current?.nearest(at)) return;
        onDrill.current(code);
      },
      onShown: (counts, names) => {
        const el = frame.current;
        if (!el) return;
        // written only when changed: the stylesheet reads them (a change restyles the map)
        const set = (key: string, value: string) => {
          if (el.dataset[key] !== value) el.dataset[key] = value;
        };
        set("outlineNames", names ?? "");
        set("outlineTownship", String(counts.township));
        set("outlineCommunity", String(counts.community));
        set("outlineGrid", String(counts.grid));
      },
    });
    outlines.current = z;
    return () => {
      z.destroy();
      outlines.current = null;
    };
  }, [map, pickingRef, caseLayer, onDrill, frame]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new map gets the label again
  useEffect(() => {
    outlines.current?.setNamesLabel(namesLabel);
  }, [namesLabel, map]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new map gets the outlines again
  useEffect(() => {
    outlines.current?.setDistricts(districts);
  }, [districts, map]);

  const target = incidentShown ? null : outlineScope(scope);
  const key = target ? `${target.level}:${target.districts.join(",")}` : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the scope outlined
  useEffect(() => {
    outlines.current?.setScope(target, framedZoom);
  }, [key, framedZoom, map]);
}
