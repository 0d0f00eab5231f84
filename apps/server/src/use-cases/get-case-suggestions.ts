// 智能分派 for one case (the dispatch form): the active models' top-3 categories and top-3 handling
// units with confidences and the words that drove them. The case is read in the caller's jurisdiction
// (404 outside it, like a missing id); a centre gets only units it may dispatch to.
import { CENTRE_ROLES } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { scopeCases } from "../access/case-scope.ts";
import { AppError } from "../errors.ts";
import { caseText } from "../routing/auto-dispatch.ts";
import { suggestForCase } from "../routing/suggest.ts";
import type { Services } from "../services.ts";

export interface GetCaseSuggestionsOptions {
  services: Services;
  actor: Actor;
  caseId: string;
}

export async function getCaseSuggestions({ services, actor, caseId }: GetCaseSuggestionsOptions) {
  const { db, places } = services;
  const row = await scopeCases(
    db
      .selectFrom("cases")
      .select([
        "id",
        "title",
        "description",
        "category_code",
        "grid_code",
        "community_code",
        "township_code",
        "district_code",
        "city_code",
        "auto_dispatched_at",
        "auto_dispatch_unit_code",
      ]),
    actor,
  )
    .where("id", "=", caseId)
    .executeTakeFirst();
  if (!row) throw new AppError("CASE_NOT_FOUND");
  const dispatcher = actor.roles.some((r) => CENTRE_ROLES.includes(r)) ? actor.unit : null;
  const suggestions = await suggestForCase({
    db,
    places,
    text: caseText(row),
    place: {
      city: row.city_code,
      district: row.district_code,
      township: row.township_code,
      community: row.community_code,
      grid: row.grid_code,
    },
    dispatcher,
  });
  return {
    ...suggestions,
    caseCategoryCode: row.category_code,
    autoDispatched: row.auto_dispatched_at
      ? { at: row.auto_dispatched_at, unitCode: row.auto_dispatch_unit_code }
      : null,
  };
}
