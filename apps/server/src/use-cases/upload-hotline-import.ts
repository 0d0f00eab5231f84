// Step 1 of a bulk import: read the uploaded CSV/XLSX into a table, keep it as an import waiting for
// its column mapping, and suggest the mapping from the header names. Nothing becomes a case yet.
import { createHash } from "node:crypto";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { previewRows, sealCells } from "../hotline/import-cells.ts";
import { suggestMapping } from "../hotline/import-mapping.ts";
import { readTableFile } from "../hotline/read-table-file.ts";
import type { Services } from "../services.ts";

export interface UploadHotlineImportOptions {
  services: Services;
  actor: Actor;
  /** reads the uploaded file (after the permission check, so a refused upload is not read) */
  readFile: () => Promise<{ data: Buffer; fileName: string }>;
  ip?: string | null;
}

export async function uploadHotlineImport({ services, actor, readFile, ip }: UploadHotlineImportOptions) {
  requirePermission(actor, "hotline:import");
  const { data, fileName } = await readFile();
  const table = await readTableFile(data);
  const row = await services.db
    .insertInto("hotline_imports")
    .values({
      file_name: fileName.slice(0, 255) || "import",
      file_sha256: createHash("sha256").update(data).digest("hex"),
      format: table.format,
      encoding: table.encoding,
      headers: JSON.stringify(table.headers),
      // the rows are the callers' personal data: sealed until committed (016)
      cells_enc: sealCells(services.pii, table.rows),
      row_count: table.rows.length,
      status: "uploaded",
      uploaded_by: actor.userId,
      unit_code: actor.unit.code,
      uploaded_at: services.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(services, {
    actor,
    action: "hotline.import.upload",
    objectType: "hotline_import",
    objectId: row.id,
    outcome: "success",
    ip,
    detail: { fileName: row.file_name, rows: row.row_count, format: row.format, encoding: row.encoding },
  });
  return { row, suggestedMapping: suggestMapping(table.headers), preview: previewRows(table.headers, table.rows) };
}
