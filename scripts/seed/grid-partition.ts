// Deterministic generator of grid (网格) boundaries for one district.
// No public grid boundaries exist, so the real district outline is tiled by a weighted k-d partition:
// sample points are drawn with a density that peaks at the district's urban core, the bounding box is
// bisected at sample quantiles so every unit gets area in proportion to its grid count, and each leaf
// rectangle is clipped to the outline. Leaves tile the bbox exactly, so the clipped grids tile the district.
import pointInPolygon from "point-in-polygon-hao";
import polygonClipping from "polygon-clipping";

export type Position = [number, number];
export type Ring = Position[];
export type Polygon = Ring[];
export type MultiPolygon = Polygon[];
export type Rect = [minX: number, minY: number, maxX: number, maxY: number];

/** Node of the township → community → grid hierarchy; a node without children is one grid. */
export interface PartitionNode {
  id: string;
  /** 0..1: urban units are steered towards the district core. */
  urban: number;
  children: PartitionNode[];
}

export interface PartitionOptions {
  seed: number;
  /** District government seat, [lng, lat]. */
  core: Position;
  coreSigmaKm: number;
  /** Share of the district's grids that belong in the dense core (0 disables the core density). */
  coreShare: number;
  pointsPerGrid?: number;
  cellMeters?: number;
}

export interface GridPiece {
  id: string;
  rect: Rect;
  coordinates: MultiPolygon;
}

const EARTH_RADIUS_M = 6_371_008.8;
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;
const MIN_POINTS_PER_LEAF = 10;

export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Small seeded PRNG (mulberry32): the output must be identical on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function insideMultiPolygon(mp: MultiPolygon, x: number, y: number): boolean {
  for (const poly of mp) if (pointInPolygon([x, y], poly) === true) return true;
  return false;
}

/** Spherical ring area in km² (signed; CCW positive), the usual GIS approximation. */
export function ringAreaKm2(ring: Ring): number {
  const d = Math.PI / 180;
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i] as Position;
    const q = ring[i + 1] as Position;
    a += (q[0] - p[0]) * d * (Math.sin(p[1] * d) + Math.sin(q[1] * d));
  }
  return (a * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2 / 1e6;
}

export function multiPolygonAreaKm2(mp: MultiPolygon): number {
  let s = 0;
  for (const poly of mp) {
    poly.forEach((ring, i) => {
      s += i === 0 ? Math.abs(ringAreaKm2(ring)) : -Math.abs(ringAreaKm2(ring));
    });
  }
  return s;
}

export function bboxOf(mp: MultiPolygon): Rect {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of mp) {
    for (const [x, y] of poly[0] ?? []) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return [x0, y0, x1, y1];
}

