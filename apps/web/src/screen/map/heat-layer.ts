// A small canvas heat layer (no plugin): every cell is stamped as a blurred grey disc whose opacity
// is its weight, then the alpha channel is coloured through a blue → yellow → red ramp. Redrawn after
// each pan or zoom; during the zoom animation the last picture is scaled like Leaflet's own layers.
import L from "leaflet";
import type { HeatCell } from "../types.ts";

const RAMP: [number, string][] = [
  [0.2, "#1d39c4"],
  [0.45, "#13c2c2"],
  [0.65, "#a0d911"],
  [0.8, "#fadb14"],
  [1, "#f5222d"],
];

function palette(): Uint8ClampedArray {
  const c = document.createElement("canvas");
  c.width = 256;
  c.height = 1;
  const ctx = c.getContext("2d") as CanvasRenderingContext2D;
  const g = ctx.createLinearGradient(0, 0, 256, 0);
  for (const [stop, color] of RAMP) g.addColorStop(stop, color);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 256, 1);
  return ctx.getImageData(0, 0, 256, 1).data;
}

function stamp(radius: number): HTMLCanvasElement {
  const blur = radius * 0.6;
  const c = document.createElement("canvas");
  const size = (radius + blur) * 2;
  c.width = size;
  c.height = size;
  const ctx = c.getContext("2d") as CanvasRenderingContext2D;
  // the disc is drawn far off-canvas and only its shadow lands on it: a cheap Gaussian blur
  ctx.shadowOffsetX = size * 2;
  ctx.shadowBlur = blur;
  ctx.shadowColor = "black";
  ctx.beginPath();
  ctx.arc(-size * 1.5, size / 2, radius, 0, Math.PI * 2);
  ctx.fill();
  return c;
}

export class HeatLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private cells: readonly HeatCell[] = [];
  private colors: Uint8ClampedArray | null = null;
  private stamps = new Map<number, HTMLCanvasElement>();

  setCells(cells: readonly HeatCell[]): this {
    this.cells = cells;
    if (this._map) this.redraw();
    return this;
  }

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create("canvas", "scr-heat leaflet-zoom-animated") as HTMLCanvasElement;
    canvas.style.pointerEvents = "none";
    this.canvas = canvas;
    map.getPane("scr-heat")?.appendChild(canvas);
    this.redraw();
    return this;
  }

  override onRemove(): this {
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    return { moveend: this.redraw, zoomanim: this.animateZoom as L.LeafletEventHandlerFn, resize: this.redraw };
  }

  private animateZoom(e: L.ZoomAnimEvent): void {
    if (!this.canvas || !this._map) return;
    const map = this._map as L.Map & { _getCenterOffset(c: L.LatLng): L.Point; _getMapPanePos(): L.Point };
    const scale = map.getZoomScale(e.zoom);
    const offset = map._getCenterOffset(e.center).multiplyBy(-scale).subtract(map._getMapPanePos());
    L.DomUtil.setTransform(this.canvas, offset, scale);
  }

  /** Disc radius in pixels: cells are grid centroids, so the disc grows with the zoom like a grid does. */
  private radius(zoom: number): number {
    return Math.round(Math.min(70, Math.max(9, 16 * 1.55 ** (zoom - 10))));
  }

  private redraw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    canvas.width = size.x;
    canvas.height = size.y;
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    if (!ctx || !this.cells.length) return;
    const r = this.radius(map.getZoom());
    let disc = this.stamps.get(r);
    if (!disc) {
      disc = stamp(r);
      this.stamps.set(r, disc);
    }
    const half = disc.width / 2;
    // the 95th percentile, so one busy grid does not wash out every other one
    const sorted = this.cells.map((c) => c.weight).sort((a, b) => a - b);
    const max = Math.max(1, sorted[Math.floor(sorted.length * 0.95)] ?? 1);
    const bounds = map.getBounds().pad(0.2);
    for (const c of this.cells) {
      if (!bounds.contains([c.lat, c.lng])) continue;
      const p = map.latLngToContainerPoint([c.lat, c.lng]);
      ctx.globalAlpha = Math.min(1, Math.max(0.06, c.weight / max));
      ctx.drawImage(disc, p.x - half, p.y - half);
    }
    this.colors ??= palette();
    const image = ctx.getImageData(0, 0, size.x, size.y);
    const px = image.data;
    for (let i = 3; i < px.length; i += 4) {
      const a = px[i] as number;
      if (!a) continue;
      const j = a * 4;
      px[i - 3] = this.colors[j] as number;
      px[i - 2] = this.colors[j + 1] as number;
      px[i - 1] = this.colors[j + 2] as number;
      px[i] = Math.min(255, a * 1.2);
    }
    ctx.putImageData(image, 0, 0);
  }
}
