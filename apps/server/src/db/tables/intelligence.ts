// Tables of the intelligence features: common problems and trend anomalies (022,
// docs/analysis.md), the classifier's model store and auto-dispatch settings (023,
// docs/classification.md).
import type { ColumnType, Generated } from "kysely";
import type { Json, Timestamp } from "./column-types.ts";

export interface AnalysisCountsTable {
  level: string;
  code: string;
  day: ColumnType<string, string, string>;
  category_code: string;
  reported: number;
}

export interface AnalysisStateTable {
  id: Generated<boolean>;
  counts_full_at: Timestamp | null;
  counts_from: ColumnType<string | null, string | null, string | null>;
  swept_at: Timestamp | null;
}

export interface AnalysisAlertsTable {
  id: Generated<string>;
  key: string;
  kind: "hotspot" | "trend";
  level: string;
  code: string;
  category_code: string;
  category_level: "category" | "class";
  city_code: string;
  district_code: string | null;
  township_code: string | null;
  community_code: string | null;
  grid_code: string | null;
  window_days: number;
  window_from: ColumnType<string, string, string>;
  window_to: ColumnType<string, string, string>;
  observed: number;
  expected: number;
  ratio: number | null;
  p_value: number;
  q_value: number | null;
  score: number;
  peak_score: number;
  method: string;
  detail: Json<Record<string, unknown>>;
  status: Generated<"open" | "acknowledged" | "tasked" | "dismissed">;
  active: Generated<boolean>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: Timestamp | null;
  status_changed_at: Timestamp | null;
  status_changed_by: string | null;
  status_note: string | null;
  task_case_id: string | null;
  version: Generated<number>;
}

export interface AnalysisAlertCasesTable {
  alert_id: string;
  case_id: string;
}

export interface ClassifierModelsTable {
  id: Generated<number>;
  kind: "category" | "unit";
  version: number;
  trained_at: Timestamp;
  trained_on: number;
  data_until: Timestamp | null;
  metrics: Json<Record<string, unknown>>;
  /** TextModel JSON (version 1: everything; version 2: all but the weights); null once pruned */
  model: ColumnType<unknown | null, string | null, string | null>;
  /** version 2: the weight matrix (text-model-format.ts, 024); null for version 1 and once pruned */
  model_weights: ColumnType<Buffer | null, Uint8Array | null, Uint8Array | null>;
  active: Generated<boolean>;
  activated_at: Timestamp | null;
  activated_by: string | null;
  activation_note: string | null;
}

export interface AutoDispatchSettingsTable {
  category_code: string;
  enabled: Generated<boolean>;
  threshold: number | null;
  precision: number | null;
  coverage: number | null;
  support: number | null;
  model_version: number | null;
  updated_at: Timestamp;
  updated_by: string | null;
}
