// The units a centre may hand a case to: dispatch targets (派遣, any unit serving the place) and
// assign targets (下派, the centre one level down whose area holds the case). Used both to check a
// dispatch or assign and to offer the choices, so the pickers never offer a unit the step refuses.
import { mayDispatchTo, type Place } from "@civicgrid/domain";
import type { PlaceDirectory, Unit } from "../places/directory.ts";

/** 下派: a district or township centre, seated one division below the assigner, whose area holds the place. */
export function isAssignTarget(places: PlaceDirectory, assigner: Unit, target: Unit, place: Place): boolean {
  const isCentre = target.type === "district_centre" || target.type === "township_centre";
  const childOfAssigner = places.division(target.divisionCode)?.parentCode === assigner.divisionCode;
  return isCentre && childOfAssigner && place[target.level] === target.divisionCode;
}

export function dispatchTargets(places: PlaceDirectory, dispatcher: Unit, place: Place): Unit[] {
  return [...places.units.values()].filter((u) => u.active && mayDispatchTo(dispatcher, u, place));
}

export function assignTargets(places: PlaceDirectory, assigner: Unit, place: Place): Unit[] {
  return [...places.units.values()].filter((u) => u.active && isAssignTarget(places, assigner, u, place));
}
