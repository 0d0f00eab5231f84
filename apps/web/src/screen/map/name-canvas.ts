// The zoom layers' area names, painted on one canvas over the case points instead of one DOM label
// each: Leaflet measures every tooltip it places (a forced layout) at each zoom, and with a hundred
// positioned labels in the map that layout made every zoom step stutter with 10,000 points on.
// At each redraw a name is painted only where it fits inside its shape and clear of the names
// already painted, in order of importance (coarser levels first, then larger shapes), so that zooming
// in brings names in as room appears instead of piling them up; none goes under what lies over the
// map (its controls, the legend). The names painted are also listed, visually hidden, for screen
// readers (and tests): the canvas is mute.
import L from "leaflet";
import type { BBox } from "./outline-data.ts";

export type NameLevel = "township" | "community" | "grid";

export interface PlaceName {
  /** [lat, lng] */
  at: L.LatLngTuple;
  /** what is painted (a grid's name without its community's, which is painted nearby) */
  text: string;
  /** the full name, listed */
  name: string;
  level: NameLevel;
  /** the shape's box: the name is painted only when the shape is wider and taller on screen */
  bbox: BBox;
}

/** The labels' look: townships as the area names of the shapes layer (screen-map.css .scr-label). */
const LOOK: Record<NameLevel, { font: string; size: number; color: string; rank: number }> = {
  township: { font: "600 14px", size: 14, color: "#e6f4ff", rank: 0 },
  community: { font: "500 13px", size: 13, color: "#bfe3ff", rank: 1 },
  grid: { font: "400 12px", size: 12, color: "#8ec5f2", rank: 2 },
};
/** The room kept around a name: from its shape's edges, and from other names. */
const MARGIN = 6;
const GAP = 4;

type Rect = [x0: number, y0: number, x1: number, y1: number];

export class NameCanvas extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private list: HTMLUListElement | null = null;
  private names: readonly PlaceName[] = [];
  /** the boxes of what lies over the map, in map pixels: measured when names come, not at each move */
  private covered: Rect[] = [];
  private listed = "";
  private family = "sans-serif";
  /** text widths by font and text: measuring is the dear part of placing a name */
  private readonly widths = new Map<string, number>();

  /**
   * @param covers what lies over the map besides Leaflet's controls: a selector searched in the map
   * container's parent
   */
  constructor(
    private readonly pane: string,
    private listLabel: string,
    private readonly covers: string,
  ) {
    super();
  }

  setListLabel(label: string): this {
    this.listLabel = label;
    this.list?.setAttribute("aria-label", label);
    return this;
  }

  setNames(names: readonly PlaceName[]): this {
    const area = (b: BBox) => (b[2] - b[0]) * (b[3] - b[1]);
    this.names = [...names].sort((a, b) => LOOK[a.level].rank - LOOK[b.level].rank || area(b.bbox) - area(a.bbox));
    if (names.length) this.measureCovers();
    this.redraw();
    return this;
  }

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create("canvas", "leaflet-zoom-animated") as HTMLCanvasElement;
    canvas.style.pointerEvents = "none";
    map.getPane(this.pane)?.appendChild(canvas);
    this.canvas = canvas;
    const list = L.DomUtil.create("ul", "scr-sr-only", map.getContainer()) as HTMLUListElement;
    list.dataset.testid = "outline-names";
    list.setAttribute("aria-label", this.listLabel);
    this.list = list;
    this.listed = "";
    this.family = getComputedStyle(map.getContainer()).fontFamily || this.family;
    this.widths.clear();
    this.redraw();
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
    return { moveend: this.redraw, zoomanim: this.animateZoom as L.LeafletEventHandlerFn, resize: this.resized };
  }

  private resized(): void {
    this.measureCovers();
    this.redraw();
  }

  /** During the zoom animation the last picture is scaled like Leaflet's own layers (as heat-layer.ts). */
  private animateZoom(e: L.ZoomAnimEvent): void {
    if (!this.canvas || !this._map) return;
    const map = this._map as L.Map & { _getCenterOffset(c: L.LatLng): L.Point; _getMapPanePos(): L.Point };
    const scale = map.getZoomScale(e.zoom);
    const offset = map._getCenterOffset(e.center).multiplyBy(-scale).subtract(map._getMapPanePos());
    L.DomUtil.setTransform(this.canvas, offset, scale);
  }

  /** (a forced layout: once per update of the names or resize, never at a move) */
  private measureCovers(): void {
    const box = this._map?.getContainer();
    if (!box) return;
    const origin = box.getBoundingClientRect();
    const els = [
      ...box.querySelectorAll(".leaflet-control"),
      ...(box.parentElement?.querySelectorAll(this.covers) ?? []),
    ];
    this.covered = [];
    for (const el of els) {
      const r = el.getBoundingClientRect();
      if (r.width && r.height) {
        this.covered.push([r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top]);
      }
    }
  }

  private widthOf(ctx: CanvasRenderingContext2D, n: PlaceName): number {
    const key = `${n.level}:${n.text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = ctx.measureText(n.text).width;
      this.widths.set(key, w);
    }
    return w;
  }

  private redraw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(size.x * ratio);
    const height = Math.round(size.y * ratio);
    // resized only when the map is (a resize reallocates the canvas); else cleared
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    // (also undoes the zoom animation's scale)
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    // a dark halo keeps the name readable over bright points and fills
    ctx.strokeStyle = "rgba(0, 0, 0, 0.8)";
    const placed: Rect[] = [...this.covered];
    const painted: PlaceName[] = [];
    let font = "";
    for (const n of this.names) {
      const p = map.latLngToContainerPoint(n.at);
      if (p.x < 0 || p.y < 0 || p.x > size.x || p.y > size.y) continue;
      const look = LOOK[n.level];
      if (font !== look.font) {
        font = look.font;
        ctx.font = `${font} ${this.family}`;
      }
      const w = this.widthOf(ctx, n);
      const sw = map.latLngToContainerPoint([n.bbox[1], n.bbox[0]]);
      const ne = map.latLngToContainerPoint([n.bbox[3], n.bbox[2]]);
      if (ne.x - sw.x < w + 2 * MARGIN || sw.y - ne.y < look.size + 2 * MARGIN) continue;
      // whole on the map (a name cut by the map's edge reads as another name)
      const hx = w / 2;
      const hy = look.size / 2;
      if (p.x - hx < GAP || p.y - hy < GAP || p.x + hx > size.x - GAP || p.y + hy > size.y - GAP) continue;
      const r: Rect = [p.x - hx - GAP, p.y - hy - GAP, p.x + hx + GAP, p.y + hy + GAP];
      if (placed.some((q) => r[0] < q[2] && q[0] < r[2] && r[1] < q[3] && q[1] < r[3])) continue;
      placed.push(r);
      painted.push(n);
      ctx.strokeText(n.text, p.x, p.y);
      ctx.fillStyle = look.color;
      ctx.fillText(n.text, p.x, p.y);
    }
    this.relist(painted);
  }

  /** The list follows the names painted; rewritten only when they change. */
  private relist(painted: readonly PlaceName[]): void {
    const list = this.list;
    const key = painted.map((n) => `${n.level}:${n.name}`).join("\n");
    if (!list || key === this.listed) return;
    this.listed = key;
    const items = painted.map((n) => {
      const li = document.createElement("li");
      li.dataset.level = n.level;
      li.textContent = n.name;
      return li;
    });
    list.replaceChildren(...items);
  }
}
