// The demo history's reference data read from the seed JSON, without a database: for the tests of
// the history generator and its planted patterns.
import { WorkCalendar } from "@civicgrid/domain";
import type { CaseTexts, HistoryReference } from "./history-generator.ts";
import {
  type CalendarSeed,
  type CategorySeed,
  type DepartmentSeed,
  type DivisionTuple,
  type GridTuple,
  type ResponsibilitySeed,
  readSeedJson,
} from "./seed-data.ts";
import { buildUnits } from "./units.ts";

export function loadReference(): { ref: HistoryReference; calendar: WorkCalendar } {
  const divisions = readSeedJson<DivisionTuple[]>("divisions.json");
  const cal = readSeedJson<CalendarSeed>("calendar.json");
  const units = buildUnits(divisions, readSeedJson<DepartmentSeed[]>("departments.json"));
  return {
    ref: {
      divisions: divisions.map(([code, name, parentCode, level]) => ({ code, name, parentCode, level })),
      grids: readSeedJson<GridTuple[]>("grids.json").map(([code, communityCode, name, coordinates]) => ({
        code,
        communityCode,
        name,
        coordinates,
      })),
      units: units.map((u) => ({
        code: u.code,
        type: u.type as never,
        level: u.level as never,
        divisionCode: u.division_code,
        departmentKind: u.department_kind ?? null,
        active: true,
      })),
      categories: readSeedJson<CategorySeed[]>("categories.json"),
      responsibility: readSeedJson<ResponsibilitySeed[]>("responsibility.json"),
      texts: readSeedJson<CaseTexts>("case-texts.json"),
    },
    calendar: new WorkCalendar({
      holidays: Object.values(cal.years).flatMap((y) => y.holidays),
      workdays: Object.values(cal.years).flatMap((y) => y.workdays),
    }),
  };
}
