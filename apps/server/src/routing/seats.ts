// The unit model learns *seats*, not unit codes: the owner at closure, as the kind of unit at its level
// ("district:water" = a district's water bureau, "community:community_station" = the community's work
// station). A unit code names one place's unit — the station of one community, the water bureau of
// one district — so a model of codes could only suggest a unit to cases in the places it has seen,
// and would split one lesson ("a burst pipe goes to the district water bureau") across every
// district. A seat is turned back into the unit serving the case's place (places/directory.ts), the
// same unit the dispatch picker offers for it.
import { mayDispatchTo, type Place } from "@civicgrid/domain";
import type { DepartmentKind, DivisionLevel, UnitType } from "@civicgrid/shared";
import type { PlaceDirectory, Unit } from "../places/directory.ts";

/** The label of labels too rare to learn (units with few examples, categories with few cases). */
export const OTHER_LABEL = "other";

/** Unit types a case can be dispatched to (派遣); the owners worth learning. */
const SEAT_TYPES: readonly UnitType[] = ["department", "community_station", "township_centre", "district_centre"];

/** "level:kind" of a unit that may own a case, or null for units that never do (the hotline, admins). */
export function seatOf(unit: Pick<Unit, "type" | "level" | "departmentKind">): string | null {
  if (!SEAT_TYPES.includes(unit.type)) return null;
  const kind = unit.type === "department" ? unit.departmentKind : unit.type;
  return kind ? `${unit.level}:${kind}` : null;
}

const LEVELS: readonly DivisionLevel[] = ["city", "district", "township", "community"];

/** The active unit holding this seat for the place, or null when the place has none. */
export function unitForSeat(places: PlaceDirectory, seat: string, place: Place): Unit | null {
  const [level, kind] = seat.split(":") as [DivisionLevel, string | undefined];
  if (!kind || !LEVELS.includes(level)) return null;
  const division = place[level];
  const code =
    kind === "community_station" || kind === "township_centre" || kind === "district_centre"
      ? places.centreOf(division)
      : places.departmentOf(kind as DepartmentKind, division);
  const unit = code ? places.unit(code) : null;
  if (!unit?.active || seatOf(unit) !== seat) return null;
  return unit;
}

/**
 * The unit for a seat that this dispatcher may send the case to (the same rule as the dispatch step),
 * or null. Without a dispatcher (a reader who does not dispatch), any unit serving the place.
 */
export function dispatchableUnit(
  places: PlaceDirectory,
  seat: string,
  place: Place,
  dispatcher: Unit | null,
): Unit | null {
  const unit = unitForSeat(places, seat, place);
  if (!unit) return null;
  return !dispatcher || mayDispatchTo(dispatcher, unit, place) ? unit : null;
}
