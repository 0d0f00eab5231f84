// A hotline ticket export as a table of strings: XLSX (first sheet with data) or CSV in UTF-8 (with or
// without BOM), UTF-16 (Excel's "Unicode text") or GBK (what Chinese Excel saves by default), with
// comma, tab or semicolon separators. Anything else is a clear 4xx, never a 500.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError } from "../errors.ts";

export interface ParsedTable {
  format: "csv" | "xlsx";
  /** the text encoding a CSV was read in; null for XLSX */
  encoding: string | null;
  headers: string[];
  /** data rows (header excluded), each as long as headers, cells trimmed */
  rows: string[][];
}

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_CELL = 5000;

const startsWith = (data: Buffer, bytes: number[]) => bytes.every((b, i) => data[i] === b);

export async function readTableFile(data: Buffer, maxRows = MAX_IMPORT_ROWS): Promise<ParsedTable> {
  if (data.length === 0) throw new AppError("IMPORT_FILE_EMPTY");
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError("IMPORT_FILE_UNREADABLE", { problem: "Excel 97-2003 (.xls): save it as .xlsx or CSV" });
  }
  const table = startsWith(data, [0x50, 0x4b, 0x03, 0x04]) ? await readXlsx(data, maxRows) : readCsv(data, maxRows);
  return tidy(table, maxRows);
}

function tidy(table: Pick<ParsedTable, "format" | "encoding"> & { raw: string[][] }, maxRows: number): ParsedTable {
  const clean = (v: unknown) =>
    String(v ?? "")
      .trim()
      .slice(0, MAX_CELL);
  const nonEmpty = table.raw.map((r) => r.map(clean)).filter((r) => r.some((c) => c !== ""));
  const [head, ...body] = nonEmpty;
  if (!head || body.length === 0) throw new AppError("IMPORT_FILE_EMPTY");
  if (body.length > maxRows) throw new AppError("IMPORT_TOO_MANY_ROWS", { maxRows, rows: body.length });
  const width = Math.max(head.length, ...body.map((r) => r.length));
  const seen = new Map<string, number>();
  const headers = Array.from({ length: width }, (_, i) => {
    const name = head[i] || `列${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  const rows = body.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
  return { format: table.format, encoding: table.encoding, headers, rows };
}

/** UTF-8 (BOM or valid without), UTF-16 by BOM, otherwise GBK. */
export function decodeText(data: Buffer): { text: string; encoding: string } {
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return { text: data.subarray(3).toString("utf8"), encoding: "utf-8" };
  if (startsWith(data, [0xff, 0xfe]))
    return { text: new TextDecoder("utf-16le").decode(data.subarray(2)), encoding: "utf-16le" };
  if (startsWith(data, [0xfe, 0xff]))
    return { text: new TextDecoder("utf-16be").decode(data.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(data), encoding: "utf-8" };
  } catch {
    // not UTF-8: GBK (decoded as GB18030, its superset) is what Chinese Excel and most 12345 systems write
    return { text: new TextDecoder("gb18030").decode(data), encoding: "gbk" };
  }
}

function readCsv(data: Buffer, maxRows: number) {
  const { text, encoding } = decodeText(data);
  if (text.includes("\u0000")) throw new AppError("IMPORT_FILE_UNREADABLE", { problem: "binary content" });
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [",", "\t", ";"].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]?.d;
  let raw: string[][];
  try {
    raw = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // header + rows + a little: a longer file is refused below without parsing all of it
      to_line: maxRows + 50,
    }) as string[][];
  } catch (err) {
    throw new AppError("IMPORT_FILE_UNREADABLE", { problem: (err as Error).message.slice(0, 200) });
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "").length;
  if (lines > maxRows + 50) throw new AppError("IMPORT_TOO_MANY_ROWS", { maxRows, rows: lines - 1 });
  return { format: "csv" as const, encoding, raw };
}

async function readXlsx(data: Buffer, maxRows: number) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError("IMPORT_FILE_UNREADABLE", { problem: (err as Error).message.slice(0, 200) });
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new AppError("IMPORT_FILE_EMPTY");
  if (sheet.actualRowCount > maxRows + 1) {
    throw new AppError("IMPORT_TOO_MANY_ROWS", { maxRows, rows: sheet.actualRowCount - 1 });
  }
  const raw: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    raw.push(values.map(cellText));
  });
  return { format: "xlsx" as const, encoding: null, raw };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell as text. Excel dates carry no zone: exceljs reads the wall clock as UTC, kept as written. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return "";
    return (
      `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ` +
      `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`
    );
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((p) => p.text ?? "").join("");
    if ("result" in o) return cellText(o.result);
    if ("text" in o) return cellText(o.text);
    if ("error" in o) return "";
    return "";
  }
  return String(v);
}
