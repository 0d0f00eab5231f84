// Suggestions of the active routing models for one text: the three likeliest categories and the three
// likeliest handling units, each with its confidence and the words that drove it. Unit suggestions are
// seats (seats.ts) turned into the unit serving the case's place — and, for a dispatcher, only units
// the dispatch step would accept from them, so one click always fills a valid choice.
import type { Place } from "@civicgrid/domain";
import { predictTopK } from "@civicgrid/domain";
import type { Db } from "../db/connect.ts";
import type { PlaceDirectory, Unit } from "../places/directory.ts";
import { activeModels } from "./model-store.ts";
import { dispatchableUnit, OTHER_LABEL } from "./seats.ts";

export const SUGGESTION_COUNT = 3;
/** driving words shown per suggestion */
const TERM_COUNT = 5;

export interface SuggestedTerm {
  term: string;
  weight: number;
}

export interface CategorySuggestion {
  code: string;
  name: string;
  confidence: number;
  terms: SuggestedTerm[];
}

export interface UnitSuggestion {
  code: string;
  name: string;
  /** the learnt label, e.g. "district:water" */
  seat: string;
  confidence: number;
  terms: SuggestedTerm[];
}

export interface Suggestions {
  /** null when no model is active yet */
  modelVersion: number | null;
  categories: CategorySuggestion[];
  units: UnitSuggestion[];
}

export async function suggestCategories(db: Db, text: string): Promise<Omit<Suggestions, "units">> {
  const models = await activeModels(db);
  if (!models) return { modelVersion: null, categories: [] };
  const ranked = predictTopK(models.category, text, SUGGESTION_COUNT + 1, TERM_COUNT)
    .filter((p) => p.label !== OTHER_LABEL)
    .slice(0, SUGGESTION_COUNT);
  const names = ranked.length
    ? await db
        .selectFrom("categories")
        .select(["code", "name"])
        .where(
          "code",
          "in",
          ranked.map((p) => p.label),
        )
        .execute()
    : [];
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  return {
    modelVersion: models.version,
    categories: ranked.map((p) => ({
      code: p.label,
      name: nameOf.get(p.label) ?? p.label,
      confidence: p.confidence,
      terms: p.terms,
    })),
  };
}

export interface SuggestForCaseOptions {
  db: Db;
  places: PlaceDirectory;
  text: string;
  place: Place;
  /** the dispatcher's unit: only units they may dispatch to; null: any unit serving the place */
  dispatcher: Unit | null;
}

export async function suggestForCase(o: SuggestForCaseOptions): Promise<Suggestions> {
  const categories = await suggestCategories(o.db, o.text);
  const models = await activeModels(o.db);
  if (!models) return { ...categories, units: [] };
  // rank every seat, keep the first three that name a unit here, then explain just those
  const ranked = predictTopK(models.unit, o.text, models.unit.labels.length, 0);
  const chosen: { index: number; unit: Unit }[] = [];
  for (let i = 0; i < ranked.length && chosen.length < SUGGESTION_COUNT; i++) {
    const seat = ranked[i]?.label as string;
    if (seat === OTHER_LABEL) continue;
    const unit = dispatchableUnit(o.places, seat, o.place, o.dispatcher);
    if (unit) chosen.push({ index: i, unit });
  }
  const last = chosen.at(-1);
  const explained = last ? predictTopK(models.unit, o.text, last.index + 1, TERM_COUNT) : [];
  return {
    ...categories,
    modelVersion: models.version,
    units: chosen.map(({ index, unit }) => {
      const p = explained[index] ?? ranked[index];
      return {
        code: unit.code,
        name: unit.name,
        seat: p?.label ?? "",
        confidence: p?.confidence ?? 0,
        terms: p?.terms ?? [],
      };
    }),
  };
}
