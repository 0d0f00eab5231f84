// The zoom layers of the city's and a district's screen: zoomed in past a threshold, the township
// outlines (named where the name fits), then the community outlines, then the grid outlines appear
// over the area shapes. Only the shapes in view are drawn, each layer on one canvas (no DOM node per
// shape: with 10,000 case points on the map, every DOM node makes the map's layout, forced by each
// label Leaflet places, dearer), so a zoomed-in view costs a few dozen shapes whatever the size of
// the city; the data is fetched per parent on first need and cached (outline-data.ts). The finest
// layer shown takes the clicks: a click drills into the shape under the pointer.
import type { FeatureCollection, MultiPolygon } from "geojson";
import L from "leaflet";
import { type BBox, bboxOf, communitiesOf, gridShapesOf, type OutlineShape, townshipsOf } from "./outline-data.ts";

export type OutlineLevel = "township" | "community" | "grid";
const LEVELS: readonly OutlineLevel[] = ["township", "community", "grid"];

/**
 * The zoom from which each layer is drawn: where a typical urban shape is a few tens of pixels wide
 * at Anshan's latitude (townships ~2 km, communities ~600 m, grids ~250 m). Never at or below the
 * zoom the scope was framed at, so that the framed view keeps its own click (drill into a child).
 */
export const OUTLINE_ZOOM: Record<OutlineLevel, number> = { township: 10, community: 12.5, grid: 14.5 };

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
/** label font sizes (screen-map.css), for "does the name fit in the shape" */
const CHAR_PX: Record<OutlineLevel, number> = { township: 14, community: 12, grid: 12 };

export interface OutlineScope {
  level: "city" | "district";
  /** the districts whose areas are outlined: the city's children, or the district itself */
  districts: readonly string[];
}

export interface ZoomOutlinesHandlers {
  /** a click on a shape of the finest layer shown */
  onPick(code: string, at: L.LatLng): void;
  /** after each update: how many shapes each layer shows, and whose names are shown */
  onShown?(counts: Record<OutlineLevel, number>, names: OutlineLevel | null): void;
}

const meets = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Panes above the area shapes and below the heat and the case points; the names above the points. */
const PANE: Record<OutlineLevel, [name: string, zIndex: number]> = {
  township: ["scr-ol-township", 360],
  community: ["scr-ol-community", 361],
  grid: ["scr-ol-grid", 362],
};
const NAMES_PANE: [string, number] = ["scr-ol-names", 480];

function pane(map: L.Map, [name, zIndex]: [string, number]): HTMLElement {
  const existing = map.getPane(name);
  if (existing) return existing;
  const el = map.createPane(name);
  el.style.zIndex = String(zIndex);
  el.classList.add("scr-ol-pane");
  return el;
}

/**
 * One layer, on its own canvas in its own pane: its shapes in view, kept by code so that a move adds
 * and removes only the difference. Every shape is interactive (filled, transparent, so that a click
 * anywhere inside hits it); the canvas of a layer that is not the finest shown lets the pointer
 * through (a class on its pane, screen-map.css), so that a change of the finest layer rebuilds nothing.
 */
class LevelLayer {
  readonly group = L.layerGroup();
  private readonly shown = new Map<string, L.Polygon>();
  /** every shape built so far, by code: one that comes back into view is put back, not rebuilt */
  private readonly built = new Map<string, L.Polygon>();
  private readonly pane: HTMLElement;
  private readonly renderer: L.Canvas;

  constructor(
    map: L.Map,
    private readonly level: OutlineLevel,
    private readonly onPick: (code: string, at: L.LatLng) => void,
  ) {
    this.pane = pane(map, PANE[level]);
    this.pane.classList.add("scr-ol-passive");
    this.renderer = L.canvas({ pane: PANE[level][0], padding: 0.1 });
  }

  get size(): number {
    return this.shown.size;
  }

