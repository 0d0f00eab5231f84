// One card of the public results wall: what was wrong (category), where (to community level, names
// only), what was done (the result, with numbers that look personal masked), the rating and the
// feedback photos. No reporter, no staff, no point, no address, no description.
import type { PlaceDirectory } from "../places/directory.ts";
import { redactPublicText } from "../public/redact.ts";
import type { WallRow } from "../use-cases/list-public-results.ts";
import { divisionNames } from "./public-report.ts";

export function presentPublicResult(row: WallRow, places: PlaceDirectory) {
  const photoUrl = (id: string) => `/api/v1/public/results/${row.id}/photos/${id}`;
  return {
    id: row.id,
    category: row.category_name,
    place: divisionNames(places, row),
    result: redactPublicText(row.result_note),
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    rating: row.rating,
    photos: row.photoIds.map((id) => ({ id, url: photoUrl(id), thumbnailUrl: `${photoUrl(id)}?size=thumb` })),
  };
}
