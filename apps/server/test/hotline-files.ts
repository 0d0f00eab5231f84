// Files a 12345 system exports, built in the test: CSV in UTF-8 (with BOM) or GBK, and XLSX.
import ExcelJS from "exceljs";
import type { TestContext } from "./harness.ts";
import { multipart } from "./uploads.ts";

/** Node encodes only UTF-8/16: GBK is built from its decoder, by decoding every two-byte code. */
let gbkTable: Map<string, Buffer> | null = null;
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const bytes = Buffer.from([lead, trail]);
        const ch = decoder.decode(bytes);
        if (ch.length === 1 && ch !== "\ufffd" && !gbkTable.has(ch)) gbkTable.set(ch, bytes);
      }
    }
  }
  const parts: Buffer[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) parts.push(Buffer.from(ch, "ascii"));
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      parts.push(bytes);
    }
  }
  return Buffer.concat(parts);
}

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
export function csvText(rows: string[][]): string {
  return `${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
}

export async function xlsxFile(rows: (string | number | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("工单");
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function uploadImport(ctx: TestContext, token: string, data: Buffer, filename = "tickets.csv") {
  const { payload, headers } = multipart([{ data, filename, contentType: "text/csv" }]);
  return ctx.api(token, { method: "POST", url: "/api/v1/hotline/imports", payload, headers });
}

export async function commitImport(ctx: TestContext, token: string, id: string, mapping: Record<string, string>) {
  return ctx.api(token, { method: "POST", url: `/api/v1/hotline/imports/${id}/commit`, payload: { mapping } });
}
