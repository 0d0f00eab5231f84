// Every row of an import checked before anything is stored: required fields, a place in the city (a
// point, or an address or community name that names one place), a known category, a plausible time,
// a ticket number not repeated in the file nor imported before. The report says what is wrong, per row.
import { ERRORS, type ErrorCode } from "@civicgrid/shared";
import { sql } from "kysely";
import { AppError } from "../errors.ts";
import { resolveAddress } from "../public/resolve-address.ts";
import type { Services } from "../services.ts";
import type { CreateCaseInput } from "../use-cases/create-case.ts";
import { type ImportField, type ImportMapping, parseReceivedTime } from "./import-mapping.ts";
import { isPhone } from "./phone.ts";

const PROBLEMS = {
  REQUIRED: { zh: "必填项为空", en: "This value is required" },
  TOO_LONG: { zh: "内容过长", en: "The value is too long" },
  INVALID_TIME: { zh: "时间格式无法识别", en: "The time cannot be read" },
  TIME_IN_FUTURE: { zh: "受理时间晚于当前时间", en: "The time is in the future" },
  TIME_TOO_OLD: { zh: "受理时间早于一年前", en: "The time is more than a year ago" },
  INVALID_PHONE: { zh: "电话号码格式不正确", en: "The phone number is not valid" },
  INVALID_COORDINATES: { zh: "经纬度不是有效的数字", en: "Latitude and longitude must be numbers" },
  ADDRESS_NOT_RESOLVED: {
    zh: "无法根据地址或社区名称确定唯一位置",
    en: "The address or community name does not identify one place",
  },
  AMBIGUOUS_CATEGORY: {
    zh: "类别名称对应多个类别,请填写类别编码",
    en: "Several categories have this name; use the category code",
  },
  DUPLICATE_IN_FILE: {
    zh: "工单编号在文件中重复(仅导入第一行)",
    en: "Ticket number repeated in the file (only the first row counts)",
  },
  ALREADY_IMPORTED: { zh: "该工单已导入", en: "This ticket was imported before" },
} as const;
export type RowProblemCode = keyof typeof PROBLEMS | ErrorCode;

export interface RowProblem {
  field: ImportField | "row";
  code: RowProblemCode;
  message: string;
  messageEn: string;
}

export interface RowReport {
  /** line number in the file (the header is line 1) */
  line: number;
  ticketNo: string | null;
  status: "created" | "invalid" | "duplicate";
  caseId?: string;
  caseCode?: string;
  problems: RowProblem[];
}

export interface CheckedRow {
  report: RowReport;
  /** present when the row may be created */
  ready?: { input: CreateCaseInput; ticketNo: string; receivedAt: Date };
}

export function problem(field: RowProblem["field"], code: RowProblemCode): RowProblem {
  const text = code in PROBLEMS ? PROBLEMS[code as keyof typeof PROBLEMS] : ERRORS[code as ErrorCode];
  return { field, code, message: text.zh, messageEn: text.en };
}

const LIMITS: Partial<Record<ImportField, number>> = {
  ticketNo: 64,
  callerName: 50,
  address: 300,
  community: 100,
  title: 200,
  description: 5000,
};
const YEAR_MS = 366 * 86_400_000;
const CLOCK_SKEW_MS = 10 * 60_000;

interface Context {
  services: Services;
  now: Date;
  categories: CategoryLookup;
  places: Map<string, Promise<{ lat: number; lng: number } | null>>;
}

export async function checkRows(options: {
  services: Services;
  headers: readonly string[];
  rows: readonly string[][];
  mapping: ImportMapping;
  now: Date;
}): Promise<CheckedRow[]> {
  const { services, headers, rows, mapping, now } = options;
  const ctx: Context = { services, now, categories: await loadCategories(services), places: new Map() };
  const column = (field: ImportField) => (mapping[field] ? headers.indexOf(mapping[field] as string) : -1);
  const index = Object.fromEntries(
    (Object.keys(LIMITS) as ImportField[])
      .concat(["receivedAt", "callerPhone", "lat", "lng", "category"])
      .map((f) => [f, column(f)]),
  ) as Record<ImportField, number>;

  const checked: CheckedRow[] = [];
  const firstLine = new Map<string, number>();
  for (const [i, cells] of rows.entries()) {
    const value = (f: ImportField) => (index[f] >= 0 ? (cells[index[f]] ?? "").trim() : "");
    const row = await checkRow(ctx, i + 2, value);
    const ticket = row.report.ticketNo;
    if (ticket) {
      if (firstLine.has(ticket)) {
        row.report.problems.push(problem("ticketNo", "DUPLICATE_IN_FILE"));
        row.report.status = "invalid";
        delete row.ready;
      } else firstLine.set(ticket, i);
    }
    checked.push(row);
  }
  await markImported(services, checked);
  return checked;
}

