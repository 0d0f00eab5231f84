// What of a case the search finds, and with which weight (ts_rank: A 1.0, B 0.4, C 0.2, D 0.1): the
// title and code name the case, the coarse address places it, the description tells it, and the notes
// along the loop (results and feedback, return reasons, instructions, comments, evaluations) add what
// happened. The exact address is sealed personal data (013) and stays out of the index.
import { documentVector, type SearchField } from "@civicgrid/domain";
import { SYSTEM_EVENTS } from "@civicgrid/shared";

export interface CaseTexts {
  code: string;
  title: string;
  address_area: string | null;
  description: string;
}

/** Note columns a transition also writes as its event's note (apply-patch.ts, noteOf). */
export interface CaseNoteColumns {
  result_note: string | null;
  rating_comment: string | null;
  last_return_reason: string | null;
}

/** The case columns a case's search document is made of (with `id`, to select them in one go). */
export const CASE_DOCUMENT_COLUMNS = [
  "id",
  "code",
  "title",
  "description",
  "address_area",
  "result_note",
  "rating_comment",
  "last_return_reason",
] as const;

/** Events written by the system (deadline warnings, escalations): their fixed notes say nothing of the case. */
export const SYSTEM_EVENT_ACTIONS: readonly string[] = SYSTEM_EVENTS;

function caseFields(c: CaseTexts): SearchField[] {
  return [
    { text: c.title, weight: "A" },
    { text: c.code, weight: "A" },
    { text: c.address_area, weight: "B" },
    { text: c.description, weight: "C" },
  ];
}

/** The tokens of a new case (create-case.ts): no notes yet. */
export function caseVector(c: CaseTexts): string {
  return documentVector(caseFields(c));
}

/** The tokens of a note, to append (`search_tokens || note`): positions continue after the case's. */
export function noteVector(note: string | null | undefined): string | null {
  if (!note?.trim()) return null;
  return documentVector([{ text: note, weight: "D" }]) || null;
}

/**
 * The tokens of an existing case (the backfill): its texts, then the notes of its events in order,
 * then any note column no event carries (cases loaded in bulk without events). Repeated notes count once.
 */
export function fullCaseVector(c: CaseTexts & CaseNoteColumns, eventNotes: readonly string[]): string {
  const notes = new Set(eventNotes.filter((n) => n.trim()));
  for (const n of [c.result_note, c.rating_comment, c.last_return_reason]) if (n?.trim()) notes.add(n);
  return documentVector([...caseFields(c), ...[...notes].map((text) => ({ text, weight: "D" as const }))]);
}
