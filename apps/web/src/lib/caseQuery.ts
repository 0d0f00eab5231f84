// The case-list filters live in the URL query (so a reload or a shared link keeps them); this
// module converts between the URL, the filter state and the API's query parameters.
import dayjs from "dayjs";

export const SORTS = ["reportedAt", "-reportedAt", "dueAt", "-dueAt", "updatedAt", "-updatedAt"] as const;
export type Sort = (typeof SORTS)[number];

export interface CaseFilters {
  bucket?: string;
  q?: string;
  status: string[];
  categoryCode?: string;
  divisionCode?: string;
  source?: string;
  /** days, YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
  overdue?: boolean;
  sort: Sort;
  page: number;
  pageSize: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const str = (sp: URLSearchParams, k: string) => sp.get(k) || undefined;
const int = (v: string | null, dflt: number, max: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : dflt;
};

export function readFilters(sp: URLSearchParams): CaseFilters {
  const sort = sp.get("sort") as Sort | null;
  const from = str(sp, "from");
  const to = str(sp, "to");
  const overdue = sp.get("overdue");
  return {
    bucket: str(sp, "bucket"),
    q: str(sp, "q"),
    status: sp.getAll("status"),
    categoryCode: str(sp, "category"),
    divisionCode: str(sp, "division"),
    source: str(sp, "source"),
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
    overdue: overdue === "true" ? true : overdue === "false" ? false : undefined,
    sort: sort && (SORTS as readonly string[]).includes(sort) ? sort : "-reportedAt",
    page: int(sp.get("page"), 1, 100_000),
    pageSize: int(sp.get("pageSize"), 20, 100),
  };
}

export function writeFilters(f: CaseFilters): URLSearchParams {
  const sp = new URLSearchParams();
  const set = (k: string, v: string | undefined) => {
    if (v) sp.set(k, v);
  };
  set("bucket", f.bucket);
  set("q", f.q);
  for (const s of f.status) sp.append("status", s);
  set("category", f.categoryCode);
  set("division", f.divisionCode);
  set("source", f.source);
  set("from", f.from);
  set("to", f.to);
  if (f.overdue !== undefined) sp.set("overdue", String(f.overdue));
  if (f.sort !== "-reportedAt") sp.set("sort", f.sort);
  if (f.page !== 1) sp.set("page", String(f.page));
  if (f.pageSize !== 20) sp.set("pageSize", String(f.pageSize));
  return sp;
}

/** A range of local days as the API takes it: instants, whole days, the end exclusive. */
export function reportedRange(from: string | undefined, to: string | undefined) {
  return {
    reportedFrom: from ? dayjs(from).startOf("day").toISOString() : undefined,
    reportedTo: to ? dayjs(to).add(1, "day").startOf("day").toISOString() : undefined,
  };
}

/** The filter part of GET /cases (also GET /cases/export and /cases/map): no paging, no sort. */
export function apiFilters(f: CaseFilters): Record<string, unknown> {
  return {
    bucket: f.bucket,
    q: f.q,
    status: f.status,
    categoryCode: f.categoryCode,
    divisionCode: f.divisionCode,
    source: f.source,
    ...reportedRange(f.from, f.to),
    overdue: f.overdue,
  };
}

export function apiListQuery(f: CaseFilters): Record<string, unknown> {
  return { ...apiFilters(f), sort: f.sort, page: f.page, pageSize: f.pageSize };
}

/** Whether any filter (not bucket, sort or paging) is set. */
export function hasFilters(f: CaseFilters): boolean {
  return Boolean(
    f.q || f.status.length || f.categoryCode || f.divisionCode || f.source || f.from || f.to || f.overdue !== undefined,
  );
}
