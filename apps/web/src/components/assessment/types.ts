// The assessment API's shapes (GET /assessment/areas|units|people) and what each table shows. The
// figures themselves (names, kinds, each table's columns) are @civicgrid/shared's, as on the server.
import { FIGURES, type FigureKey, type FigureKind, TABLE_FIGURES } from "@civicgrid/shared";

export type { FigureKey, FigureKind };

export interface RankingRow {
  rank: number | null;
  code: string;
  name: string;
  kind: string;
  context: string | null;
  hasChildren: boolean;
  figures: Partial<Record<FigureKey, number | null>>;
  change: Partial<Record<FigureKey, number | null>>;
}

export interface Period {
  from: string;
  to: string;
}

export interface RankingPage {
  items: RankingRow[];
  total: number;
  page: number;
  pageSize: number;
  period: Period;
  previous: Period;
  sort: FigureKey;
  order: "asc" | "desc";
  /** areas only */
  level?: AreaLevel;
  parent?: { code: string; name: string; level: string };
  summary?: RankingRow;
}

export type AreaLevel = "district" | "township" | "community" | "grid";
export const AREA_LEVELS: readonly AreaLevel[] = ["district", "township", "community", "grid"];
export type TabKey = AreaLevel | "units" | "grid_worker" | "handler";

export function kindOf(key: FigureKey): FigureKind {
  return FIGURES[key].kind;
}

/** The columns of each table (the server's XLSX has the same ones). */
export function figuresOf(tab: TabKey): readonly FigureKey[] {
  return tab === "grid_worker" || tab === "handler" || tab === "units" ? TABLE_FIGURES[tab] : TABLE_FIGURES.areas;
}