  show(map: L.Map, shapes: readonly OutlineShape[], takesClicks: boolean): void {
    this.pane.classList.toggle("scr-ol-passive", !takesClicks);
    const wanted = new Set(shapes.map((s) => s.code));
    for (const [code, layer] of this.shown) {
      if (wanted.has(code)) continue;
      this.group.removeLayer(layer);
      this.shown.delete(code);
    }
    for (const s of shapes) {
      if (this.shown.has(s.code)) continue;
      let layer = this.built.get(s.code);
      if (!layer) {
        layer = this.build(s);
        this.built.set(s.code, layer);
      }
      this.group.addLayer(layer);
      this.shown.set(s.code, layer);
    }
    if (!map.hasLayer(this.group)) this.group.addTo(map);
  }

  clear(): void {
    this.pane.classList.add("scr-ol-passive");
    this.group.clearLayers();
    this.shown.clear();
  }

  private build(s: OutlineShape): L.Polygon {
    const latlngs = L.GeoJSON.coordsToLatLngs(s.geometry.coordinates, 2) as L.LatLng[][][];
    const layer = L.polygon(latlngs, {
      ...STYLE[this.level],
      pane: PANE[this.level][0],
      renderer: this.renderer,
      fill: true,
      fillColor: HOVER_FILL,
      fillOpacity: 0,
    });
    // placed once when the pointer enters, not at every move: placing a tooltip measures it (a
    // forced layout)
    layer.bindTooltip(s.name, { className: "scr-tip" });
    layer.on("mouseover", () => layer.setStyle({ fillOpacity: 0.14 }));
    layer.on("mouseout", () => layer.setStyle({ fillOpacity: 0 }));
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
  private readonly labels = L.layerGroup();
  private readonly labelMarkers = new Map<string, L.Marker>();
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
    this.layers = {
      township: new LevelLayer(map, "township", pick),
      community: new LevelLayer(map, "community", pick),
      grid: new LevelLayer(map, "grid", pick),
    };
    pane(map, NAMES_PANE);
    this.labels.addTo(map);
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
    for (const level of LEVELS) this.layers[level].clear();
    this.labels.clearLayers();
    this.labelMarkers.clear();
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
    for (const level of LEVELS) {
      if (levels.includes(level)) this.layers[level].show(this.map, shapes[level], level === finest);
      else this.layers[level].clear();
    }
    // names: the townships' on the city's screen (a district's screen names them already), until the
    // communities appear; then the communities'
    const named: OutlineLevel | null = levels.includes("community")
      ? "community"
      : scope.level === "city"
        ? "township"
        : null;
    this.placeLabels(named, named ? shapes[named] : []);
    this.report();
  }

  /**
   * A name where it fits (the shape is wider on screen than the name). Names are markers with a
   * text icon, not tooltips: a tooltip measures itself (a forced layout) each time it is placed,
   * which with dozens of names and 10,000 points on the map made every move stutter. The names on
   * the map stay; a move adds and removes only the difference.
   */
  private placeLabels(level: OutlineLevel | null, shapes: readonly OutlineShape[]): void {
    this.names = level;
    const wanted = new Set<string>();
    for (const s of level ? shapes : []) {
      if (!s.labelAt || !level) continue;
      const west = this.map.latLngToContainerPoint([s.bbox[1], s.bbox[0]]);
      const east = this.map.latLngToContainerPoint([s.bbox[3], s.bbox[2]]);
      if (east.x - west.x < s.name.length * CHAR_PX[level] + 12) continue;
      const key = `${level}:${s.code}`;
      wanted.add(key);
      if (this.labelMarkers.has(key)) continue;
      const text = document.createElement("span");
      text.textContent = s.name;
      const marker = L.marker([s.labelAt[1], s.labelAt[0]], {
        pane: NAMES_PANE[0],
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: `scr-ol-label scr-ol-label-${level}`, html: text, iconSize: [0, 0] }),
      });
      this.labelMarkers.set(key, marker);
      this.labels.addLayer(marker);
    }
    for (const [key, marker] of this.labelMarkers) {
      if (wanted.has(key)) continue;
      this.labels.removeLayer(marker);
      this.labelMarkers.delete(key);
    }
  }
}
