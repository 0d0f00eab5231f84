// Props of the shared maps. Type-only imports: nothing here pulls Leaflet into a page's bundle.

import type { GeoJsonObject } from "geojson";
import type { Map as LeafletMap, PathOptions } from "leaflet";
import type { CSSProperties } from "react";

declare global {
  interface Window {
    /** optional raster tiles, e.g. an intranet tile server: "https://tiles.example/{z}/{x}/{y}.png" */
    CIVICGRID_TILE_URL?: string;
    CIVICGRID_TILE_ATTRIBUTION?: string;
  }
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** A point drawn as a small circle (canvas-rendered, so thousands stay fast). */
export interface MapPoint extends LatLng {
  id: string;
  color?: string;
  radius?: number;
  /** shown on hover */
  tooltip?: string;
  onClick?: () => void;
}

/** A GeoJSON layer over the district base (grids, a township, a case's grid…). */
export interface MapOverlay {
  id: string;
  data: GeoJsonObject;
  style?: PathOptions | ((properties: Record<string, unknown>) => PathOptions);
  /** hover text of a feature, from its properties */
  tooltip?: (properties: Record<string, unknown>) => string | null;
  onClick?: (properties: Record<string, unknown>) => void;
  /** include in the frame when fit="overlays" (default true); false for context layers */
  fit?: boolean;
}

export interface VectorMapProps {
  /** CSS height of the map box; default 360 */
  height?: number | string;
  style?: CSSProperties;
  className?: string;
  testId?: string;
  points?: MapPoint[];
  overlays?: MapOverlay[];
  /** one highlighted point: the case, or the location being chosen */
  marker?: LatLng | null;
  onMapClick?: (p: LatLng) => void;
  /** what to frame: the overlays, the points, the marker, or the whole city (default) */
  fit?: "overlays" | "points" | "marker" | "districts";
  /** change it to frame again after the first time (e.g. after new data) */
  fitKey?: string | number;
  /** room in pixels around the framed content; default 16 */
  fitPadding?: number;
  /** zoom used when framing a single marker; default 16 */
  markerZoom?: number;
  /** escape hatch for callers that need Leaflet directly (the module is passed, loaded lazily) */
  onReady?: (map: LeafletMap, L: typeof import("leaflet")) => void;
}

export interface CaseMapProps {
  lat: number;
  lng: number;
  gridCode?: string | null;
  height?: number | string;
  testId?: string;
}
