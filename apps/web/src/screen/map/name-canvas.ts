// The zoom layers' area names, painted on one canvas over the case points instead of one DOM label
// each: Leaflet measures every tooltip it places (a forced layout) at each zoom, and with a hundred
// positioned labels in the map that layout made every zoom step stutter with 10,000 points on. The
// names shown are also listed, visually hidden, for screen readers (and tests): the canvas is mute.
import L from "leaflet";

export interface PlaceName {
  /** [lat, lng] */
  at: L.LatLngTuple;
  text: string;
  level: "township" | "community";
}

/** The labels' look, as the area names of the shapes layer (screen-map.css .scr-label). */
const FONT: Record<PlaceName["level"], { font: string; color: string }> = {
  township: { font: "600 14px", color: "#e6f4ff" },
  community: { font: "500 12px", color: "#bfe3ff" },
};

export class NameCanvas extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private list: HTMLUListElement | null = null;
  private names: readonly PlaceName[] = [];
  private family = "sans-serif";

  constructor(
    private readonly pane: string,
    private listLabel: string,
  ) {
    super();
  }

  setListLabel(label: string): this {
    this.listLabel = label;
    this.list?.setAttribute("aria-label", label);
    return this;
  }

  setNames(names: readonly PlaceName[]): this {
    this.names = names;
    if (this._map) {
      this.redraw();
      this.relist();
    }
    return this;
  }

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create("canvas", "scr-ol-names leaflet-zoom-animated") as HTMLCanvasElement;
    canvas.style.pointerEvents = "none";
    map.getPane(this.pane)?.appendChild(canvas);
    this.canvas = canvas;
    const list = L.DomUtil.create("ul", "scr-sr-only", map.getContainer()) as HTMLUListElement;
    list.dataset.testid = "outline-names";
    list.setAttribute("aria-label", this.listLabel);
    this.list = list;
    this.family = getComputedStyle(map.getContainer()).fontFamily || this.family;
    this.redraw();
    this.relist();
    return this;
  }

  override onRemove(): this {
    this.canvas?.remove();
    this.list?.remove();
    this.canvas = null;
    this.list = null;
    return this;
  }

  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    return { moveend: this.redraw, zoomanim: this.animateZoom as L.LeafletEventHandlerFn, resize: this.redraw };
  }

  /** During the zoom animation the last picture is scaled like Leaflet's own layers (as heat-layer.ts). */
  private animateZoom(e: L.ZoomAnimEvent): void {
    if (!this.canvas || !this._map) return;
    const map = this._map as L.Map & { _getCenterOffset(c: L.LatLng): L.Point; _getMapPanePos(): L.Point };
    const scale = map.getZoomScale(e.zoom);
    const offset = map._getCenterOffset(e.center).multiplyBy(-scale).subtract(map._getMapPanePos());
    L.DomUtil.setTransform(this.canvas, offset, scale);
  }

  private redraw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.x * ratio);
    canvas.height = Math.round(size.y * ratio);
    canvas.style.width = `${size.x}px`;
    canvas.style.height = `${size.y}px`;
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(0, 0, 0, 0.8)";
    for (const n of this.names) {
      const p = map.latLngToContainerPoint(n.at);
      if (p.x < -100 || p.y < -20 || p.x > size.x + 100 || p.y > size.y + 20) continue;
      const look = FONT[n.level];
      ctx.font = `${look.font} ${this.family}`;
      // a dark halo keeps the name readable over bright points and fills
      ctx.strokeText(n.text, p.x, p.y);
      ctx.fillStyle = look.color;
      ctx.fillText(n.text, p.x, p.y);
    }
  }

  private relist(): void {
    const list = this.list;
    if (!list) return;
    const items = this.names.map((n) => {
      const li = document.createElement("li");
      li.dataset.level = n.level;
      li.textContent = n.text;
      return li;
    });
    list.replaceChildren(...items);
  }
}
