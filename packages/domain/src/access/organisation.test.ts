import { ROLES, UNIT_TYPES } from "@civicgrid/shared";
import { describe, expect, it } from "vitest";
import { ROLE_UNIT_TYPES, roleFitsUnit, rolesMisfitting, unitCodeFor, unitPlacementProblem } from "./organisation.ts";

describe("role fits unit", () => {
  it("every role fits at least one unit type", () => {
    for (const r of ROLES) expect(ROLE_UNIT_TYPES[r].length).toBeGreaterThan(0);
  });
  it("department handlers only in departments; stations and grid workers only in stations", () => {
    for (const t of UNIT_TYPES) {
      expect(roleFitsUnit("department_handler", t)).toBe(t === "department");
      expect(roleFitsUnit("grid_worker", t)).toBe(t === "community_station");
      expect(roleFitsUnit("community_station", t)).toBe(t === "community_station");
      expect(roleFitsUnit("hotline_agent", t)).toBe(t === "hotline");
    }
  });
  it("centre roles in their own centre type; leaders in any centre", () => {
    expect(roleFitsUnit("city_centre", "city_centre")).toBe(true);
    expect(roleFitsUnit("city_centre", "district_centre")).toBe(false);
    expect(roleFitsUnit("township_centre", "township_centre")).toBe(true);
    expect(roleFitsUnit("district_centre", "township_centre")).toBe(false);
    for (const t of ["city_centre", "district_centre", "township_centre"] as const) {
      expect(roleFitsUnit("leader", t)).toBe(true);
    }
    expect(roleFitsUnit("leader", "department")).toBe(false);
    expect(roleFitsUnit("leader", "community_station")).toBe(false);
  });
  it("the three admins only in the admin unit, and no business role there", () => {
    for (const t of UNIT_TYPES) {
      for (const r of ["system_admin", "security_admin", "auditor"] as const)
        expect(roleFitsUnit(r, t)).toBe(t === "admin");
    }
    for (const r of ROLES)
      if (!["system_admin", "security_admin", "auditor"].includes(r)) expect(roleFitsUnit(r, "admin")).toBe(false);
  });
  it("lists the roles that do not fit", () => {
    expect(rolesMisfitting(["community_station", "grid_worker"], "community_station")).toEqual([]);
    expect(rolesMisfitting(["city_centre", "leader"], "city_centre")).toEqual([]);
    expect(rolesMisfitting(["city_centre", "grid_worker"], "city_centre")).toEqual(["grid_worker"]);
  });
});

describe("unit placement", () => {
  it("each centre type at its own level, stations at communities, departments at city or district", () => {
    expect(unitPlacementProblem("city_centre", "city", null)).toBeNull();
    expect(unitPlacementProblem("city_centre", "district", null)).toBe("level");
    expect(unitPlacementProblem("district_centre", "district", null)).toBeNull();
    expect(unitPlacementProblem("township_centre", "community", null)).toBe("level");
    expect(unitPlacementProblem("community_station", "community", null)).toBeNull();
    expect(unitPlacementProblem("department", "city", "water")).toBeNull();
    expect(unitPlacementProblem("department", "district", "water")).toBeNull();
    expect(unitPlacementProblem("department", "township", "water")).toBe("level");
  });
  it("a department needs a kind and nothing else takes one", () => {
    expect(unitPlacementProblem("department", "district", null)).toBe("department_kind_required");
    expect(unitPlacementProblem("district_centre", "district", "water")).toBe("department_kind_not_allowed");
  });
  it("codes follow the seed's pattern", () => {
    expect(unitCodeFor("department", "210303000000", "water")).toBe("210303000000-water");
    expect(unitCodeFor("community_station", "210303003003", null)).toBe("210303003003-station");
    expect(unitCodeFor("township_centre", "210303003000", null)).toBe("210303003000-centre");
  });
});
