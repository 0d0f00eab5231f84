// The zoom layers of the city's and a district's screen: zoomed in past a threshold, the township
// outlines, then the community outlines, then the grid outlines appear over the area shapes, with
// the names that fit (name-canvas.ts). Only the shapes in view are drawn, all on one canvas shared by
// the three layers (no DOM node per shape: with 10,000 case points on the map, every DOM node makes
// the map's layout dearer), so a zoomed-in view costs a few hundred shapes at most whatever the size
// of the city; the data is fetched per parent on first need and cached (outline-data.ts). The finest
// layer shown takes the pointer: its shape under the pointer is lit and named in a tooltip, and a
// click drills into it.
import type { FeatureCollection, MultiPolygon } from "geojson";
import L from "leaflet";
import { NameCanvas, type NameLevel, type PlaceName } from "./name-canvas.ts";
import { type BBox, bboxOf, communitiesOf, gridShapesOf, type OutlineShape, townshipsOf } from "./outline-data.ts";

export type OutlineLevel = "township" | "community" | "grid";
const LEVELS: readonly OutlineLevel[] = ["township", "community", "grid"];

/**
 * The zoom from which each layer is drawn: where a typical urban shape is a few tens of pixels wide
 * at Anshan's latitude (townships ~2 km, communities ~600 m, grids ~250 m). Never at or below the
 * zoom the scope was framed at, so that the framed view keeps its own click (drill into a child).
 */
const OUTLINE_ZOOM: Record<OutlineLevel, number> = { township: 10, community: 12.5, grid: 14.5 };

/** How long the map stays still before the layers follow it. */
const SETTLE_MS = 150;

/** A safety cap per layer: the thresholds keep the shapes in view far below it. */
const MAX_SHAPES = 1500;

const STYLE: Record<OutlineLevel, L.PathOptions> = {
  township: { color: "#a8dcff", weight: 1.8, opacity: 0.95 },
  community: { color: "#5fb4ff", weight: 1, opacity: 0.85 },
  grid: { color: "#3d86d6", weight: 0.7, opacity: 0.75, dashArray: "3 3" },
};
const HOVER_FILL = "#7fd3ff";
const HOVER_OPACITY = 0.14;

export interface OutlineScope {
  level: "city" | "district";
  /** the districts whose areas are outlined: the city's children, or the district itself */
  districts: readonly string[];
}

export interface ZoomOutlinesHandlers {
  /** a click on a shape of the finest layer shown */
  onPick(code: string, at: L.LatLng): void;
  /** the name of the (visually hidden) list of the names shown */
  namesLabel: string;
  /** after each update: how many shapes each layer shows, and whose names are shown */
  onShown?(counts: Record<OutlineLevel, number>, names: OutlineLevel | null): void;
}

const meets = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Above the area shapes and below the heat and the case points; the names above the points. */
const OUTLINES_PANE: [string, number] = ["scr-ol", 360];
const NAMES_PANE: [string, number] = ["scr-ol-names", 480];
/** Over the map, beside Leaflet's controls: the layer switches and the legend (MapControls.tsx). */
const MAP_OVERLAYS = ".scr-map-layers, .scr-legend";

function pane(map: L.Map, [name, zIndex]: [string, number]): HTMLElement {
  const existing = map.getPane(name);
  if (existing) return existing;
  const el = map.createPane(name);
  el.style.zIndex = String(zIndex);
  return el;
}

/**
 * The shape under the pointer: lit, and named in one tooltip shared by all shapes, placed once when
 * the pointer enters (placing a tooltip measures it, a forced layout: not at every move).
 */
class Hover {
  private lit: L.Polygon | null = null;
  private readonly tip = L.tooltip({ className: "scr-tip", direction: "top", offset: [0, -8] });

  constructor(private readonly map: L.Map) {}

  enter(shape: L.Polygon, name: string, at: L.LatLng): void {
    if (this.lit !== shape) {
      this.lit?.setStyle({ fillOpacity: 0 });
      this.lit = shape;
      shape.setStyle({ fillOpacity: HOVER_OPACITY });
    }
    this.tip.setContent(name).setLatLng(at);
    if (!this.tip.isOpen()) this.tip.openOn(this.map);
  }

  /** The pointer left `shape` (or, without one, whatever is lit is let go). */
  leave(shape?: L.Polygon): void {
    if (shape && shape !== this.lit) return;
    this.lit?.setStyle({ fillOpacity: 0 });
    this.lit = null;
    this.tip.close();
  }

  /** A lit shape that no longer takes the pointer (a finer layer came) is let go. */
  settle(): void {
    if (this.lit && !this.lit.options.interactive) this.leave();
  }
}

