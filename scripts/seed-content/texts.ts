// Assembles case-texts.json from the hand-written text modules.
import { ADAPTED } from "./adapted-messages.ts";
import type { GbtLeaf, HotlineLeaf } from "./categories.ts";
import { COMPOUNDS, checkTemplate, LANDMARKS, PLACEHOLDERS, STREETS, TIMES } from "./places.ts";
import { objectName } from "./rules-gbt.ts";
import { gbtWeight, SEASONAL, seasonOf } from "./seasons.ts";
import { COMPONENT_FAMILIES, componentFamily, type TextFamily } from "./texts-components.ts";
import { EVALUATION, HANDLING, RETURN_REASONS_TEXT, URGE_NOTES, VERIFICATION } from "./texts-handling.ts";
import { HOTLINE_TEXTS_CITY } from "./texts-hotline-city.ts";
import { HOTLINE_TEXTS_PEOPLE } from "./texts-hotline-people.ts";
import { MATTER_TEXTS_ENV } from "./texts-matters-env.ts";
import { MATTER_TEXTS_STREET } from "./texts-matters-street.ts";
import type { AdaptedMessage, CaseTextsFile, CategoryTexts } from "./types.ts";

const MATTER_TEXTS: Record<string, TextFamily> = { ...MATTER_TEXTS_ENV, ...MATTER_TEXTS_STREET };
const HOTLINE_TEXTS = { ...HOTLINE_TEXTS_CITY, ...HOTLINE_TEXTS_PEOPLE };

/** Replaces the build-time token {obj} and checks that only run-time placeholders remain. */
function expand(templates: string[], obj: string, where: string): string[] {
  return templates.map((t) => {
    const out = t.replaceAll("{obj}", obj);
    checkTemplate(out, where);
    return out;
  });
}

function gbtTexts(leaf: GbtLeaf): CategoryTexts {
  const { row, majorCode } = leaf;
  const obj = objectName(row.name);
  const mirror = row.kind === "matter" && Number(majorCode) <= 5;
  let family: TextFamily | undefined;
  if (row.kind === "component" || mirror) family = COMPONENT_FAMILIES[componentFamily(obj)];
  else family = MATTER_TEXTS[row.name];
  if (!family) throw new Error(`no texts for GB/T ${row.code} ${row.name}`);
  return {
    categoryCode: row.code,
    season: seasonOf(row.name),
    weight: gbtWeight(obj, mirror),
    voice: "grid",
    titles: expand(family.titles, obj, row.code),
    descriptions: expand(family.descriptions, obj, row.code),
  };
}

function hotlineCodeByPath(leaves: HotlineLeaf[]): Map<string, string> {
  return new Map(leaves.map((l) => [`${l.l1}/${l.l2}/${l.l3}`, l.row.code]));
}

export function buildCaseTexts(gbtLeaves: GbtLeaf[], hotlineLeaves: HotlineLeaf[]): CaseTextsFile {
  const categories: CategoryTexts[] = gbtLeaves.map(gbtTexts);
  const byPath = hotlineCodeByPath(hotlineLeaves);
  const unused = new Set(Object.keys(MATTER_TEXTS));
  for (const l of gbtLeaves) unused.delete(l.row.name);
  if (unused.size > 0) throw new Error(`matter texts for unknown names: ${[...unused].join(", ")}`);
  for (const [path, t] of Object.entries(HOTLINE_TEXTS)) {
    const code = byPath.get(path);
    if (!code) throw new Error(`hotline texts for unknown path ${path}`);
    categories.push({
      categoryCode: code,
      season: seasonOf(path),
      weight: t.weight,
      voice: "hotline",
      titles: expand(t.titles, "", code),
      descriptions: expand(t.descriptions, "", code),
    });
  }
  const adaptedMessages: AdaptedMessage[] = ADAPTED.map((a) => {
    const code = byPath.get(a.path);
    if (!code) throw new Error(`adapted message ${a.sourceRef}: unknown path ${a.path}`);
    checkTemplate(a.title, a.sourceRef);
    checkTemplate(a.description, a.sourceRef);
    return { categoryCode: code, title: a.title, description: a.description, sourceRef: a.sourceRef };
  });
  const usedSeasons = new Set(categories.map((c) => c.season));
  const seasonal = Object.fromEntries(Object.entries(SEASONAL).filter(([k]) => usedSeasons.has(k) || k === "flat"));
  for (const group of [HANDLING, RETURN_REASONS_TEXT, VERIFICATION, EVALUATION, { urge: URGE_NOTES }]) {
    for (const [k, list] of Object.entries(group)) for (const t of list) checkTemplate(t, `handling ${k}`);
  }
  return {
    version: 1,
    placeholders: [...PLACEHOLDERS],
    vocab: { streets: STREETS, compounds: COMPOUNDS, landmarks: LANDMARKS, times: TIMES },
    seasonal,
    categories,
    handling: HANDLING,
    returnReasons: RETURN_REASONS_TEXT,
    verification: VERIFICATION,
    evaluation: EVALUATION,
    urgeNotes: URGE_NOTES,
    adaptedMessages,
  };
}
