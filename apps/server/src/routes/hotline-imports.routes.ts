// The 12345 desk's bulk import of tickets (CSV/XLSX, GBK too): upload → columns, first rows and a
// suggested mapping → commit with a mapping → the row-by-row report. Registered by hotlineRoutes.
// See docs/hotline.md.
import multipart from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { IMPORT_FIELDS } from "../hotline/import-mapping.ts";
import { IMPORT_UPLOAD_LIMITS, readImportUpload } from "../hotline/read-import-upload.ts";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "../hotline/read-table-file.ts";
import { actorOf } from "../http/auth.ts";
import { ErrorResponse, errorResponses, Loose, Page, PageQuery } from "../http/schemas.ts";
import { presentImport, presentImportSummary } from "../presenters/hotline.ts";
import { presentPage } from "../presenters/page.ts";
import { commitHotlineImport } from "../use-cases/commit-hotline-import.ts";
import { getHotlineImport } from "../use-cases/get-hotline-import.ts";
import { listHotlineImports } from "../use-cases/list-hotline-imports.ts";
import { uploadHotlineImport } from "../use-cases/upload-hotline-import.ts";

const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
const Mapping = Type.Object(
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, Type.Optional(Type.String({ minLength: 1, maxLength: 255 }))])),
  { additionalProperties: false, description: "field → the file's column header" },
);
const ImportSchema = Loose({
  id: Type.String(),
  fileName: Type.String(),
  status: Type.String(),
  rowCount: Type.Integer(),
  headers: Type.Array(Type.String()),
  counts: Loose({}),
  suggestedMapping: Type.Optional(Loose({})),
  preview: Type.Optional(Type.Array(Type.Array(Type.String()))),
  report: Type.Optional(Type.Array(Loose({}))),
});

export async function hotlineImportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;
  await app.register(importUploadRoute);

  r.get(
    "/hotline/imports",
    {
      schema: {
        tags: ["hotline"],
        summary: "Bulk imports of hotline tickets, newest first",
        querystring: Type.Object(PageQuery),
        response: { 200: Page(ImportSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20 } = request.query;
      const result = await listHotlineImports({ services, actor: actorOf(request), page, pageSize });
      return presentPage(result, presentImportSummary);
    },
  );

  r.get(
    "/hotline/imports/:id",
    {
      schema: {
        tags: ["hotline"],
        summary: "One import: before commit its columns, first rows and suggested mapping; after, its row report",
        params: IdParams,
        response: { 200: ImportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { row, suggestedMapping } = await getHotlineImport({
        services,
        actor: actorOf(request),
        id: request.params.id,
      });
      return presentImport(row, { suggestedMapping, preview: row.preview, report: row.report as never });
    },
  );

  r.post(
    "/hotline/imports/:id/commit",
    {
      schema: {
        tags: ["hotline"],
        summary: "Import with a column mapping: every row checked; valid rows become cases; the row-by-row report",
        description:
          "Required: ticketNo, receivedAt, description, and a place (lat+lng, address or community). Rows with " +
          "problems are reported and not imported; a ticket number imported before is reported as a duplicate.",
        params: IdParams,
        body: Type.Object({ mapping: Mapping }, { additionalProperties: false }),
        response: { 200: ImportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { row, report } = await commitHotlineImport({
        services,
        actor,
        id: request.params.id,
        mapping: request.body.mapping,
        ip: request.ip,
      });
      const uploader = await services.db
        .selectFrom("users")
        .select("display_name")
        .where("id", "=", row.uploaded_by)
        .executeTakeFirst();
      return presentImport({ ...row, uploader_name: uploader?.display_name ?? null }, { report });
    },
  );
}

/** The upload alone parses multipart bodies, with the import's own caps (one file, 5 MB). */
async function importUploadRoute(app: FastifyInstance) {
  await app.register(multipart, { limits: IMPORT_UPLOAD_LIMITS, throwFileSizeLimit: true });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = app;
  r.post(
    "/hotline/imports",
    {
      schema: {
        tags: ["hotline"],
        summary: `Upload tickets (CSV or XLSX ≤ ${MAX_IMPORT_BYTES / 1024 / 1024} MB, ≤ ${MAX_IMPORT_ROWS} rows) as multipart field \`file\``,
        description:
          "CSV in UTF-8 (with or without BOM), UTF-16 or GBK; comma, tab or semicolon. The first row names the " +
          "columns. Answers the columns, the first rows and a suggested mapping; commit with POST …/commit.",
        consumes: ["multipart/form-data"],
        response: { 201: ImportSchema, 413: ErrorResponse, 415: ErrorResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { row, suggestedMapping, preview } = await uploadHotlineImport({
        services,
        actor: actorOf(request),
        readFile: () => readImportUpload(request),
        ip: request.ip,
      });
      const found = { ...row, uploader_name: actorOf(request).displayName };
      return reply.status(201).send(presentImport(found, { suggestedMapping, preview }));
    },
  );
}
