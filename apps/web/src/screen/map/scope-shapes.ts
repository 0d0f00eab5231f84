// The shapes of the level shown, from the existing geo endpoints: the city's districts come from the
// district outlines; a district's townships, a township's communities and a community's grids are
// drawn as the grids that make them up (the API has grid outlines, not township or community ones),
// each feature tagged with the child of the scope it belongs to, so a click drills into that child.
import type { Feature, FeatureCollection, MultiPolygon } from "geojson";
import { get } from "../../lib/api.ts";
import type { ScopeLevel, ScopeRef } from "../types.ts";

export interface ShapeProps {
  /** the grid's or district's own code and name */
  code: string;
  name: string;
  /** the child of the scope it belongs to (the drill target) */
  childCode: string;
  childName: string;
  /** 0-based index of that child, for its colour */
  childIndex: number;
}

export type Shapes = FeatureCollection<MultiPolygon, ShapeProps>;

interface GridProps {
  code: string;
  name: string;
  communityCode: string;
}

const cache = new Map<string, Promise<Feature<MultiPolygon, GridProps>[]>>();

/** The grids of a township or community (cached for the page's life: outlines change by migration only). */
export function gridsOf(level: "township" | "community", code: string): Promise<Feature<MultiPolygon, GridProps>[]> {
  const key = `${level}:${code}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = get<FeatureCollection<MultiPolygon, GridProps>>(`/geo/grids?${level}Code=${code}`).then((fc) => fc.features);
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

const townshipOf = (communityCode: string) => `${communityCode.slice(0, 9)}000`;
const communityOf = (gridCode: string) => gridCode.slice(0, 12);

/**
 * The shapes for a scope. City: none here (the district base layer is the shape). District: the
 * grids of every township child. Township: its grids by community. Community: its grids. Grid: the
 * grids of its community, the scope's own one marked by childCode === its code.
 */
export async function loadScopeShapes(
  scope: { level: ScopeLevel; code: string },
  children: readonly ScopeRef[],
): Promise<Shapes | null> {
  const index = new Map(children.map((c, i) => [c.code, { name: c.name, i }]));
  const tag = (f: Feature<MultiPolygon, GridProps>, childCode: string): Feature<MultiPolygon, ShapeProps> => {
    const child = index.get(childCode);
    return {
      ...f,
      properties: {
        code: f.properties.code,
        name: f.properties.name,
        childCode,
        childName: child?.name ?? f.properties.name,
        childIndex: child?.i ?? 0,
      },
    };
  };
  let features: Feature<MultiPolygon, ShapeProps>[];
  switch (scope.level) {
    case "city":
      return null;
    case "district": {
      const lists = await Promise.all(
        children.filter((c) => c.level === "township").map((c) => gridsOf("township", c.code).catch(() => [])),
      );
      features = lists.flat().map((f) => tag(f, townshipOf(f.properties.communityCode)));
      break;
    }
    case "township":
      features = (await gridsOf("township", scope.code)).map((f) => tag(f, f.properties.communityCode));
      break;
    case "community":
      features = (await gridsOf("community", scope.code)).map((f) => tag(f, f.properties.code));
      break;
    case "grid":
      features = (await gridsOf("community", communityOf(scope.code))).map((f) => tag(f, f.properties.code));
      break;
  }
  return { type: "FeatureCollection", features };
}

/** The city's children as shapes: the district outlines of the ones in the scope. */
export function cityShapes(districts: FeatureCollection, children: readonly ScopeRef[]): Shapes {
  const index = new Map(children.map((c, i) => [c.code, { name: c.name, i }]));
  const features = (districts.features as Feature<MultiPolygon, { code: string; name: string }>[]).flatMap((f) => {
    const child = index.get(f.properties.code);
    if (!child) return [];
    const properties: ShapeProps = {
      code: f.properties.code,
      name: child.name,
      childCode: f.properties.code,
      childName: child.name,
      childIndex: child.i,
    };
    return [{ ...f, properties }];
  });
  return { type: "FeatureCollection", features };
}
