// Choosing an incident's area on the map: drawing a polygon (PolygonDrawer) or clicking grids of the
// grid layer (handled by the shapes layer's click; this only carries the state).
import type L from "leaflet";
import { useEffect, useRef } from "react";
import { PolygonDrawer, type Vertex } from "./draw-polygon.ts";

export type Picking =
  | {
      mode: "polygon";
      polygon: Vertex[];
      closed: boolean;
      onPolygon: (vertices: Vertex[], closed: boolean) => void;
      /** set by the map: lets the form's buttons finish, undo or clear the drawing */
      drawerRef: { current: PolygonDrawer | null };
    }
  | { mode: "grids"; grids: string[]; onToggleGrid: (code: string) => void };

export function usePicking(map: L.Map | null, picking: Picking | null): void {
  const latest = useRef(picking);
  latest.current = picking;
  const drawing = picking?.mode === "polygon";
  const drawerRef = picking?.mode === "polygon" ? picking.drawerRef : null;
  useEffect(() => {
    if (!map || !drawing || !drawerRef) return;
    const start = latest.current?.mode === "polygon" ? latest.current : null;
    const drawer = new PolygonDrawer(map, (v, closed) => {
      const p = latest.current;
      if (p?.mode === "polygon") p.onPolygon(v, closed);
    });
    drawer.start(start?.polygon ?? [], start?.closed ?? false);
    drawerRef.current = drawer;
    return () => {
      drawer.stop();
      drawerRef.current = null;
    };
  }, [map, drawing, drawerRef]);
}