async function checkRow(ctx: Context, line: number, value: (f: ImportField) => string): Promise<CheckedRow> {
  const problems: RowProblem[] = [];
  for (const [field, max] of Object.entries(LIMITS) as [ImportField, number][]) {
    if (value(field).length > max) problems.push(problem(field, "TOO_LONG"));
  }
  const ticketNo = value("ticketNo");
  const description = value("description");
  if (!ticketNo) problems.push(problem("ticketNo", "REQUIRED"));
  if (!description) problems.push(problem("description", "REQUIRED"));

  const receivedAt = checkTime(ctx.now, value("receivedAt"), problems);
  const phone = value("callerPhone");
  if (phone && !isPhone(phone)) problems.push(problem("callerPhone", "INVALID_PHONE"));
  const categoryCode = checkCategory(ctx.categories, value("category"), problems);
  const point = await checkPlace(ctx, value, problems);

  const report: RowReport = { line, ticketNo: ticketNo || null, status: "invalid", problems };
  if (problems.length > 0 || !receivedAt || !point) return { report };
  const name = value("callerName");
  const input: CreateCaseInput = {
    description,
    lat: point.lat,
    lng: point.lng,
    source: "hotline",
    ...(value("title") ? { title: value("title") } : {}),
    ...(categoryCode ? { categoryCode } : {}),
    ...(value("address") ? { address: value("address") } : {}),
    ...(name || phone ? { reporter: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } } : {}),
  };
  return { report: { ...report, status: "created" }, ready: { input, ticketNo, receivedAt } };
}

function checkTime(now: Date, text: string, problems: RowProblem[]): Date | null {
  if (!text) {
    problems.push(problem("receivedAt", "REQUIRED"));
    return null;
  }
  const at = parseReceivedTime(text);
  if (!at) problems.push(problem("receivedAt", "INVALID_TIME"));
  else if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.push(problem("receivedAt", "TIME_IN_FUTURE"));
  else if (at.getTime() < now.getTime() - YEAR_MS) problems.push(problem("receivedAt", "TIME_TOO_OLD"));
  else return at;
  return null;
}

async function checkPlace(ctx: Context, value: (f: ImportField) => string, problems: RowProblem[]) {
  const [latText, lngText] = [value("lat"), value("lng")];
  if (latText || lngText) {
    const lat = Number(latText);
    const lng = Number(lngText);
    if (
      !latText ||
      !lngText ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lng) ||
      Math.abs(lat) > 90 ||
      Math.abs(lng) > 180
    ) {
      problems.push(problem("lat", "INVALID_COORDINATES"));
      return null;
    }
    if (!ctx.services.places.locate(lat, lng)) {
      problems.push(problem("lat", "LOCATION_OUTSIDE_CITY"));
      return null;
    }
    return { lat, lng };
  }
  const text = [value("community"), value("address")].filter(Boolean).join(" ");
  if (!text) {
    problems.push(problem("address", "REQUIRED"));
    return null;
  }
  // the same address is common in one file: resolve it once
  let found = ctx.places.get(text);
  if (!found) {
    found = resolveAddress(ctx.services, text).then(
      (r) => ({ lat: r.lat, lng: r.lng }),
      (err: unknown) => {
        if (err instanceof AppError) return null;
        throw err;
      },
    );
    ctx.places.set(text, found);
  }
  const point = await found;
  if (!point) problems.push(problem(value("address") ? "address" : "community", "ADDRESS_NOT_RESOLVED"));
  return point;
}

interface CategoryLookup {
  byCode: Set<string>;
  byName: Map<string, { code: string; leaf: boolean }[]>;
}

async function loadCategories(services: Services): Promise<CategoryLookup> {
  const rows = await services.db
    .selectFrom("categories as c")
    .leftJoin("responsibility_entries as r", "r.category_code", "c.code")
    .select(["c.code", "c.name", sql<boolean>`r.category_code is not null`.as("leaf")])
    .where("c.active", "=", true)
    .execute();
  const byName = new Map<string, { code: string; leaf: boolean }[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), { code: r.code, leaf: r.leaf }]);
  return { byCode: new Set(rows.map((r) => r.code)), byName };
}

/** A code ("M01001"), a name ("供水井盖异常"), or both as the workbench shows them ("供水井盖异常 (M01001)"). */
function checkCategory(lookup: CategoryLookup, text: string, problems: RowProblem[]): string | null {
  if (!text) return null;
  const code = /\(([A-Z0-9]{2,16})\)\s*$/.exec(text)?.[1] ?? text.toUpperCase();
  if (lookup.byCode.has(code)) return code;
  const named = lookup.byName.get(text) ?? [];
  const leaves = named.filter((c) => c.leaf);
  const pick = leaves.length > 0 ? leaves : named;
  if (pick.length === 1) return pick[0]?.code ?? null;
  problems.push(problem("category", pick.length > 1 ? "AMBIGUOUS_CATEGORY" : "UNKNOWN_CATEGORY"));
  return null;
}

/** Tickets already in the database are reported as duplicates with the case they became. */
async function markImported(services: Services, rows: CheckedRow[]): Promise<void> {
  const tickets = rows.flatMap((r) => (r.ready ? [r.ready.ticketNo] : []));
  for (let i = 0; i < tickets.length; i += 1000) {
    const chunk = tickets.slice(i, i + 1000);
    const found = await services.db
      .selectFrom("cases")
      .select(["id", "code", "external_ticket_no"])
      .where("external_ticket_no", "in", chunk)
      .execute();
    const byTicket = new Map(found.map((c) => [c.external_ticket_no, c]));
    for (const r of rows) {
      const existing = r.ready ? byTicket.get(r.ready.ticketNo) : undefined;
      if (!existing) continue;
      markDuplicate(r, existing);
    }
  }
}

export function markDuplicate(r: CheckedRow, existing: { id: string; code: string }): void {
  r.report.status = "duplicate";
  r.report.caseId = existing.id;
  r.report.caseCode = existing.code;
  r.report.problems.push(problem("ticketNo", "ALREADY_IMPORTED"));
  delete r.ready;
}
