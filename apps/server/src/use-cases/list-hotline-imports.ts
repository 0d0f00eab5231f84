// The history of bulk imports, newest first: who, when, which file, and how many rows became cases.
import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import type { Services } from "../services.ts";

export interface ListHotlineImportsOptions {
  services: Services;
  actor: Actor;
  page: number;
  pageSize: number;
}

/** The columns of an import without its cells and report (both can be large). */
export const IMPORT_SUMMARY_COLUMNS = [
  "hotline_imports.id",
  "hotline_imports.file_name",
  "hotline_imports.format",
  "hotline_imports.encoding",
  "hotline_imports.headers",
  "hotline_imports.row_count",
  "hotline_imports.status",
  "hotline_imports.mapping",
  "hotline_imports.created_count",
  "hotline_imports.error_count",
  "hotline_imports.duplicate_count",
  "hotline_imports.uploaded_by",
  "hotline_imports.unit_code",
  "hotline_imports.uploaded_at",
  "hotline_imports.committed_by",
  "hotline_imports.committed_at",
] as const;

export async function listHotlineImports({ services, actor, page, pageSize }: ListHotlineImportsOptions) {
  requirePermission(actor, "hotline:import");
  const { db } = services;
  const [rows, count] = await Promise.all([
    db
      .selectFrom("hotline_imports")
      .leftJoin("users", "users.id", "hotline_imports.uploaded_by")
      .select(IMPORT_SUMMARY_COLUMNS)
      .select("users.display_name as uploader_name")
      .orderBy("hotline_imports.uploaded_at", "desc")
      .orderBy("hotline_imports.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db.selectFrom("hotline_imports").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n, page, pageSize };
}