/** Round to 6 decimals and drop what rounding degenerates (repeated points, zero-area rings). */
export function roundMultiPolygon(mp: MultiPolygon): MultiPolygon {
  const out: MultiPolygon = [];
  for (const poly of mp) {
    const rings: Ring[] = [];
    for (const [ri, ring] of poly.entries()) {
      const r: Ring = [];
      for (const [x, y] of ring) {
        const p: Position = [round6(x), round6(y)];
        const last = r[r.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) r.push(p);
      }
      const first = r[0];
      const last = r[r.length - 1];
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) r.push([first[0], first[1]]);
      const ok = r.length >= 4 && ringAreaKm2(r) !== 0;
      if (!ok && ri === 0) break; // outer ring vanished: the whole polygon goes
      if (ok) rings.push(r);
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

function leafCount(node: PartitionNode, memo: Map<PartitionNode, number>): number {
  let n = memo.get(node);
  if (n === undefined) {
    n = node.children.length === 0 ? 1 : node.children.reduce((s, c) => s + leafCount(c, memo), 0);
    memo.set(node, n);
  }
  return n;
}

const byUrbanThenId = (a: PartitionNode, b: PartitionNode): number =>
  b.urban - a.urban || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface Samples {
  xs: Float64Array;
  ys: Float64Array;
}

/** Importance sampling: point density ∝ 1 + K·gauss(distance to core), so each grid ends up with ~equal points. */
function samplePoints(mp: MultiPolygon, bbox: Rect, grids: number, opts: PartitionOptions): Samples {
  const [minX, minY, maxX, maxY] = bbox;
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const [cx, cy] = opts.core;
  const s2 = opts.coreSigmaKm * opts.coreSigmaKm;
  const gauss = (x: number, y: number): number => {
    const dx = ((x - cx) * kx * M_PER_DEG) / 1000;
    const dy = ((y - cy) * M_PER_DEG) / 1000;
    return Math.exp(-(dx * dx + dy * dy) / s2);
  };

  // Coarse pass: how much of the core gaussian lies inside the outline, to calibrate K.
  const fineM = opts.cellMeters ?? 100;
  const ratio = 5;
  const coarseLat = (fineM * ratio) / M_PER_DEG;
  const coarseLng = coarseLat / kx;
  let inside = 0;
  let gSum = 0;
  for (let y = minY + coarseLat / 2; y < maxY; y += coarseLat) {
    for (let x = minX + coarseLng / 2; x < maxX; x += coarseLng) {
      if (!insideMultiPolygon(mp, x, y)) continue;
      inside++;
      gSum += gauss(x, y);
    }
  }
  const u = Math.min(Math.max(opts.coreShare, 0), 0.95);
  const k = u > 0 && gSum > 0 ? ((u / (1 - u)) * inside) / gSum : 0;
  const weightSum = (inside + k * gSum) * ratio * ratio; // ≈ Σ over fine cells inside
  const lambda = ((opts.pointsPerGrid ?? 120) * grids) / weightSum;

  const rng = mulberry32(opts.seed);
  const fineLat = fineM / M_PER_DEG;
  const fineLng = fineLat / kx;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y0 = minY; y0 < maxY; y0 += fineLat) {
    for (let x0 = minX; x0 < maxX; x0 += fineLng) {
      const e = lambda * (1 + k * gauss(x0 + fineLng / 2, y0 + fineLat / 2));
      const n = Math.floor(e) + (rng() < e - Math.floor(e) ? 1 : 0);
      for (let j = 0; j < n; j++) {
        const x = x0 + rng() * fineLng;
        const y = y0 + rng() * fineLat;
        if (x < maxX && y < maxY && insideMultiPolygon(mp, x, y)) {
          xs.push(x);
          ys.push(y);
        }
      }
    }
  }
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}

interface Ctx {
  samples: Samples;
  core: Position;
  kx: number;
  memo: Map<PartitionNode, number>;
  out: { id: string; rect: Rect }[];
}

function partition(items: PartitionNode[], rect: Rect, idx: Uint32Array, ctx: Ctx): void {
  if (items.length === 1) {
    const only = items[0] as PartitionNode;
    if (only.children.length === 0) ctx.out.push({ id: only.id, rect });
    else partition([...only.children].sort(byUrbanThenId), rect, idx, ctx);
    return;
  }
  const demands = items.map((it) => leafCount(it, ctx.memo));
  const total = demands.reduce((a, b) => a + b, 0);
  // Contiguous prefix closest to half the demand keeps sibling units adjacent.
  let k = 1;
  let prefix = 0;
  let best = Infinity;
  let acc = 0;
  for (let i = 1; i < items.length; i++) {
    acc += demands[i - 1] as number;
    const diff = Math.abs(acc - total / 2);
    if (diff < best) [best, k, prefix] = [diff, i, acc];
  }
  const suffix = total - prefix;

  const { xs, ys } = ctx.samples;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const i of idx) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const vertical = (x1 - x0) * ctx.kx >= y1 - y0; // cut across the longer side of the occupied area
  const coord = vertical ? xs : ys;
  const vals = new Float64Array(idx.length);
  idx.forEach((p, j) => {
    vals[j] = coord[p] as number;
  });
  vals.sort();
  const n = vals.length;
  const m = Math.min(MIN_POINTS_PER_LEAF, Math.floor(n / total));
  if (m < 1) throw new Error(`too few sample points (${n}) for ${total} grids under ${items[0]?.id}`);
  const cut = (frac: number, dLow: number, dHigh: number): number => {
    const j = Math.min(Math.max(Math.round(frac * n), m * dLow), n - m * dHigh);
    return round6(((vals[j - 1] as number) + (vals[j] as number)) / 2);
  };
  // The more urban prefix goes to whichever side keeps it closer to the core.
  const c = vertical ? ctx.core[0] : ctx.core[1];
  const sA = cut(prefix / total, prefix, suffix);
  const sB = cut(suffix / total, suffix, prefix);
  const prefixLow = sA - c >= c - sB;
  const s = prefixLow ? sA : sB;
  const lo = vertical ? rect[0] : rect[1];
  const hi = vertical ? rect[2] : rect[3];
  if (!(s > lo && s < hi)) throw new Error(`degenerate cut at ${s} under ${items[0]?.id}`);

  const low: number[] = [];
  const high: number[] = [];
  for (const i of idx) ((coord[i] as number) < s ? low : high).push(i);
  const lowItems = prefixLow ? items.slice(0, k) : items.slice(k);
  const highItems = prefixLow ? items.slice(k) : items.slice(0, k);
  const lowRect: Rect = vertical ? [rect[0], rect[1], s, rect[3]] : [rect[0], rect[1], rect[2], s];
  const highRect: Rect = vertical ? [s, rect[1], rect[2], rect[3]] : [rect[0], s, rect[2], rect[3]];
  partition(lowItems, lowRect, Uint32Array.from(low), ctx);
  partition(highItems, highRect, Uint32Array.from(high), ctx);
}

