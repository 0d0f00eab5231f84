// Heads of the audit chain written outside the database. A hash chain alone cannot tell that its
// newest rows were deleted (what remains is still a valid chain); each daily verification appends the
// head it saw (id and hash) to DATA_DIR/audit-anchors.jsonl, and every later verification checks that
// those rows are still there with the same hash.
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";

export const ANCHOR_FILE = "audit-anchors.jsonl";

export interface Anchor {
  /** when the head was recorded */
  at: string;
  id: number;
  /** the row's hash, hex */
  hash: string;
}

export function anchorFile(dataDir: string): string {
  return path.join(dataDir, ANCHOR_FILE);
}

export async function appendAnchor(dataDir: string, anchor: Anchor): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await appendFile(anchorFile(dataDir), `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
}

/** The recorded heads, oldest first; lines that are not anchors are skipped (a torn last line). */
export async function readAnchors(dataDir: string): Promise<Anchor[]> {
  const file = anchorFile(dataDir);
  if (!existsSync(file)) return [];
  const anchors: Anchor[] = [];
  for (const line of (await readFile(file, "utf8")).split("\n")) {
    try {
      const a = JSON.parse(line) as Partial<Anchor>;
      if (Number.isSafeInteger(a.id) && typeof a.hash === "string" && typeof a.at === "string") {
        anchors.push(a as Anchor);
      }
    } catch {
      // blank or torn line
    }
  }
  return anchors;
}
