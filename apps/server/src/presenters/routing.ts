// Public shapes of 智能分派: suggestions for a case or a report being written, model versions with
// their held-out figures (never the model JSON itself), the auto-dispatch switches and figures.
import type { getCaseSuggestions } from "../use-cases/get-case-suggestions.ts";
import type { listAutoDispatchSettings } from "../use-cases/list-auto-dispatch-settings.ts";
import type { listModelLabels } from "../use-cases/list-model-labels.ts";
import type { listModelVersions } from "../use-cases/list-model-versions.ts";
import type { suggestCaseCategories } from "../use-cases/suggest-case-categories.ts";

type CaseSuggestions = Awaited<ReturnType<typeof getCaseSuggestions>>;
type CategorySuggestions = Awaited<ReturnType<typeof suggestCaseCategories>>;
type VersionsPage = Awaited<ReturnType<typeof listModelVersions>>;
type VersionRow = VersionsPage["rows"][number];
type KindRow = NonNullable<VersionRow["category"]>;
type SettingRow = Awaited<ReturnType<typeof listAutoDispatchSettings>>["rows"][number];
type LabelRow = Awaited<ReturnType<typeof listModelLabels>>["rows"][number];

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const rn = (x: number | null | undefined) => (typeof x === "number" ? r4(x) : null);

function presentTerms(terms: { term: string; weight: number }[]) {
  return terms.map((t) => ({ term: t.term, weight: r4(t.weight) }));
}

export function presentCategorySuggestions(s: CategorySuggestions) {
  return {
    modelVersion: s.modelVersion,
    categories: s.categories.map((c) => ({
      code: c.code,
      name: c.name,
      confidence: r4(c.confidence),
      terms: presentTerms(c.terms),
    })),
  };
}

export function presentCaseSuggestions(s: CaseSuggestions) {
  return {
    ...presentCategorySuggestions(s),
    units: s.units.map((u) => ({
      code: u.code,
      name: u.name,
      seat: u.seat,
      confidence: r4(u.confidence),
      terms: presentTerms(u.terms),
    })),
    caseCategoryCode: s.caseCategoryCode,
    autoDispatched: s.autoDispatched && {
      at: s.autoDispatched.at.toISOString(),
      unitCode: s.autoDispatched.unitCode,
    },
  };
}

interface StoredFigures {
  heldOut?: number;
  accuracy?: number;
  macroF1?: number;
  top3?: number;
  labels?: number;
  otherShare?: number;
  trainer?: string;
  trainMs?: number;
  thresholds?: Record<
    string,
    { threshold: number | null; precision: number; coverage: number; count: number; support: number }
  >;
  comparison?: {
    basis: string;
    cases: number;
    candidate: { category: number; unit: number };
    active: { category: number; unit: number } | null;
    notWorse: boolean;
  };
}

function presentKind(row: KindRow | null) {
  if (!row) return null;
  const m = row.metrics as StoredFigures;
  return {
    trainedOn: row.trained_on,
    heldOut: m.heldOut ?? 0,
    accuracy: rn(m.accuracy),
    macroF1: rn(m.macroF1),
    top3: rn(m.top3),
    labels: m.labels ?? 0,
    otherShare: rn(m.otherShare),
    trainer: m.trainer ?? "",
    trainMs: m.trainMs ?? 0,
  };
}

export function presentModelVersion(v: VersionRow) {
  const any = v.unit ?? v.category;
  const thresholds = Object.values((v.unit?.metrics as StoredFigures | undefined)?.thresholds ?? {});
  return {
    version: v.version,
    trainedAt: any?.trained_at.toISOString() ?? null,
    dataUntil: any?.data_until?.toISOString() ?? null,
    active: Boolean(v.unit?.active && v.category?.active),
    activatedAt: any?.activated_at?.toISOString() ?? null,
    activatedBy: any?.activated_by_name ?? null,
    note: any?.activation_note ?? null,
    pruned: !(v.unit?.has_model && v.category?.has_model),
    category: presentKind(v.category),
    unit: presentKind(v.unit),
    /** suggested categories measured, and those of them with a threshold for precision ≥ 0.95 */
    thresholdCategories: thresholds.length,
    thresholdsSet: thresholds.filter((t) => t.threshold !== null).length,
    comparison: presentComparison((v.unit?.metrics as StoredFigures | undefined)?.comparison),
  };
}

function presentComparison(c: StoredFigures["comparison"]) {
  if (!c) return null;
  const pair = (x: { category: number; unit: number }) => ({ category: r4(x.category), unit: r4(x.unit) });
  return {
    basis: c.basis,
    cases: c.cases,
    candidate: pair(c.candidate),
    active: c.active && pair(c.active),
    notWorse: c.notWorse,
  };
}

export function presentModelLabel(l: LabelRow) {
  return {
    label: l.label,
    name: l.name,
    precision: r4(l.precision),
    recall: r4(l.recall),
    f1: r4(l.f1),
    support: l.support,
    threshold: l.threshold
      ? {
          threshold: rn(l.threshold.threshold),
          precision: rn(l.threshold.precision),
          coverage: rn(l.threshold.coverage),
          support: l.threshold.support,
        }
      : null,
  };
}

export function presentTrainingState(s: VersionsPage["training"]) {
  return {
    running: s.running,
    startedAt: s.startedAt?.toISOString() ?? null,
    trigger: s.trigger,
    lastFinishedAt: s.lastFinishedAt?.toISOString() ?? null,
    lastVersion: s.lastVersion,
    lastError: s.lastError,
  };
}

export function presentAutoDispatchFigures(f: VersionsPage["autoDispatch"]) {
  if (!f) return null;
  return { ...f, share: rn(f.share), precision: rn(f.precision) };
}

export function presentAutoDispatchSetting(s: SettingRow) {
  return {
    categoryCode: s.category_code,
    name: s.name,
    enabled: s.enabled,
    threshold: rn(s.threshold),
    precision: rn(s.precision),
    coverage: rn(s.coverage),
    support: s.support,
    modelVersion: s.model_version,
    updatedAt: s.updated_at.toISOString(),
    updatedBy: s.updated_by_name,
  };
}
