// In-memory directory of divisions, grids and units, loaded from the database at boot and reloaded
// after administrative edits. It answers "where is this point" and "which unit serves this place"
// without a query on the hot path.
import type { ActorUnit, Place, UnitDirectory } from "@civicgrid/domain";
import type { DepartmentKind, DivisionLevel, UnitType } from "@civicgrid/shared";
import type { Db } from "../db/connect.ts";
import { GridIndex } from "../spatial/grid-index.ts";
import type { Box, Ring } from "../spatial/polygon.ts";

export interface Division {
  code: string;
  name: string;
  parentCode: string | null;
  level: DivisionLevel;
}

export interface Unit extends ActorUnit {
  name: string;
  nameEn: string | null;
  departmentKind: string | null;
  active: boolean;
}

/** How far from any grid a point inside the city outline may still be matched to the nearest grid. */
const NEAREST_GRID_METERS = 300;

const PREFIX: Record<DivisionLevel, number> = { city: 4, district: 6, township: 9, community: 12 };

/** NBS codes are hierarchical: a division's subtree shares its prefix. */
export function divisionPrefix(code: string, level: DivisionLevel): string {
  return code.slice(0, PREFIX[level]);
}

export class PlaceDirectory implements UnitDirectory {
  private readonly centres = new Map<string, string>();
  private readonly departments = new Map<string, string>();

  private constructor(
    readonly divisions: Map<string, Division>,
    private readonly gridCommunity: Map<string, string>,
    private readonly gridNames: Map<string, string>,
    private readonly index: GridIndex,
    readonly units: Map<string, Unit>,
  ) {
    for (const u of units.values()) {
      if (!u.active) continue;
      if (CENTRE_LIKE.includes(u.type)) this.centres.set(u.divisionCode, u.code);
      if (u.type === "department") this.departments.set(`${u.departmentKind}@${u.divisionCode}`, u.code);
    }
  }

  static async load(db: Db): Promise<PlaceDirectory> {
    const [divs, grids, units] = await Promise.all([
      db.selectFrom("divisions").selectAll().execute(),
      db.selectFrom("grids").select(["code", "community_code", "name", "geometry"]).execute(),
      db.selectFrom("units").selectAll().execute(),
    ]);
    const divisions = new Map(
      divs.map((d) => [
        d.code,
        { code: d.code, name: d.name, parentCode: d.parent_code, level: d.level as DivisionLevel },
      ]),
    );
    const index = GridIndex.build(
      grids.map((g) => ({ code: g.code, communityCode: g.community_code, coordinates: g.geometry })),
    );
    const unitMap = new Map(
      units.map((u) => [
        u.code,
        {
          code: u.code,
          name: u.name,
          nameEn: u.name_en,
          type: u.type as UnitType,
          level: u.level as DivisionLevel,
          divisionCode: u.division_code,
          departmentKind: u.department_kind,
          active: u.active,
        },
      ]),
    );
    return new PlaceDirectory(
      divisions,
      new Map(grids.map((g) => [g.code, g.community_code])),
      new Map(grids.map((g) => [g.code, g.name])),
      index,
      unitMap,
    );
  }

  /** The place (grid up to city) of a point, or null outside every grid. */
  locate(lat: number, lng: number): Place | null {
    const grid = this.index.locate(lat, lng) ?? this.index.locateNearest(lat, lng, NEAREST_GRID_METERS);
    return grid ? this.placeOfGrid(grid) : null;
  }

  placeOfGrid(gridCode: string): Place | null {
    const community = this.gridCommunity.get(gridCode);
    if (!community) return null;
    const township = this.divisions.get(community)?.parentCode;
    const district = township ? this.divisions.get(township)?.parentCode : null;
    const city = district ? this.divisions.get(district)?.parentCode : null;
    if (!township || !district || !city) return null;
    return { grid: gridCode, community, township, district, city };
  }

  /** Grids whose outline meets a simple polygon (open ring of [lng, lat]), ascending codes. */
  gridsIntersecting(ring: Ring): string[] {
    return this.index.intersecting(ring);
  }

  /** The box around the given grids' outlines, or null when none is known. */
  gridBounds(codes: Iterable<string>): Box | null {
    return this.index.bounds(codes);
  }

  /** Every grid code with its community (the screen groups grids by community). */
  gridCommunities(): ReadonlyMap<string, string> {
    return this.gridCommunity;
  }

  gridName(code: string): string | null {
    return this.gridNames.get(code) ?? null;
  }

  division(code: string): Division | null {
    return this.divisions.get(code) ?? null;
  }

  unit(code: string): Unit | null {
    return this.units.get(code) ?? null;
  }

  centreOf(divisionCode: string): string | null {
    return this.centres.get(divisionCode) ?? null;
  }

  departmentOf(kind: DepartmentKind, divisionCode: string): string | null {
    return this.departments.get(`${kind}@${divisionCode}`) ?? null;
  }

  /** The centre one level above a unit's seat (for 上报), or null at the top. */
  centreAbove(unit: Unit): string | null {
    // a department reports up to the centre of its own seat; centres and stations to the parent division
    if (unit.type === "department") return this.centreOf(unit.divisionCode);
    const parent = this.divisions.get(unit.divisionCode)?.parentCode;
    return parent && this.divisions.has(parent) ? this.centreOf(parent) : null;
  }
}

const CENTRE_LIKE: readonly UnitType[] = ["city_centre", "district_centre", "township_centre", "community_station"];
