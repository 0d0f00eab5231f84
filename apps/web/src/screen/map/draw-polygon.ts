// Drawing an incident's area on the map without a plugin: each click adds a vertex, a double click
// (or the form's finish button) closes the polygon. Double-click zoom is off while drawing, and the
// two clicks that make up a double click do not leave duplicate vertices behind.
import L from "leaflet";

export type Vertex = { lat: number; lng: number };

const STYLE = { color: "#ff4d4f", weight: 2, dashArray: "6 4", fillColor: "#ff4d4f", fillOpacity: 0.12 };

export class PolygonDrawer {
  private vertices: Vertex[] = [];
  private readonly layer = L.layerGroup();
  private closed = false;

  constructor(
    private readonly map: L.Map,
    private readonly onChange: (vertices: Vertex[], closed: boolean) => void,
  ) {}

  start(initial: Vertex[] = [], closed = false): void {
    this.vertices = [...initial];
    this.closed = closed;
    this.map.doubleClickZoom.disable();
    this.map.on("click", this.add, this);
    this.map.on("dblclick", this.finishByDoubleClick, this);
    this.map.getContainer().classList.add("scr-drawing");
    this.layer.addTo(this.map);
    this.render();
  }

  stop(): void {
    this.map.off("click", this.add, this);
    this.map.off("dblclick", this.finishByDoubleClick, this);
    this.map.doubleClickZoom.enable();
    this.map.getContainer().classList.remove("scr-drawing");
    this.layer.remove();
  }

  private add(e: L.LeafletMouseEvent): void {
    if (this.closed) return;
    this.vertices.push({ lat: e.latlng.lat, lng: e.latlng.lng });
    this.render();
    this.onChange([...this.vertices], false);
  }

  private finishByDoubleClick(): void {
    // the double click's own clicks added the same point (or two within a few pixels) twice
    const near = (a: Vertex, b: Vertex) =>
      this.map.latLngToContainerPoint([a.lat, a.lng]).distanceTo(this.map.latLngToContainerPoint([b.lat, b.lng])) < 6;
    const kept: Vertex[] = [];
    for (const v of this.vertices) {
      const last = kept[kept.length - 1];
      if (!last || !near(last, v)) kept.push(v);
    }
    this.vertices = kept;
    this.finish();
  }

  /** Closes the polygon when it has at least three vertices; returns whether it did. */
  finish(): boolean {
    if (this.vertices.length < 3) {
      this.render();
      this.onChange([...this.vertices], false);
      return false;
    }
    this.closed = true;
    this.render();
    this.onChange([...this.vertices], true);
    return true;
  }

  undo(): void {
    if (this.closed) this.closed = false;
    else this.vertices.pop();
    this.render();
    this.onChange([...this.vertices], this.closed);
  }

  clear(): void {
    this.vertices = [];
    this.closed = false;
    this.render();
    this.onChange([], false);
  }

  private render(): void {
    this.layer.clearLayers();
    const pts = this.vertices.map((v) => L.latLng(v.lat, v.lng));
    if (this.closed) L.polygon(pts, { ...STYLE, interactive: false }).addTo(this.layer);
    else if (pts.length > 1) L.polyline(pts, { ...STYLE, interactive: false }).addTo(this.layer);
    for (const p of pts) {
      L.circleMarker(p, {
        radius: 4,
        color: "#fff",
        weight: 1,
        fillColor: "#ff4d4f",
        fillOpacity: 1,
        interactive: false,
      }).addTo(this.layer);
    }
  }
}
