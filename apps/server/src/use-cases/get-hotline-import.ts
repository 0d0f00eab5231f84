// One import with its row-by-row report (after commit) or the first rows and the suggested mapping
// (before), so the import page can be reopened where it was left.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { AppError } from "../errors.ts";
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
      // only the first rows of a waiting import: a preview, not the whole file
      sql<string[][]>`jsonb_path_query_array(hotline_imports.cells, '$[0 to 4]')`.as("preview"),
    ])
    .where("hotline_imports.id", "=", id)
    .executeTakeFirst();
  if (!row) throw new AppError("IMPORT_NOT_FOUND");
  return { row, suggestedMapping: suggestMapping(row.headers) };
}