/**
 * One layer's shapes in view, on the canvas the layers share, kept by code so that a move adds and
 * removes only the difference. Shapes are filled (transparent), so that the pointer anywhere inside
 * hits them; only the finest layer shown is interactive — a flag Leaflet's canvas reads at each
 * event, so a change of the finest layer rebuilds nothing.
 */
class LevelLayer {
  private readonly group = L.layerGroup();
  private readonly shown = new Map<string, L.Polygon>();
  /** every shape built so far, by code: one that comes back into view is put back, not rebuilt */
  private readonly built = new Map<string, L.Polygon>();

  constructor(
    private readonly level: OutlineLevel,
    private readonly renderer: L.Canvas,
    private readonly hover: Hover,
    private readonly onPick: (code: string, at: L.LatLng) => void,
  ) {}

  get size(): number {
    return this.shown.size;
  }

  /** Returns whether shapes were added. */
  show(map: L.Map, shapes: readonly OutlineShape[], takesPointer: boolean): boolean {
    const wanted = new Set(shapes.map((s) => s.code));
    for (const [code, layer] of this.shown) {
      if (wanted.has(code)) continue;
      this.hover.leave(layer);
      this.group.removeLayer(layer);
      this.shown.delete(code);
    }
    let added = false;
    for (const s of shapes) {
      if (this.shown.has(s.code)) continue;
      let layer = this.built.get(s.code);
      if (!layer) {
        layer = this.build(s);
        this.built.set(s.code, layer);
      }
      this.group.addLayer(layer);
      this.shown.set(s.code, layer);
      added = true;
    }
    for (const layer of this.shown.values()) layer.options.interactive = takesPointer;
    if (!map.hasLayer(this.group)) this.group.addTo(map);
    return added;
  }

  /** Drawn over the finer layers' strokes (where borders coincide, the coarser one shows). */
  toFront(): void {
    for (const layer of this.shown.values()) layer.bringToFront();
  }

  clear(): void {
    for (const layer of this.shown.values()) this.hover.leave(layer);
    this.group.clearLayers();
    this.shown.clear();
  }

  private build(s: OutlineShape): L.Polygon {
    const latlngs = L.GeoJSON.coordsToLatLngs(s.geometry.coordinates, 2) as L.LatLng[][][];
    const layer = L.polygon(latlngs, {
      ...STYLE[this.level],
      pane: OUTLINES_PANE[0],
      renderer: this.renderer,
      fill: true,
      fillColor: HOVER_FILL,
      fillOpacity: 0,
    });
    layer.on("mouseover", (e: L.LeafletMouseEvent) => this.hover.enter(layer, s.name, e.latlng));
    layer.on("mouseout", () => this.hover.leave(layer));
    layer.on("click", (e: L.LeafletMouseEvent) => this.onPick(s.code, e.latlng));
    return layer;
  }
}

