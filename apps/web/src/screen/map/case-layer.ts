// The live cases on the map: up to 10,000 circle markers on one canvas renderer (L.canvas), so the
// browser keeps one <canvas> instead of 10,000 SVG nodes. Markers are kept by case id so that a live
// event restyles or adds one marker (Leaflet redraws only its box) instead of rebuilding the layer.
import L from "leaflet";
import type { CaseEvent, CasePoint } from "../types.ts";
import { caseColor } from "./colors.ts";

const RADIUS = 4;
const FRESH_MS = 4_000;
/** rings at once: a burst of events (a bulk import) must not turn into hundreds of animations */
const MAX_FLASHES = 40;

interface Entry {
  marker: L.CircleMarker;
  point: CasePoint;
}

export class CaseLayer {
  readonly group = L.featureGroup();
  private readonly renderer: L.Canvas;
  private readonly byId = new Map<string, Entry>();

  constructor(private readonly map: L.Map) {
    // markers are not interactive: Leaflet would otherwise hit-test all of them on every mouse move;
    // a click is matched to a point by nearest() instead, and the canvas lets clicks through to the
    // area shapes below (screen-map.css)
    this.renderer = L.canvas({ padding: 0.3, pane: "scr-cases" });
  }

  /** The case drawn nearest to a point of the map, within a few pixels, if the layer is shown. */
  nearest(at: L.LatLng, withinPx = 7): CasePoint | null {
    if (!this.map.hasLayer(this.group)) return null;
    const target = this.map.latLngToContainerPoint(at);
    let best: CasePoint | null = null;
    let bestD = withinPx * withinPx;
    for (const { point } of this.byId.values()) {
      const p = this.map.latLngToContainerPoint([point.lat, point.lng]);
      const d = (p.x - target.x) ** 2 + (p.y - target.y) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = point;
      }
    }
    return best;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Replaces every point (a new scope, or the periodic full refresh). */
  reset(points: readonly CasePoint[]): void {
    // built off the map and put back at once: one redraw instead of one per marker
    const shown = this.map.hasLayer(this.group);
    this.group.remove();
    this.group.clearLayers();
    this.byId.clear();
    for (const p of points) this.add(p);
    if (shown) this.group.addTo(this.map);
  }

  /** A live event: a new case appears, a known one changes colour (and flashes either way). */
  upsert(ev: CaseEvent): void {
    const known = this.byId.get(ev.id);
    const point: CasePoint = {
      id: ev.id,
      code: ev.code,
      lat: ev.lat,
      lng: ev.lng,
      status: ev.status,
      overdue: ev.overdue,
      categoryName: ev.categoryName,
      reportedAt: known?.point.reportedAt ?? ev.at,
    };
    if (known) {
      known.point = point;
      known.marker.setStyle({ fillColor: caseColor(point.status, point.overdue) });
    } else {
      this.add(point);
    }
    this.flash(point);
  }

  private add(p: CasePoint): void {
    const marker = L.circleMarker([p.lat, p.lng], {
      renderer: this.renderer,
      radius: RADIUS,
      stroke: false,
      fillColor: caseColor(p.status, p.overdue),
      fillOpacity: 0.9,
      interactive: false,
    });
    this.byId.set(p.id, { marker, point: p });
    this.group.addLayer(marker);
  }

  private flashes = 0;

  /** A ring that grows and fades where something just happened, drawn on the same canvas. */
  private flash(p: CasePoint): void {
    if (this.flashes >= MAX_FLASHES) return;
    this.flashes++;
    const ring = L.circleMarker([p.lat, p.lng], {
      renderer: this.renderer,
      radius: 6,
      color: caseColor(p.status, p.overdue),
      weight: 2,
      fill: false,
      interactive: false,
    }).addTo(this.map);
    const start = performance.now();
    const step = (now: number) => {
      const k = (now - start) / FRESH_MS;
      if (k >= 1 || !this.map.hasLayer(ring)) {
        ring.remove();
        this.flashes--;
        return;
      }
      ring.setRadius(6 + 18 * (k % 0.5) * 2);
      ring.setStyle({ opacity: 1 - k });
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  remove(): void {
    this.group.remove();
    this.byId.clear();
  }
}