/** Clip a leaf rectangle to the outline; skips the (slow) general clipper when the rectangle is clearly inside. */
function clipRect(rect: Rect, mp: MultiPolygon, edges: Float64Array): MultiPolygon {
  const [x0, y0, x1, y1] = rect;
  const ring: Ring = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
  let touches = false;
  for (let e = 0; e < edges.length; e += 4) {
    if (
      (edges[e] as number) <= x1 &&
      (edges[e + 2] as number) >= x0 &&
      (edges[e + 1] as number) <= y1 &&
      (edges[e + 3] as number) >= y0
    ) {
      touches = true;
      break;
    }
  }
  if (!touches) return insideMultiPolygon(mp, (x0 + x1) / 2, (y0 + y1) / 2) ? [[ring]] : [];
  return roundMultiPolygon(polygonClipping.intersection([ring], mp) as MultiPolygon);
}

function edgeBoxes(mp: MultiPolygon): Float64Array {
  const boxes: number[] = [];
  for (const poly of mp) {
    for (const ring of poly) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i] as Position;
        const [bx, by] = ring[i + 1] as Position;
        boxes.push(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
      }
    }
  }
  return Float64Array.from(boxes);
}

/** Tile `outline` (6-decimal coordinates) with one piece per leaf of `root`, in leaf order of the partition. */
export function partitionDistrict(outline: MultiPolygon, root: PartitionNode, opts: PartitionOptions): GridPiece[] {
  const memo = new Map<PartitionNode, number>();
  const grids = leafCount(root, memo);
  const b = bboxOf(outline);
  const bbox: Rect = [
    Math.floor(b[0] * 1e6) / 1e6,
    Math.floor(b[1] * 1e6) / 1e6,
    Math.ceil(b[2] * 1e6) / 1e6,
    Math.ceil(b[3] * 1e6) / 1e6,
  ];
  const samples = samplePoints(outline, bbox, grids, opts);
  const ctx: Ctx = {
    samples,
    core: opts.core,
    kx: Math.cos((((bbox[1] + bbox[3]) / 2) * Math.PI) / 180),
    memo,
    out: [],
  };
  const all = new Uint32Array(samples.xs.length);
  all.forEach((_, i) => {
    all[i] = i;
  });
  partition([root], bbox, all, ctx);
  const edges = edgeBoxes(outline);
  return ctx.out.map(({ id, rect }) => ({ id, rect, coordinates: clipRect(rect, outline, edges) }));
}
