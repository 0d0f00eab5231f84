// Access to the Leaflet map inside the shared VectorMap (components/map), for the admin and
// dispatch layers that need more than its points and overlays (permanent labels, hover in both
// directions). Leaflet arrives through VectorMap's onReady, so these modules never import it.
import type { FeatureCollection } from "geojson";
import type * as Leaflet from "leaflet";
import { useCallback, useState } from "react";
import { get } from "../../lib/api.ts";

export type LeafletNS = typeof Leaflet;
export interface BaseMap {
  L: LeafletNS;
  map: Leaflet.Map;
}

/** State holding the map once VectorMap has created it, and the onReady callback to pass it. */
export function useMapHandle(): [BaseMap | undefined, (map: Leaflet.Map, L: LeafletNS) => void] {
  const [base, setBase] = useState<BaseMap>();
  const onReady = useCallback((map: Leaflet.Map, L: LeafletNS) => {
    setBase({ map, L });
    // the map is removed with VectorMap: forget it so no layer is added to a dead map
    map.once("unload", () => setBase(undefined));
  }, []);
  return [base, onReady];
}

let districtsOnce: Promise<FeatureCollection> | undefined;
/** The district outlines (long-cached by the server), for framing one district. */
export function loadDistricts(): Promise<FeatureCollection> {
  districtsOnce ??= get<FeatureCollection>("/geo/districts").catch((e: unknown) => {
    districtsOnce = undefined;
    throw e;
  });
  return districtsOnce;
}
