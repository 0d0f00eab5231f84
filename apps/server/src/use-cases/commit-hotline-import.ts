// Step 2 of a bulk import: with the chosen column mapping, check every row, create a case (source
// hotline, the ticket number kept) for each valid one — each case all-or-nothing in its own
// transaction — and keep the row-by-row report. Rows with problems are reported and not imported;
// a ticket imported before is a duplicate, never a second case.
import { ERRORS } from "@civicgrid/shared";
import type { Actor } from "../access/actor.ts";
import { requirePermission } from "../access/require.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError } from "../errors.ts";
import { openCells } from "../hotline/import-cells.ts";
import { checkMapping, type ImportMapping } from "../hotline/import-mapping.ts";
import { type CheckedRow, checkRows, markDuplicate, problem, type RowReport } from "../hotline/import-rows.ts";
import type { Services } from "../services.ts";
import { createCase } from "./create-case.ts";

const CREATE_CONCURRENCY = 4;

export interface CommitHotlineImportOptions {
  services: Services;
  actor: Actor;
  id: string;
  mapping: ImportMapping;
  ip?: string | null;
}

export async function commitHotlineImport({ services, actor, id, mapping, ip }: CommitHotlineImportOptions) {
  requirePermission(actor, "hotline:import");
  const { db, clock } = services;
  const pending = await db
    .selectFrom("hotline_imports")
    .select(["id", "status", "headers"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!pending) throw new AppError("IMPORT_NOT_FOUND");
  if (pending.status !== "uploaded") throw new AppError("IMPORT_ALREADY_COMMITTED", { status: pending.status });
  checkMapping(mapping, pending.headers);

  // claim the import: of two commits sent together, one goes ahead and the other is refused
  const claimed = await db
    .updateTable("hotline_imports")
    .set({ status: "committing", mapping: JSON.stringify(mapping), committed_by: actor.userId })
    .where("id", "=", id)
    .where("status", "=", "uploaded")
    .returning(["cells_enc", "headers"])
    .executeTakeFirst();
  if (!claimed) throw new AppError("IMPORT_ALREADY_COMMITTED");

  let report: RowReport[];
  try {
    const checked = await checkRows({
      services,
      headers: claimed.headers,
      rows: openCells(services.pii, claimed.cells_enc),
      mapping,
      now: clock.now(),
    });
    // a few at a time: each case is its own short transaction
    for (let i = 0; i < checked.length; i += CREATE_CONCURRENCY) {
      await Promise.all(checked.slice(i, i + CREATE_CONCURRENCY).map((row) => createRow(services, actor, row)));
    }
    report = checked.map((r) => r.report);
  } catch (err) {
    // something beyond one row failed (the database went away): the import may be committed again,
    // and the tickets already created are recognised as duplicates then
    await db.updateTable("hotline_imports").set({ status: "uploaded" }).where("id", "=", id).execute();
    throw err;
  }

  const count = (status: RowReport["status"]) => report.filter((r) => r.status === status).length;
  const done = await db
    .updateTable("hotline_imports")
    .set({
      status: "committed",
      created_count: count("created"),
      error_count: count("invalid"),
      duplicate_count: count("duplicate"),
      report: JSON.stringify(report),
      // the cells (names, phones) are in the cases now, or were refused: they are not kept twice
      cells_enc: null,
      committed_at: clock.now(),
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(services, {
    actor,
    action: "hotline.import.commit",
    objectType: "hotline_import",
    objectId: id,
    outcome: "success",
    ip,
    detail: { created: done.created_count, invalid: done.error_count, duplicate: done.duplicate_count },
  });
  return { row: done, report };
}

/** One row → one case, or the reason it is not one. */
async function createRow(services: Services, actor: Actor, row: CheckedRow): Promise<void> {
  const { ready, report } = row;
  if (!ready) return;
  try {
    const { row: created } = await createCase({
      services,
      actor,
      input: ready.input,
      imported: { ticketNo: ready.ticketNo, receivedAt: ready.receivedAt },
    });
    report.caseId = created.id;
    report.caseCode = created.code;
  } catch (err) {
    if (isTicketTaken(err)) {
      // imported meanwhile by someone else
      const existing = await services.db
        .selectFrom("cases")
        .select(["id", "code"])
        .where("external_ticket_no", "=", ready.ticketNo)
        .executeTakeFirst();
      if (existing) markDuplicate(row, existing);
      return;
    }
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    report.status = "invalid";
    report.problems.push(problem("row", err.code in ERRORS ? err.code : "VALIDATION_FAILED"));
    delete row.ready;
  }
}

function isTicketTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e.code === "23505" && e.constraint === "cases_external_ticket_no";
}
