// Just enough PDF reading to check a generated report: the page count, and the text of its content
// streams decoded through the embedded fonts' ToUnicode maps (PDFKit writes glyph ids, not text).
import { inflateSync } from "node:zlib";

/** Pages in the document (one /Type /Page object each; /Pages is the tree's root). */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

/** Every stream, inflated where it is Flate-compressed. */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString("latin1");
  // the dictionary of the object the stream belongs to (never reaching back past another object)
  const re = /obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    const body = pdf.subarray(start, end);
    try {
      out.push((m[1] ?? "").includes("/FlateDecode") ? inflateSync(body).toString("latin1") : body.toString("latin1"));
    } catch {
      // a font program or image that is not text: skipped
    }
  }
  return out;
}

const utf16 = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");

/** Glyph id → text, from every ToUnicode CMap (bfrange arrays and bfchar entries). */
function toUnicode(all: string[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const s of all) {
    if (!s.includes("begincmap")) continue;
    for (const m of s.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      const first = Number.parseInt(m[1] as string, 16);
      for (const [i, t] of [...(m[3] as string).matchAll(/<([0-9a-fA-F]*)>/g)].entries()) {
        map.set(first + i, utf16(t[1] as string));
      }
    }
    for (const m of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const e of (m[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        map.set(Number.parseInt(e[1] as string, 16), utf16(e[2] as string));
      }
    }
  }
  return map;
}

/** The text shown on the pages: one line per text object (BT … ET), glyphs in drawing order. */
export function pdfText(pdf: Buffer): string {
  const all = streams(pdf);
  const glyphs = toUnicode(all);
  const lines: string[] = [];
  for (const s of all) {
    for (const block of s.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let line = "";
      // PDFKit writes a line as one TJ array, svg-to-pdfkit a glyph per Tj: both are hex glyph ids
      for (const op of (block[1] as string).matchAll(/(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)/g)) {
        for (const h of (op[1] as string).matchAll(/<([0-9a-fA-F]*)>/g)) {
          const hex = h[1] as string;
          for (let i = 0; i + 4 <= hex.length; i += 4)
            line += glyphs.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? "";
        }
      }
      if (line) lines.push(line);
    }
  }
  return lines.join("\n");
}
