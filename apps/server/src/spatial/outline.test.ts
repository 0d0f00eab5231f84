import pointInPolygon from "point-in-polygon-hao";
import { describe, expect, it } from "vitest";
import {
  bboxOf,
  labelPoint,
  type MultiPolygon,
  type Position,
  roundMultiPolygon,
  simplifyMultiPolygon,
  simplifyRing,
  unionOf,
} from "./outline.ts";

const rect = (x0: number, y0: number, x1: number, y1: number): MultiPolygon => [
  [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
];

const area = (mp: MultiPolygon) =>
  mp.reduce(
    (sum, poly) =>
      sum +
      poly.reduce((s, ring, i) => {
        let a = 0;
        for (let k = 0; k + 1 < ring.length; k++) {
          const p = ring[k] as Position;
          const q = ring[k + 1] as Position;
          a += p[0] * q[1] - q[0] * p[1];
        }
        return s + (i === 0 ? Math.abs(a / 2) : -Math.abs(a / 2));
      }, 0),
    0,
  );

const inside = (mp: MultiPolygon, p: Position) => mp.some((poly) => pointInPolygon(p, poly) === true);

describe("unionOf", () => {
  it("dissolves the edge two grids share, T-junctions included, into one outline", () => {
    // a 2×1 block next to two 1×1 blocks: the middle vertex on the long edge is a T-junction
    const u = unionOf([
      rect(122, 41, 122.02, 41.01),
      rect(122, 41.01, 122.01, 41.02),
      rect(122.01, 41.01, 122.02, 41.02),
    ]);
    expect(u).toHaveLength(1);
    expect(u[0]).toHaveLength(1);
    // the square's four corners (closed ring): collinear vertices gone
    expect(u[0]?.[0]).toHaveLength(5);
    expect(area(u)).toBeCloseTo(0.02 * 0.02, 12);
  });

  it("closes centimetre gaps between neighbours by rounding to ~1 m first", () => {
    const u = unionOf([rect(122, 41, 122.01, 41.01), rect(122.0100004, 41, 122.02, 41.01)]);
    expect(u).toHaveLength(1);
    expect(u[0]?.[0]).toHaveLength(5);
  });

  it("keeps separate parts apart and holes as holes", () => {
    expect(unionOf([rect(0, 0, 1, 1), rect(2, 0, 3, 1)])).toHaveLength(2);
    // a ring of four blocks around an empty middle
    const u = unionOf([rect(0, 0, 3, 1), rect(0, 2, 3, 3), rect(0, 1, 1, 2), rect(2, 1, 3, 2)]);
    expect(u).toHaveLength(1);
    expect(u[0]).toHaveLength(2);
    expect(area(u)).toBeCloseTo(8, 9);
    expect(unionOf([])).toEqual([]);
  });
});

describe("simplification", () => {
  it("rounds to the given decimals and drops the repeats rounding makes", () => {
    const r = roundMultiPolygon(
      [
        [
          [
            [1.000001, 2.000004],
            [1.000004, 2.000001],
            [1.5, 2],
            [1.5, 2.5],
            [1.000001, 2.000004],
          ],
        ],
      ],
      5,
    );
    expect(r[0]?.[0]).toEqual([
      [1, 2],
      [1.5, 2],
      [1.5, 2.5],
      [1, 2],
    ]);
  });

  it("drops vertices closer than the tolerance to the line and keeps the corners", () => {
    const ring: Position[] = [
      [0, 0],
      [0.5, 0.000001],
      [1, 0],
      [1, 1],
      [0.5, 1.3],
      [0, 1],
      [0, 0],
    ];
    expect(simplifyRing(ring, 1e-5)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0.5, 1.3],
      [0, 1],
      [0, 0],
    ]);
    // a part thinner than the tolerance vanishes; a normal one stays
    const sliver = rect(0, 0, 1, 0.000001);
    expect(simplifyMultiPolygon([...rect(5, 5, 6, 6), ...sliver], 1e-5)).toEqual(rect(5, 5, 6, 6));
  });

  it("gives the box of the outer rings", () => {
    expect(bboxOf([...rect(1, 2, 3, 4), ...rect(-1, 3, 0, 5)])).toEqual([-1, 2, 3, 5]);
  });
});

describe("labelPoint", () => {
  it("is the centroid of a convex shape", () => {
    expect(labelPoint(rect(0, 0, 2, 1))).toEqual([1, 0.5]);
  });

  it("lies inside an L-shape and a U-shape whose centroid is outside them", () => {
    const l: MultiPolygon = [
      [
        [
          [0, 0],
          [10, 0],
          [10, 1],
          [1, 1],
          [1, 10],
          [0, 10],
          [0, 0],
        ],
      ],
    ];
    const u = unionOf([rect(0, 0, 10, 1), rect(0, 1, 1, 10), rect(9, 1, 10, 10)]);
    for (const shape of [l, u]) {
      const p = labelPoint(shape) as Position;
      expect(inside(shape, p), JSON.stringify(p)).toBe(true);
    }
  });

  it("is in the largest part and outside a hole", () => {
    const ring = unionOf([rect(0, 0, 3, 1), rect(0, 2, 3, 3), rect(0, 1, 1, 2), rect(2, 1, 3, 2)]);
    const p = labelPoint([...rect(10, 10, 10.1, 10.1), ...ring]) as Position;
    expect(inside(ring, p)).toBe(true);
    expect(labelPoint([])).toBeNull();
  });
});
