import type { PlaceDirectory, Unit } from "../places/directory.ts";

export function presentUnit(u: Unit, places: PlaceDirectory) {
  return {
    code: u.code,
    name: u.name,
    nameEn: u.nameEn,
    type: u.type,
    level: u.level,
    divisionCode: u.divisionCode,
    divisionName: places.division(u.divisionCode)?.name ?? null,
    departmentKind: u.departmentKind,
    active: u.active,
  };
}
