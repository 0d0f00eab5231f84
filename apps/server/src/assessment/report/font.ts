// The Chinese font of the PDF report. PDF viewers cannot be trusted to have one, so the report
// embeds (a subset of) it: first the Noto Sans SC (GB2312) that ships in the npm package
// @embedpdf/fonts-sc, else the system's Noto CJK (Debian's fonts-noto-cjk, which CI installs).
// Without either, the report is refused with REPORT_FONT_UNAVAILABLE rather than drawn as boxes.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { AppError } from "../../errors.ts";

export interface ReportFont {
  path: string;
  /** the face inside a font collection (.ttc) */
  family?: string;
}

/** Where the npm package keeps its fonts (its exports map names only the JS entry). */
function packagedFont(): ReportFont | null {
  try {
    const entry = createRequire(import.meta.url).resolve("@embedpdf/fonts-sc");
    return { path: path.join(path.dirname(entry), "..", "fonts", "NotoSansHans-Regular.otf") };
  } catch {
    return null;
  }
}

const SYSTEM_FONTS: readonly ReportFont[] = [
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "NotoSansCJKsc-Regular" },
  { path: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", family: "WenQuanYiMicroHei" },
];

/** The first candidate that exists on disk; 503 REPORT_FONT_UNAVAILABLE when none does. */
export function findReportFont(candidates: readonly (ReportFont | null)[] = [packagedFont(), ...SYSTEM_FONTS]) {
  const found = candidates.find((c): c is ReportFont => c !== null && existsSync(c.path));
  if (!found) throw new AppError("REPORT_FONT_UNAVAILABLE", { tried: candidates.flatMap((c) => (c ? [c.path] : [])) });
  return found;
}
