// Shapes of the models page's API (apps/server/src/routes/routing.routes.ts).
import type { AutoDispatchFigures } from "@civicgrid/shared";
import type { Page } from "../../lib/types.ts";

export interface KindFigures {
  trainedOn: number;
  heldOut: number;
  accuracy: number | null;
  macroF1: number | null;
  top3: number | null;
  labels: number;
  otherShare: number | null;
  trainer: string;
  trainMs: number;
}

export interface ModelVersion {
  version: number;
  trainedAt: string | null;
  dataUntil: string | null;
  active: boolean;
  activatedAt: string | null;
  activatedBy: string | null;
  note: string | null;
  pruned: boolean;
  category: KindFigures | null;
  unit: KindFigures | null;
  thresholdCategories: number;
  thresholdsSet: number;
  comparison: {
    basis: string;
    cases: number;
    candidate: { category: number; unit: number };
    active: { category: number; unit: number } | null;
    notWorse: boolean;
  } | null;
}

export interface TrainingState {
  running: boolean;
  startedAt: string | null;
  trigger: string | null;
  lastFinishedAt: string | null;
  lastVersion: number | null;
  lastError: string | null;
}

export type { AutoDispatchFigures };

export type VersionsPage = Page<ModelVersion> & { training: TrainingState; autoDispatch: AutoDispatchFigures | null };

export interface ModelLabel {
  label: string;
  name: string | null;
  precision: number;
  recall: number;
  f1: number;
  support: number;
  threshold: { threshold: number | null; precision: number | null; coverage: number | null; support: number } | null;
}

export interface AutoDispatchSetting {
  categoryCode: string;
  name: string;
  enabled: boolean;
  threshold: number | null;
  precision: number | null;
  coverage: number | null;
  support: number | null;
  modelVersion: number | null;
  updatedAt: string;
  updatedBy: string | null;
}
