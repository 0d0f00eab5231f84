// 智能分派 while a report is written (intake forms): the three likeliest categories for the text so
// far, with confidences and driving words. Nothing is stored; for those who may report a problem.
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { suggestCategories } from "../routing/suggest.ts";
import type { Services } from "../services.ts";

export interface SuggestCaseCategoriesOptions {
  services: Services;
  actor: Actor;
  title?: string;
  description: string;
}

export async function suggestCaseCategories({ services, actor, title, description }: SuggestCaseCategoriesOptions) {
  requirePermission(actor, "case:create");
  return suggestCategories(services.db, `${title?.trim() ?? ""}\n${description}`);
}
