// The organisation: a governance centre for the city, each district and each township, a work
// station for each community, the departments at city and district level, the 12345 hotline centre
// and the administrators' unit. Unit codes are readable: `<division code>-<kind>`.
import type { Insertable } from "kysely";
import type { UnitsTable } from "../db/schema.ts";
import type { DepartmentSeed, DivisionTuple } from "./seed-data.ts";

export const CITY_CODE = "210300000000";
export const HOTLINE_UNIT = `${CITY_CODE}-12345`;
export const ADMIN_UNIT = `${CITY_CODE}-admin`;

export const centreCode = (divisionCode: string) => `${divisionCode}-centre`;
export const stationCode = (communityCode: string) => `${communityCode}-station`;
export const departmentCode = (seat: string, kind: string) => `${seat}-${kind}`;

export function buildUnits(divisions: DivisionTuple[], departments: DepartmentSeed[]): Insertable<UnitsTable>[] {
  const units: Insertable<UnitsTable>[] = [];
  const cityName = divisions.find((d) => d[0] === CITY_CODE)?.[1] ?? "鞍山市";
  for (const [code, name, , level] of divisions) {
    if (level === "community") {
      units.push({
        code: stationCode(code),
        name: `${name}网格化工作站`,
        name_en: "Community grid work station",
        type: "community_station",
        level,
        division_code: code,
        department_kind: null,
      });
    } else {
      units.push({
        code: centreCode(code),
        name: `${name}市域治理中心`,
        name_en: `${level[0]?.toUpperCase()}${level.slice(1)} governance centre`,
        type: `${level}_centre`,
        level,
        division_code: code,
        department_kind: null,
      });
    }
  }
  for (const dept of departments) {
    if (dept.levels.includes("city")) {
      units.push({
        code: departmentCode(CITY_CODE, dept.kind),
        name: dept.nameCity,
        name_en: dept.nameEn,
        type: "department",
        level: "city",
        division_code: CITY_CODE,
        department_kind: dept.kind,
      });
    }
    if (dept.levels.includes("district")) {
      for (const [code, name, , level] of divisions) {
        if (level !== "district") continue;
        units.push({
          code: departmentCode(code, dept.kind),
          name: dept.districtNames[code] ?? `${name}${dept.nameDistrictSuffix ?? ""}`,
          name_en: `${dept.nameEn} (${name})`,
          type: "department",
          level: "district",
          division_code: code,
          department_kind: dept.kind,
        });
      }
    }
  }
  units.push(
    {
      code: HOTLINE_UNIT,
      name: `${cityName}12345政务服务便民热线`,
      name_en: "12345 Government Service Hotline",
      type: "hotline",
      level: "city",
      division_code: CITY_CODE,
      department_kind: null,
    },
    {
      code: ADMIN_UNIT,
      name: `${cityName}市域治理平台运维管理`,
      name_en: "Platform administration",
      type: "admin",
      level: "city",
      division_code: CITY_CODE,
      department_kind: null,
    },
  );
  return units;
}
