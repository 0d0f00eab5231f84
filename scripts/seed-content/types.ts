// Shapes of the seed-content JSON files under apps/server/seed-data/.
import type { DepartmentKind, DivisionLevel, HandlerKind, Rating, ReturnReason } from "@civicgrid/shared";

export type CategoryKind = "component_class" | "component" | "matter_class" | "matter" | "hotline";

export interface CategoryRow {
  code: string;
  name: string;
  kind: CategoryKind;
  parentCode: string | null;
  /** GB/T major class (2 digits) and its name, on GB/T rows. */
  majorCode?: string;
  majorName?: string;
  /** The 5-digit code printed in GB/T 47678.5 (leaves only); `code` carries a kind prefix. */
  stdCode?: string;
  /** 1, 2 or 3 on hotline rows. */
  hotlineLevel?: 1 | 2 | 3;
}

export interface DepartmentRow {
  kind: DepartmentKind;
  nameCity: string;
  nameDistrictSuffix: string | null;
  nameEn: string;
  levels: ("city" | "district")[];
  /** How district names are formed: `local` = district name + suffix; `branch` = city bureau + short name + 分局. */
  districtNaming: "local" | "branch" | "branch_urban" | null;
  /** Full names of the district-level unit, keyed by the 12-digit district code. */
  districtNames: Record<string, string>;
}

export interface ResponsibilityRow {
  categoryCode: string;
  handlerKind: HandlerKind;
  level: DivisionLevel;
  /** Time limit in working days. */
  limitDays: number;
  /** true when handlerKind is "territorial" (属地): the station or township centre handles it itself. */
  territorial: boolean;
  /** Which rule produced the entry (for admins reviewing the list). */
  rule: string;
}

export interface CategoryTexts {
  categoryCode: string;
  /** Seasonal family (key of `seasonal`). */
  season: string;
  /** Relative frequency weight across all categories (1 = rare). */
  weight: number;
  /** Whose voice the texts are written in: a grid worker's report, or a hotline agent's ticket. */
  voice: "grid" | "hotline";
  /** titles[i] and descriptions[i] describe the same situation (same length): pick one index,
   *  then fill {place}/{landmark}/{time} with the same values in both. */
  titles: string[];
  descriptions: string[];
}

export interface AdaptedMessage {
  categoryCode: string;
  title: string;
  description: string;
  /** Row id in the Teddy Cup 2020 C message set the text was adapted from. */
  sourceRef: string;
}

export interface CaseTextsFile {
  version: 1;
  placeholders: string[];
  vocab: { streets: string[]; compounds: string[]; landmarks: string[]; times: string[] };
  seasonal: Record<string, number[]>;
  categories: CategoryTexts[];
  handling: Record<HandlerKind, string[]>;
  returnReasons: Record<ReturnReason, string[]>;
  verification: { passed: string[]; failed: string[] };
  evaluation: Record<Rating, string[]>;
  urgeNotes: string[];
  adaptedMessages: AdaptedMessage[];
}
