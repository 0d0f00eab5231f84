// The ground an incident covers: the grids a drawn polygon meets, or the grids chosen one by one —
// in both cases only grids of the declaring centre's own area, and never more than the cap.
import { AppError } from "../errors.ts";
import type { PlaceDirectory } from "../places/directory.ts";
import { type Box, normaliseRing, type Ring } from "../spatial/polygon.ts";
import type { IncidentArea } from "./incident-scope.ts";

/** A district holds a few hundred grids; the whole city ~4,300. The cap keeps tasks and screens bounded. */
export const MAX_INCIDENT_GRIDS = 2000;
/** Points of a drawn polygon: a hand-drawn outline has tens; the check for crossing edges is quadratic. */
export const MAX_POLYGON_POINTS = 1000;

export type AreaInput = { polygon: number[][] } | { gridCodes: string[] };

export interface ResolvedArea {
  /** the drawn polygon as stored (open ring), or null when grids were chosen */
  polygon: Ring | null;
  gridCodes: string[];
  /** the box around the grids' outlines (what a map fits to) */
  bounds: Box;
}

export function resolveArea(places: PlaceDirectory, area: IncidentArea, input: AreaInput): ResolvedArea {
  if ("polygon" in input) {
    if (input.polygon.length > MAX_POLYGON_POINTS) {
      throw new AppError("INCIDENT_AREA_INVALID", { problem: "too_many_points", max: MAX_POLYGON_POINTS });
    }
    const normal = normaliseRing(input.polygon);
    if ("problem" in normal) throw new AppError("INCIDENT_AREA_INVALID", { problem: normal.problem });
    const gridCodes = places.gridsIntersecting(normal.ring).filter((g) => g.startsWith(area.prefix));
    if (!gridCodes.length) throw new AppError("INCIDENT_AREA_EMPTY");
    capped(gridCodes);
    return { polygon: normal.ring, gridCodes, bounds: places.gridBounds(gridCodes) as Box };
  }
  const gridCodes = [...new Set(input.gridCodes)].sort();
  capped(gridCodes);
  // an unknown grid and one outside the area are refused alike, as a case outside the area is a 404
  const unavailable = gridCodes.filter((g) => !g.startsWith(area.prefix) || !places.placeOfGrid(g));
  if (unavailable.length) throw new AppError("INCIDENT_GRIDS_UNAVAILABLE", { gridCodes: unavailable.slice(0, 50) });
  if (!gridCodes.length) throw new AppError("INCIDENT_AREA_EMPTY");
  return { polygon: null, gridCodes, bounds: places.gridBounds(gridCodes) as Box };
}

function capped(gridCodes: string[]): void {
  if (gridCodes.length > MAX_INCIDENT_GRIDS) {
    throw new AppError("INCIDENT_TOO_MANY_GRIDS", { max: MAX_INCIDENT_GRIDS, count: gridCodes.length });
  }
}
