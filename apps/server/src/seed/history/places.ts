// Where seeded cases happen: a grid drawn with urban grids (社区) weighted above village grids (村),
// a point inside it, its division chain, and the units that serve the place (for routing, dispatch,
// assistance and the occasional wrong dispatch that gets returned).

import type { Place, UnitDirectory } from "@civicgrid/domain";
import type { DepartmentKind } from "@civicgrid/shared";
import { GridIndex } from "../../spatial/grid-index.ts";
import { type Rng, WeightedSampler } from "./random.ts";
import type { RefDivision, RefGrid, RefUnit } from "./types.ts";

/** Urban communities have far more residents, shops and traffic per grid than villages. */
const URBAN_GRID_WEIGHT = 5;
const VILLAGE_GRID_WEIGHT = 1;

const CENTRE_LIKE = new Set(["city_centre", "district_centre", "township_centre", "community_station"]);

export interface SampledPlace {
  place: Place;
  lat: number;
  lng: number;
}

export class HistoryPlaces implements UnitDirectory {
  readonly divisions: Map<string, RefDivision>;
  readonly units: Map<string, RefUnit>;
  readonly #grids: Map<string, RefGrid>;
  readonly #index: GridIndex;
  readonly #sampler: WeightedSampler<RefGrid>;
  readonly #bbox = new Map<string, [number, number, number, number]>();
  readonly #centres = new Map<string, string>();
  readonly #departments = new Map<string, string>();
  readonly #departmentsAt = new Map<string, string[]>();
  readonly #places = new Map<string, Place | null>();

  constructor(divisions: RefDivision[], grids: RefGrid[], units: RefUnit[]) {
    this.divisions = new Map(divisions.map((d) => [d.code, d]));
    this.units = new Map(units.map((u) => [u.code, u]));
    this.#grids = new Map(grids.map((g) => [g.code, g]));
    this.#index = GridIndex.build(
      grids.map((g) => ({ code: g.code, communityCode: g.communityCode, coordinates: g.coordinates })),
    );
    const usable = grids.filter((g) => this.placeOfGrid(g.code) !== null);
    this.#sampler = new WeightedSampler(
      usable,
      usable.map((g) =>
        this.divisions.get(g.communityCode)?.name.endsWith("村") ? VILLAGE_GRID_WEIGHT : URBAN_GRID_WEIGHT,
      ),
    );
    for (const u of units) {
      if (!u.active) continue;
      if (CENTRE_LIKE.has(u.type)) this.#centres.set(u.divisionCode, u.code);
      if (u.type === "department" && u.departmentKind) {
        this.#departments.set(`${u.departmentKind}@${u.divisionCode}`, u.code);
        const list = this.#departmentsAt.get(u.divisionCode) ?? [];
        list.push(u.code);
        this.#departmentsAt.set(u.divisionCode, list);
      }
    }
  }

  centreOf(divisionCode: string): string | null {
    return this.#centres.get(divisionCode) ?? null;
  }

  departmentOf(kind: DepartmentKind, divisionCode: string): string | null {
    return this.#departments.get(`${kind}@${divisionCode}`) ?? null;
  }

  /** Departments that serve the place: those of its district and of the city. */
  departmentsServing(place: Place): string[] {
    return [...(this.#departmentsAt.get(place.district) ?? []), ...(this.#departmentsAt.get(place.city) ?? [])];
  }

  divisionName(code: string): string {
    return this.divisions.get(code)?.name ?? "";
  }

  placeOfGrid(gridCode: string): Place | null {
    const cached = this.#places.get(gridCode);
    if (cached !== undefined) return cached;
    const community = this.#grids.get(gridCode)?.communityCode;
    const township = community ? this.divisions.get(community)?.parentCode : null;
    const district = township ? this.divisions.get(township)?.parentCode : null;
    const city = district ? this.divisions.get(district)?.parentCode : null;
    const place =
      community && township && district && city ? { grid: gridCode, community, township, district, city } : null;
    this.#places.set(gridCode, place);
    return place;
  }

  /** A weighted grid and a point that the live locator puts in that same grid. */
  sample(rng: Rng): SampledPlace {
    for (let tries = 0; tries < 50; tries++) {
      const grid = this.#sampler.draw(rng);
      const point = this.#pointIn(grid, rng);
      if (point) return { place: this.placeOfGrid(grid.code) as Place, lat: point[1], lng: point[0] };
    }
    throw new Error("history: could not place a point in any grid");
  }

  /** Urban communities (社区, not 村) with at least `minGrids` usable grids, by code: where patterns go. */
  urbanCommunities(minGrids: number): string[] {
    const counts = new Map<string, number>();
    for (const g of this.#grids.values()) {
      if (this.placeOfGrid(g.code)) counts.set(g.communityCode, (counts.get(g.communityCode) ?? 0) + 1);
    }
    return [...counts]
      .filter(([c, n]) => n >= minGrids && this.divisions.get(c)?.name.endsWith("社区"))
      .map(([c]) => c)
      .sort();
  }

  /** The usable grids of a community, by code. */
  gridsOf(community: string): string[] {
    return [...this.#grids.values()]
      .filter((g) => g.communityCode === community && this.placeOfGrid(g.code))
      .map((g) => g.code)
      .sort();
  }

  /** A point in one given grid (history/patterns.ts), or null when none could be placed. */
  sampleInGrid(rng: Rng, gridCode: string): SampledPlace | null {
    const grid = this.#grids.get(gridCode);
    const place = grid ? this.placeOfGrid(gridCode) : null;
    const point = grid && place ? this.#pointIn(grid, rng) : null;
    return point && place ? { place, lat: point[1], lng: point[0] } : null;
  }

  /** A point in one district, drawn with the usual grid weights. */
  sampleInDistrict(rng: Rng, district: string): SampledPlace {
    for (let tries = 0; tries < 500; tries++) {
      const s = this.sample(rng);
      if (s.place.district === district) return s;
    }
    throw new Error(`history: could not place a point in district ${district}`);
  }

  /** A point within ~250 m of another in the same grid (a second report of the same problem). */
  sampleNear(rng: Rng, gridCode: string, lat: number, lng: number): SampledPlace {
    const place = this.placeOfGrid(gridCode) as Place;
    for (let i = 0; i < 30; i++) {
      const r = 250 * Math.sqrt(rng.next());
      const a = rng.range(0, 2 * Math.PI);
      const nLat = Math.round((lat + (r * Math.sin(a)) / 111_195) * 1e6) / 1e6;
      const nLng = Math.round((lng + (r * Math.cos(a)) / (111_195 * Math.cos((lat * Math.PI) / 180))) * 1e6) / 1e6;
      if (this.#index.locate(nLat, nLng) === gridCode) return { place, lat: nLat, lng: nLng };
    }
    return { place, lat, lng };
  }

  #pointIn(grid: RefGrid, rng: Rng): [number, number] | null {
    let box = this.#bbox.get(grid.code);
    if (!box) {
      box = [Infinity, Infinity, -Infinity, -Infinity];
      for (const poly of grid.coordinates) {
        for (const [x = NaN, y = NaN] of poly[0] ?? []) {
          box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
        }
      }
      this.#bbox.set(grid.code, box);
    }
    for (let i = 0; i < 40; i++) {
      // 6 decimals (~0.1 m), as a phone reports; checked after rounding so the row relocates identically
      const lng = Math.round(rng.range(box[0], box[2]) * 1e6) / 1e6;
      const lat = Math.round(rng.range(box[1], box[3]) * 1e6) / 1e6;
      if (this.#index.locate(lat, lng) === grid.code) return [lng, lat];
    }
    return null;
  }
}
