// The cells of an import waiting for its mapping are a whole spreadsheet of callers' names, phones and
// addresses: stored sealed as one value (migration 016), opened only to commit them or to show the
// first rows — and those rows are shown masked, as personal data is everywhere else.
import { scrubText } from "../logger.ts";
import { coarseAddress, maskName, maskPhone } from "../pii/mask.ts";
import type { Pii } from "../pii/pii.ts";
import { suggestMapping } from "./import-mapping.ts";
import { phoneKey } from "./phone.ts";

/** The field the sealed cells are bound to (key rotation re-seals it under the same name). */
export const CELLS_FIELD = "hotline_imports.cells";
export const PREVIEW_ROWS = 5;

export function sealCells(pii: Pii, rows: readonly string[][]): string {
  return pii.keyring.seal(CELLS_FIELD, JSON.stringify(rows));
}

export function openCells(pii: Pii, sealed: string | null): string[][] {
  return sealed ? (JSON.parse(pii.keyring.open(CELLS_FIELD, sealed)) as string[][]) : [];
}

/**
 * The first rows as the import page shows them: the columns that look like the caller's name, phone
 * and address (by their header, as the mapping is suggested) masked, and any mobile or ID number
 * elsewhere (a description, an unmapped column) masked within the text.
 */
export function previewRows(headers: readonly string[], rows: readonly string[][]): string[][] {
  const suggested = suggestMapping(headers);
  const at = (column: string | undefined) => (column ? headers.indexOf(column) : -1);
  const phone = at(suggested.callerPhone);
  const name = at(suggested.callerName);
  const address = at(suggested.address);
  return rows.slice(0, PREVIEW_ROWS).map((row) =>
    row.map((cell, i) => {
      if (!cell) return cell;
      if (i === phone) return maskPhone(phoneKey(cell) || cell);
      if (i === name) return maskName(cell);
      if (i === address) {
        const area = coarseAddress(cell);
        return area === cell ? cell : `${area ?? ""}***`;
      }
      return scrubText(cell);
    }),
  );
}
