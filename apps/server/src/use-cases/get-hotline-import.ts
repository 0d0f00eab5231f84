// One import with its row-by-row report (after commit) or the first rows and the suggested mapping
// (before), so the import page can be reopened where it was left.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { AppError } from "../errors.ts";
import { openCells, previewRows } from "../hotline/import-cells.ts";
import { suggestMapping } from "../hotline/import-mapping.ts";
import type { Services } from "../services.ts";
import { IMPORT_SUMMARY_COLUMNS } from "./list-hotline-imports.ts";

export async function getHotlineImport({ services, actor, id }: { services: Services; actor: Actor; id: string }) {
  requirePermission(actor, "hotline:import");
  const row = await services.db
    .selectFrom("hotline_imports")
    .leftJoin("users", "users.id", "hotline_imports.uploaded_by")
    .select(IMPORT_SUMMARY_COLUMNS)
    .select([
      "users.display_name as uploader_name",
      "hotline_imports.report",
      // sealed (016): opened here only for the masked preview of a waiting import
      sql<string | null>`case when hotline_imports.status = 'uploaded' then hotline_imports.cells_enc end`.as(
        "cells_enc",
      ),
    ])
    .where("hotline_imports.id", "=", id)
    .executeTakeFirst();
  if (!row) throw new AppError("IMPORT_NOT_FOUND");
  const { cells_enc, ...rest } = row;
  const preview = cells_enc ? previewRows(row.headers, openCells(services.pii, cells_enc)) : null;
  return { row: { ...rest, preview }, suggestedMapping: suggestMapping(row.headers) };
}
