import { describe, expect, it } from "vitest";
import { type Place, type ResponsibilityEntry, routeCase, type UnitDirectory } from "./route-case.ts";

const place: Place = {
  city: "210300000000",
  district: "210303000000",
  township: "210303003000",
  community: "210303003003",
  grid: "21030300300301",
};

const units = new Map([
  ["c:210300000000", "city-centre"],
  ["c:210303000000", "tiexi-centre"],
  ["c:210303003000", "bajiazi-centre"],
  ["c:210303003003", "yuhua-station"],
  ["d:water@210300000000", "city-water"],
  ["d:urban_management@210303000000", "tiexi-urban"],
  ["d:urban_management@210300000000", "city-urban"],
]);
const dir: UnitDirectory = {
  centreOf: (code) => units.get(`c:${code}`) ?? null,
  departmentOf: (kind, code) => units.get(`d:${kind}@${code}`) ?? null,
};
const entry = (e: Partial<ResponsibilityEntry>): ResponsibilityEntry => ({
  categoryCode: "01001",
  handlerKind: "territorial",
  level: "community",
  limitDays: 3,
  territorial: true,
  ...e,
});

describe("routeCase", () => {
  it("territorial items go to the community station or the township centre", () => {
    expect(routeCase(place, entry({}), dir)).toMatchObject({
      unitCode: "yuhua-station",
      rule: "territorial",
      limitDays: 3,
    });
    expect(routeCase(place, entry({ level: "township" }), dir)).toMatchObject({ unitCode: "bajiazi-centre" });
  });
  it("department items go to the department at the listed level", () => {
    const e = entry({ handlerKind: "urban_management", level: "district", territorial: false });
    expect(routeCase(place, e, dir)).toMatchObject({ unitCode: "tiexi-urban", rule: "department" });
    const c = entry({ handlerKind: "urban_management", level: "city", territorial: false });
    expect(routeCase(place, c, dir)).toMatchObject({ unitCode: "city-urban", rule: "department" });
  });
  it("falls back to the city department, then to the district centre (兜底)", () => {
    const water = entry({ handlerKind: "water", level: "district", territorial: false, limitDays: 2 });
    expect(routeCase(place, water, dir)).toMatchObject({
      unitCode: "city-water",
      rule: "department_city_fallback",
      limitDays: 2,
    });
    const gas = entry({ handlerKind: "gas", level: "district", territorial: false });
    expect(routeCase(place, gas, dir)).toMatchObject({ unitCode: "tiexi-centre", rule: "fallback" });
    expect(routeCase(place, null, dir)).toMatchObject({ unitCode: "tiexi-centre", rule: "fallback", limitDays: null });
  });
  it("every route explains itself in both languages", () => {
    for (const e of [null, entry({}), entry({ handlerKind: "water", level: "city", territorial: false })]) {
      const r = routeCase(place, e, dir);
      expect(r.reason.zh.length).toBeGreaterThan(0);
      expect(r.reason.en.length).toBeGreaterThan(0);
    }
  });
});
