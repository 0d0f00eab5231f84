// Shapes of the intelligence features' answers, shared by the server (which builds them) and the web
// (which shows them): the monthly common-problem report (docs/analysis.md) and the auto-dispatch
// figures of the big screen and the model page (docs/classification.md).

export interface CategoryMonth {
  code: string;
  name: string;
  count: number;
  previous: number;
}

export interface RisingCategory {
  code: string;
  name: string;
  count: number;
  expected: number;
  ratio: number;
  pValue: number;
}

export interface MonthHotspot {
  level: string;
  code: string;
  place: string;
  categoryCode: string;
  categoryName: string;
  observed: number;
  expected: number;
  ratio: number;
}

export interface MonthAlert {
  id: string;
  kind: string;
  place: string;
  categoryName: string;
  observed: number;
  expected: number;
  status: string;
  taskCode: string | null;
  taskStatus: string | null;
}

export interface CommonProblemsMonth {
  month: string;
  from: string;
  to: string;
  division: { level: string; code: string; name: string };
  /** when the analysis last ran (null: never yet, the figures are empty) */
  analysedAt: string | null;
  total: number;
  previousTotal: number;
  categories: CategoryMonth[];
  rising: RisingCategory[];
  hotspots: MonthHotspot[];
  alerts: { total: number; byKind: Record<string, number>; byStatus: Record<string, number>; top: MonthAlert[] };
}

export interface AutoDispatchFigures {
  days: number;
  /** first report day counted ('YYYY-MM-DD', CST) */
  from: string;
  dispatched: number;
  auto: number;
  share: number | null;
  right: number;
  wrong: number;
  pending: number;
  precision: number | null;
}
