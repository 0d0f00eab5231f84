// How the shapes of the level shown are filled: a choropleth of cases reported per child (the
// ranking's figures), the grid in view highlighted at grid level, and grids picked for an incident red.
import type { PathOptions } from "leaflet";
import type { ScopeLevel } from "../types.ts";
import type { ShapeProps } from "./scope-shapes.ts";

export interface ShapeStyleContext {
  level: ScopeLevel;
  code: string;
  /** child code → cases reported (from the ranking); empty while the charts load */
  values: ReadonlyMap<string, number>;
  picked: ReadonlySet<string>;
  /** emergency mode: the figures step back so the incident's area stands out */
  muted: boolean;
}

const LOW: [number, number, number] = [10, 40, 82];
const MID: [number, number, number] = [21, 101, 192];
const HIGH: [number, number, number] = [40, 132, 238];

function mix(a: [number, number, number], b: [number, number, number], k: number): string {
  const c = a.map((v, i) => Math.round(v + ((b[i] as number) - v) * k));
  return `rgb(${c.join(",")})`;
}

/** Square-root scale: a few busy urban areas should not leave every other one at the bottom. */
export function ramp(value: number, max: number): string {
  const k = max > 0 ? Math.sqrt(Math.max(0, value) / max) : 0;
  return k < 0.5 ? mix(LOW, MID, k * 2) : mix(MID, HIGH, (k - 0.5) * 2);
}

export function shapeStyle(p: ShapeProps, ctx: ShapeStyleContext): PathOptions {
  if (ctx.picked.has(p.code)) return { color: "#ff4d4f", weight: 2, fillColor: "#ff4d4f", fillOpacity: 0.5 };
  if (ctx.muted) return { color: "#1d3b66", weight: 0.6, fillColor: "#0a1f3f", fillOpacity: 0.8 };
  if (ctx.level === "grid") {
    const mine = p.code === ctx.code;
    return {
      color: mine ? "#7fd3ff" : "#2a5c8f",
      weight: mine ? 2.5 : 0.8,
      fillColor: mine ? "#1d6fd6" : "#0d2c55",
      fillOpacity: mine ? 0.55 : 0.35,
    };
  }
  let max = 0;
  for (const v of ctx.values.values()) max = Math.max(max, v);
  return {
    color: ctx.level === "city" ? "#4aa8ff" : "#3a7cc4",
    weight: ctx.level === "city" ? 1.5 : 0.6,
    fillColor: ramp(ctx.values.get(p.childCode) ?? 0, max),
    fillOpacity: 0.7,
  };
}
