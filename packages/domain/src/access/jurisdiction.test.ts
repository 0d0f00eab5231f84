import { describe, expect, it } from "vitest";
import type { Place } from "../routing/route-case.ts";
import {
  type ActorUnit,
  caseScopeFor,
  coordinatorReach,
  isCoordinator,
  isInTerritory,
  mayDispatchTo,
} from "./jurisdiction.ts";

const place: Place = {
  city: "210300000000",
  district: "210303000000",
  township: "210303003000",
  community: "210303003003",
  grid: "21030300300301",
};
const u = (code: string, type: ActorUnit["type"], level: ActorUnit["level"], divisionCode: string): ActorUnit => ({
  code,
  type,
  level,
  divisionCode,
});
const city = u("city", "city_centre", "city", "210300000000");
const tiexi = u("tiexi", "district_centre", "district", "210303000000");
const tiedong = u("tiedong", "district_centre", "district", "210302000000");
const bajiazi = u("bajiazi", "township_centre", "township", "210303003000");
const yuhua = u("yuhua", "community_station", "community", "210303003003");
const changda = u("changda", "community_station", "community", "210302002010");
const water = u("water", "department", "city", "210300000000");
const tiexiUrban = u("tiexi-urban", "department", "district", "210303000000");
const tiedongUrban = u("tiedong-urban", "department", "district", "210302000000");

describe("caseScopeFor", () => {
  it("division-scoped for centres, stations, grid workers, hotline and leaders", () => {
    expect(caseScopeFor(["district_centre"], tiexi)).toEqual({
      kind: "division",
      level: "district",
      code: "210303000000",
    });
    expect(caseScopeFor(["grid_worker"], yuhua)).toEqual({
      kind: "division",
      level: "community",
      code: "210303003003",
    });
    expect(caseScopeFor(["leader"], city)).toEqual({ kind: "division", level: "city", code: "210300000000" });
  });
  it("unit-scoped for departments; nothing for the three administrators", () => {
    expect(caseScopeFor(["department_handler"], water)).toEqual({ kind: "unit", unitCode: "water" });
    for (const r of ["system_admin", "security_admin", "auditor"] as const) {
      expect(caseScopeFor([r], city)).toEqual({ kind: "none" });
    }
    expect(caseScopeFor([], city)).toEqual({ kind: "none" });
  });
});

describe("isCoordinator", () => {
  const centre = { code: "bajiazi", level: "township" as const };
  it("the case's own centre and centres above it in the same area", () => {
    expect(isCoordinator(bajiazi, centre, place)).toBe(true);
    expect(isCoordinator(tiexi, centre, place)).toBe(true);
    expect(isCoordinator(city, centre, place)).toBe(true);
  });
  it("not a centre of another area, a lower centre, a station or a department", () => {
    expect(isCoordinator(tiedong, centre, place)).toBe(false);
    expect(isCoordinator(bajiazi, { code: "tiexi", level: "district" }, place)).toBe(false);
    expect(isCoordinator(yuhua, centre, place)).toBe(false);
    expect(isCoordinator(water, centre, place)).toBe(false);
  });
});

describe("coordinatorReach", () => {
  // the reach, read back as a predicate, must agree with isCoordinator for every unit and case centre
  const reaches = (unit: ActorUnit, centre: ActorUnit, p: Place) => {
    const reach = coordinatorReach(unit);
    if (!reach) return false;
    if (centre.code === reach.ownCentreCode) return true;
    return p[reach.area.level] === reach.area.code && reach.lowerLevels.includes(centre.level);
  };
  it("agrees with isCoordinator", () => {
    const units = [city, tiexi, tiedong, bajiazi, yuhua, changda, water, tiexiUrban, tiedongUrban];
    const centres = [city, tiexi, tiedong, bajiazi];
    const places: Place[] = [
      place,
      { ...place, district: "210302000000", township: "210302002000", community: "210302002010" },
    ];
    for (const unit of units) {
      for (const centre of centres) {
        for (const p of places) {
          expect(reaches(unit, centre, p), `${unit.code} on ${centre.code}`).toBe(isCoordinator(unit, centre, p));
        }
      }
    }
  });
  it("is null for stations and departments", () => {
    expect(coordinatorReach(yuhua)).toBeNull();
    expect(coordinatorReach(water)).toBeNull();
    expect(coordinatorReach(tiexi)?.lowerLevels).toEqual(["township", "community"]);
  });
});

describe("territory and dispatch targets", () => {
  it("stations act on site only in their own community", () => {
    expect(isInTerritory(yuhua, place)).toBe(true);
    expect(isInTerritory(changda, place)).toBe(false);
    expect(isInTerritory(water, place)).toBe(false);
  });
  it("centres dispatch to units serving the place", () => {
    expect(mayDispatchTo(bajiazi, yuhua, place)).toBe(true);
    expect(mayDispatchTo(bajiazi, water, place)).toBe(true);
    expect(mayDispatchTo(bajiazi, tiexiUrban, place)).toBe(true);
    expect(mayDispatchTo(bajiazi, tiedongUrban, place)).toBe(false);
    expect(mayDispatchTo(bajiazi, changda, place)).toBe(false);
    expect(mayDispatchTo(yuhua, yuhua, place)).toBe(false);
    expect(mayDispatchTo(tiexi, city, place)).toBe(false);
  });
});