export class ZoomOutlines {
  private scope: OutlineScope | null = null;
  private scopeKey = "";
  private baseZoom: number | null = null;
  private readonly districtBoxes = new Map<string, BBox>();
  private generation = 0;
  private readonly layers: Record<OutlineLevel, LevelLayer>;
  private readonly hover: Hover;
  private readonly labels: NameCanvas;
  /** the canvas takes the pointer only while a layer is shown (else clicks reach the shapes below) */
  private readonly pane: HTMLElement;
  /** the coarsest level whose names are offered (for the stylesheet: the names below step aside) */
  private names: OutlineLevel | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * An update waits until the map has been still for a moment: a few wheel steps or a drag followed by
   * a zoom are one update, run after the gesture rather than between its steps.
   */
  private readonly refresh = () => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), SETTLE_MS);
  };
  private readonly hold = () => clearTimeout(this.timer);

  constructor(
    private readonly map: L.Map,
    private readonly handlers: ZoomOutlinesHandlers,
  ) {
    const pick = (code: string, at: L.LatLng) => this.handlers.onPick(code, at);
    this.pane = pane(map, OUTLINES_PANE);
    this.pane.classList.add("scr-ol-passive");
    const renderer = L.canvas({ pane: OUTLINES_PANE[0], padding: 0.1 });
    this.hover = new Hover(map);
    this.layers = {
      township: new LevelLayer("township", renderer, this.hover, pick),
      community: new LevelLayer("community", renderer, this.hover, pick),
      grid: new LevelLayer("grid", renderer, this.hover, pick),
    };
    pane(map, NAMES_PANE);
    this.labels = new NameCanvas(NAMES_PANE[0], handlers.namesLabel, MAP_OVERLAYS).addTo(map);
    map.on("moveend", this.refresh);
    map.on("movestart zoomstart", this.hold);
  }

  /** The district outlines: which districts are in view decides whose townships are fetched. */
  setDistricts(fc: FeatureCollection | null): void {
    this.districtBoxes.clear();
    for (const f of fc?.features ?? []) {
      const code = f.properties?.code;
      if (typeof code === "string" && f.geometry.type === "MultiPolygon") {
        this.districtBoxes.set(code, bboxOf(f.geometry as MultiPolygon));
      }
    }
    this.refresh();
  }

  setNamesLabel(label: string): void {
    this.labels.setListLabel(label);
  }

  /** What to outline (null: nothing, e.g. below district level or in emergency mode) and the framed zoom. */
  setScope(scope: OutlineScope | null, baseZoom: number | null): void {
    const key = scope ? `${scope.level}:${scope.districts.join(",")}` : "";
    if (key !== this.scopeKey) {
      this.scopeKey = key;
      this.clear();
    }
    this.scope = scope;
    this.baseZoom = baseZoom;
    this.refresh();
  }

  destroy(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.map.off("moveend", this.refresh);
    this.map.off("movestart zoomstart", this.hold);
    this.clear();
    this.labels.remove();
  }

  private clear(): void {
    this.hover.leave();
    this.pane.classList.add("scr-ol-passive");
    for (const level of LEVELS) this.layers[level].clear();
    this.labels.setNames([]);
    this.names = null;
    this.report();
  }

  private report(): void {
    const counts = {
      township: this.layers.township.size,
      community: this.layers.community.size,
      grid: this.layers.grid.size,
    };
    this.handlers.onShown?.(counts, this.names);
  }

  private wanted(level: OutlineLevel, zoom: number): boolean {
    if (!this.scope || this.baseZoom === null) return false;
    return zoom >= Math.max(OUTLINE_ZOOM[level], this.baseZoom + 0.25);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const scope = this.scope;
    const zoom = this.map.getZoom();
    const levels = LEVELS.filter((l) => this.wanted(l, zoom));
    if (!scope || !levels.length) {
      this.clear();
      return;
    }
    const b = this.map.getBounds().pad(0.1);
    const view: BBox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    const inView = (shapes: OutlineShape[][]) =>
      shapes
        .flat()
        .filter((s) => meets(s.bbox, view))
        .slice(0, MAX_SHAPES);
    const districts = scope.districts.filter((d) => {
      const box = this.districtBoxes.get(d);
      return box ? meets(box, view) : false;
    });
    const townships = inView(await Promise.all(districts.map((d) => townshipsOf(d).catch(() => []))));
    const load = (fn: (code: string) => Promise<OutlineShape[]>) =>
      Promise.all(townships.map((t) => fn(t.code).catch(() => [] as OutlineShape[]))).then(inView);
    const [communities, grids] = await Promise.all([
      levels.includes("community") ? load(communitiesOf) : [],
      levels.includes("grid") ? load(gridShapesOf) : [],
    ]);
    // a newer move (or a new scope) has started meanwhile: its update draws
    if (generation !== this.generation) return;
    const shapes: Record<OutlineLevel, OutlineShape[]> = { township: townships, community: communities, grid: grids };
    const finest = levels[levels.length - 1];
    // finest first: a coarser layer's new shapes are drawn over the finer ones' strokes
    let finerAdded = false;
    for (const level of [...LEVELS].reverse()) {
      const layer = this.layers[level];
      if (!levels.includes(level)) {
        layer.clear();
        continue;
      }
      if (finerAdded) layer.toFront();
      if (layer.show(this.map, shapes[level], level === finest)) finerAdded = true;
    }
    this.hover.settle();
    this.pane.classList.remove("scr-ol-passive");
    this.placeNames(scope.level, levels, shapes);
    this.report();
  }

  /**
   * The names offered to the name canvas, which paints those that fit: the townships' on the city's
   * screen (a district's screen names them already) until the communities appear, then the
   * communities', and with the grids theirs too, after the communities' (which win where both would
   * not fit) and without the community's name they start with ("解放社区第01网格" → "第01网格").
   */
  private placeNames(
    scopeLevel: OutlineScope["level"],
    levels: readonly OutlineLevel[],
    shapes: Record<OutlineLevel, OutlineShape[]>,
  ): void {
    const named: NameLevel[] = levels.includes("community")
      ? levels.filter((l) => l !== "township")
      : scopeLevel === "city"
        ? ["township"]
        : [];
    this.names = named[0] ?? null;
    const communityNames = new Map(shapes.community.map((c) => [c.code, c.name]));
    const names: PlaceName[] = named.flatMap((level) =>
      shapes[level].map((s) => {
        const parent = level === "grid" ? communityNames.get(s.parentCode) : undefined;
        const text =
          parent && s.name.length > parent.length && s.name.startsWith(parent) ? s.name.slice(parent.length) : s.name;
        return { at: [s.labelAt[1], s.labelAt[0]], text, name: s.name, level, bbox: s.bbox } satisfies PlaceName;
      }),
    );
    this.labels.setNames(names);
  }
}
