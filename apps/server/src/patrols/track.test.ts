import { describe, expect, it } from "vitest";
import { haversineMetres, type TrackPoint, trackDistance } from "./track.ts";

const t0 = Date.parse("2026-11-24T01:00:00Z");
// about 111 m per 0.001° of latitude
const at = (s: number, lat: number, lng = 122.96, accuracy: number | null = 5): TrackPoint => ({
  at: new Date(t0 + s * 1000),
  lat,
  lng,
  accuracy,
});

describe("patrol track distance", () => {
  it("measures great-circle distance", () => {
    expect(haversineMetres({ lat: 41, lng: 122.96 }, { lat: 41.001, lng: 122.96 })).toBeCloseTo(111.2, 0);
    expect(haversineMetres({ lat: 41, lng: 122.96 }, { lat: 41, lng: 122.96 })).toBe(0);
  });

  it("adds up a walk, whatever order the points arrive in", () => {
    const walk = [at(0, 41.0), at(60, 41.001), at(120, 41.002), at(180, 41.003)];
    expect(trackDistance(walk)).toBe(334);
    expect(trackDistance([walk[2], walk[0], walk[3], walk[1]] as TrackPoint[])).toBe(334);
  });

  it("ignores jitter while standing still", () => {
    const still = [
      at(0, 41.0, 122.96, 10),
      at(10, 41.00005, 122.96, 10),
      at(20, 40.99995, 122.96, 12),
      at(30, 41.00003),
    ];
    expect(trackDistance(still)).toBe(0);
  });

  it("ignores imprecise fixes and jumps faster than any vehicle", () => {
    const withBadFix = [at(0, 41.0), at(60, 41.01, 122.96, 500), at(120, 41.001)];
    expect(trackDistance(withBadFix)).toBe(111);
    const withJump = [at(0, 41.0), at(5, 41.05), at(60, 41.001)];
    expect(trackDistance(withJump)).toBe(111);
  });

  it("is zero for no points or one", () => {
    expect(trackDistance([])).toBe(0);
    expect(trackDistance([at(0, 41)])).toBe(0);
  });
});
