// A grid as the account form offers it: code, name and its community, without the outline.
import type { PlaceDirectory } from "../places/directory.ts";
import type { UnitGridRow } from "../use-cases/list-unit-grids.ts";

export function presentUnitGrid(row: UnitGridRow, places: PlaceDirectory) {
  return {
    code: row.code,
    name: row.name,
    communityCode: row.community_code,
    communityName: places.division(row.community_code)?.name ?? null,
  };
}
