import { readFileSync } from "node:fs";
import fc from "fast-check";
import polygonClipping from "polygon-clipping";
import { describe, expect, it } from "vitest";
import { GridIndex } from "./grid-index.ts";
import {
  normaliseRing,
  type Point,
  type Ring,
  ringMeetsMultiPolygon,
  segmentsIntersect,
  signedArea2,
} from "./polygon.ts";

const square = (x: number, y: number, s: number): number[][][][] => [
  [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
];
const allEdges = (ring: Ring) => () => ring.map((_, i) => i);
const meets = (ring: Ring, mp: number[][][][]) => ringMeetsMultiPolygon(ring, mp, allEdges(ring));

describe("segmentsIntersect", () => {
  it("sees crossings, touching ends, collinear overlaps, and misses", () => {
    expect(segmentsIntersect([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [1, 1], [1, 1], [2, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [2, 0], [1, 0], [3, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [2, 0], [1, 0], [1, 5])).toBe(true);
    expect(segmentsIntersect([0, 0], [1, 0], [2, 0], [3, 0])).toBe(false);
    expect(segmentsIntersect([0, 0], [1, 1], [0, 1], [0.4, 0.6])).toBe(false);
  });
});

describe("normaliseRing", () => {
  it("drops repeats and the closing point", () => {
    const r = normaliseRing([
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
    expect(r).toEqual({
      ring: [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
    });
  });
  it("refuses too few points, no area, crossing edges, spikes and coordinates off the globe", () => {
    const problem = (pts: number[][]) => {
      const r = normaliseRing(pts);
      return "problem" in r ? r.problem : null;
    };
    expect(
      problem([
        [0, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBe("too_few_points");
    expect(
      problem([
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    ).not.toBeNull();
    // a bow-tie
    expect(
      problem([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
      ]),
    ).toBe("self_intersecting");
    // a spike folding back along its own edge
    expect(
      problem([
        [0, 0],
        [2, 0],
        [1, 0],
        [1, 1],
      ]),
    ).toBe("self_intersecting");
    // a vertex touching a non-adjacent edge
    expect(
      problem([
        [0, 0],
        [2, 0],
        [2, 2],
        [1, 0],
        [0, 2],
      ]),
    ).toBe("self_intersecting");
    expect(
      problem([
        [0, 0],
        [1, 0],
        [0, 95],
      ]),
    ).toBe("out_of_range");
    expect(
      problem([
        [0, 0],
        [4, 0],
        [4, 3],
        [0, 3],
      ]),
    ).toBeNull();
  });
});

describe("ringMeetsMultiPolygon", () => {
  const area: Ring = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ];
  it("inside, containing, crossing and touching meet; apart and inside a hole do not", () => {
    expect(meets(area, square(2, 2, 1))).toBe(true);
    expect(meets(area, square(-5, -5, 30))).toBe(true);
    expect(meets(area, square(9, 9, 3))).toBe(true);
    expect(meets(area, square(10, 3, 2))).toBe(true);
    expect(meets(area, square(11, 3, 2))).toBe(false);
    const withHole = [
      [
        [-20, -20],
        [30, -20],
        [30, 30],
        [-20, 30],
        [-20, -20],
      ],
      [
        [-10, -10],
        [-10, 20],
        [20, 20],
        [20, -10],
        [-10, -10],
      ],
    ];
    expect(meets(area, [withHole])).toBe(false);
  });

  it("agrees with polygon-clipping on random triangles and squares (touching counts as meeting)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 15, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: -5, max: 15, noNaN: true }),
        fc.double({ min: -5, max: 15, noNaN: true }),
        fc.double({ min: 0.1, max: 8, noNaN: true }),
        (v, x, y, s) => {
          const [a, b, c, d, e, f] = v as [number, number, number, number, number, number];
          const tri: Ring = [
            [a, b],
            [c, d],
            [e, f],
          ];
          // slivers thinner than floating point make polygon-clipping an unreliable oracle
          if ("problem" in normaliseRing(tri) || Math.abs(signedArea2(tri)) < 1e-6) return;
          const grid = square(x, y, s);
          let overlap: boolean;
          try {
            overlap = polygonClipping.intersection([[...tri, tri[0] as Point]], grid as never).length > 0;
          } catch {
            return; // the oracle gives up on some near-degenerate inputs (which is why it is not used at run time)
          }
          const met = meets(tri, grid);
          if (overlap) expect(met).toBe(true);
          if (met && !overlap) {
            // touching without overlap: both shrunk a little about their centres, they are apart
            const cx = (a + c + e) / 3;
            const cy = (b + d + f) / 3;
            const shrunk = tri.map(([px, py]) => [cx + (px - cx) * 0.999, cy + (py - cy) * 0.999] as Point);
            expect(meets(shrunk, square(x + s * 0.0005, y + s * 0.0005, s * 0.999))).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("GridIndex.intersecting", () => {
  type GridRow = [string, string, string, number[][][][]];
  const rows = JSON.parse(readFileSync(new URL("../../seed-data/grids.json", import.meta.url), "utf8")) as GridRow[];
  const index = GridIndex.build(
    rows.map(([code, communityCode, , coordinates]) => ({ code, communityCode, coordinates })),
  );

  it("finds exactly the seed grids a drawn polygon overlaps (brute force with polygon-clipping)", () => {
    // star-shaped polygons around the city's urban core, 5–12 points, radii up to ~3 km
    fc.assert(
      fc.property(
        fc.double({ min: 122.9, max: 123.05, noNaN: true }),
        fc.double({ min: 41.05, max: 41.17, noNaN: true }),
        fc.array(fc.double({ min: 0.002, max: 0.03, noNaN: true }), { minLength: 5, maxLength: 12 }),
        (lng, lat, radii) => {
          const ring: Ring = radii.map((r, i) => {
            const t = (2 * Math.PI * i) / radii.length;
            return [lng + r * Math.cos(t), lat + r * Math.sin(t)];
          });
          const closed = [...ring, ring[0] as Point];
          const expected = rows
            .filter(([, , , mp]) => polygonClipping.intersection([closed], mp as never).length > 0)
            .map(([code]) => code)
            .sort();
          expect(index.intersecting(ring)).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("gives the box around grids", () => {
    const [code, , , mp] = rows[0] as GridRow;
    const xs = (mp[0]?.[0] ?? []).map((p) => p[0] as number);
    expect(index.bounds([code, "nope"])?.minX).toBe(Math.min(...xs));
    expect(index.bounds(["nope"])).toBeNull();
  });
});
