// Lays out the monthly report with PDFKit: a title block, then sections of text, key figures,
// charts (ECharts SVG placed as vectors) and ranking tables, page numbers at the foot. One embedded
// CJK font (subset by PDFKit) for every glyph, the charts' text included.
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import type { ReportFont } from "./font.ts";

export interface FigureCell {
  label: string;
  value: string;
  /** "▲ 1.2 个百分点" or "—"; the sign decides the colour */
  change: string;
  /** whether the change is good news (green), bad news (red) or neither */
  tone: "good" | "bad" | "neutral";
}

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

export interface TableColumn {
  label: string;
  /** share of the content width */
  weight: number;
  align?: "left" | "right" | "center";
}

export type Block =
  | { kind: "text"; text: string }
  | { kind: "figures"; cells: FigureCell[] }
  | { kind: "charts"; charts: Chart[] }
  | { kind: "table"; columns: TableColumn[]; rows: string[][]; empty?: string };

export interface ReportSection {
  title: string;
  blocks: Block[];
}

export interface ReportModel {
  title: string;
  subtitle: string;
  footer: string;
  sections: ReportSection[];
}

const MARGIN = 48;
const FONT = "cjk";
const GREY = "#595959";
const TONES = { good: "#389e0d", bad: "#cf1322", neutral: GREY } as const;
type Doc = PDFKit.PDFDocument;

export async function renderReportPdf(model: ReportModel, font: ReportFont, now: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    lang: "zh-CN",
    displayTitle: true,
    info: { Title: model.title, Subject: model.subtitle, Author: "CivicGrid", Creator: "CivicGrid", CreationDate: now },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont(FONT, font.path, font.family as string);
  doc.font(FONT);

  doc.fontSize(20).fillColor("#000").text(model.title, { align: "center" });
  doc.moveDown(0.3).fontSize(10).fillColor(GREY).text(model.subtitle, { align: "center" });
  doc.moveDown(1);
  for (const section of model.sections) renderSection(doc, section);
  footers(doc, model.footer);
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2;
const bottom = (doc: Doc) => doc.page.height - MARGIN - 14;

/** Starts a new page unless `height` still fits below the cursor. */
function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function renderSection(doc: Doc, section: ReportSection) {
  ensureSpace(doc, 60);
  doc.moveDown(0.6).fontSize(14).fillColor("#000").text(section.title, MARGIN, doc.y);
  const y = doc.y + 3;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + contentWidth(doc), y)
    .lineWidth(0.6)
    .strokeColor("#1677ff")
    .stroke();
  doc.y = y + 8;
  for (const block of section.blocks) {
    switch (block.kind) {
      case "text":
        ensureSpace(doc, 30);
        doc
          .fontSize(10)
          .fillColor("#262626")
          .text(block.text, MARGIN, doc.y, { width: contentWidth(doc), lineGap: 3 });
        doc.moveDown(0.6);
        break;
      case "figures":
        figures(doc, block.cells);
        break;
      case "charts":
        charts(doc, block.charts);
        break;
      case "table":
        table(doc, block.columns, block.rows, block.empty);
        break;
    }
  }
}

/** Key figures in cells of three columns: label, value, change. */
function figures(doc: Doc, cells: FigureCell[]) {
  const cols = 3;
  const w = contentWidth(doc) / cols;
  const h = 46;
  for (let i = 0; i < cells.length; i += cols) {
    ensureSpace(doc, h + 4);
    const y = doc.y;
    cells.slice(i, i + cols).forEach((cell, j) => {
      const x = MARGIN + j * w;
      doc
        .rect(x + 2, y, w - 4, h)
        .fillColor("#f5f7fa")
        .fill();
      doc
        .fontSize(8.5)
        .fillColor(GREY)
        .text(cell.label, x + 8, y + 5, { width: w - 16, lineBreak: false });
      doc
        .fontSize(14)
        .fillColor("#000")
        .text(cell.value, x + 8, y + 17, { width: w - 16, lineBreak: false });
      doc
        .fontSize(8)
        .fillColor(TONES[cell.tone])
        .text(cell.change, x + 8, y + 34, { width: w - 16, lineBreak: false });
    });
    doc.y = y + h + 4;
  }
  doc.x = MARGIN;
  doc.moveDown(0.4);
}

/** Charts side by side (scaled to share the width), or one under the other when they do not fit. */
function charts(doc: Doc, list: Chart[]) {
  const total = list.reduce((n, c) => n + c.width, 0);
  const scale = Math.min(1, contentWidth(doc) / total);
  const height = Math.max(...list.map((c) => c.height)) * scale;
  ensureSpace(doc, height + 8);
  let x = MARGIN + (contentWidth(doc) - total * scale) / 2;
  const y = doc.y;
  for (const chart of list) {
    SVGtoPDF(doc as unknown as Parameters<typeof SVGtoPDF>[0], chart.svg, x, y, {
      width: chart.width * scale,
      height: chart.height * scale,
      assumePt: true,
      fontCallback: () => FONT,
    });
    x += chart.width * scale;
  }
  doc.font(FONT);
  doc.x = MARGIN;
  doc.y = y + height + 8;
}

/** A table with a shaded header, repeated at the top of each new page. */
function table(doc: Doc, columns: TableColumn[], rows: string[][], empty = "无数据") {
  const widthOf = contentWidth(doc) / columns.reduce((n, c) => n + c.weight, 0);
  const rowH = 16;
  const header = () => {
    const y = doc.y;
    doc.rect(MARGIN, y, contentWidth(doc), rowH).fillColor("#e6f4ff").fill();
    cellsAt(
      doc,
      columns,
      columns.map((c) => c.label),
      y,
      widthOf,
      "#000",
    );
    doc.y = y + rowH;
  };
  ensureSpace(doc, rowH * 3);
  header();
  if (rows.length === 0) {
    doc
      .fontSize(9)
      .fillColor(GREY)
      .text(empty, MARGIN, doc.y + 4, { width: contentWidth(doc), align: "center" });
    doc.moveDown(0.6);
  }
  rows.forEach((row, i) => {
    if (doc.y + rowH > bottom(doc)) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    if (i % 2 === 1) doc.rect(MARGIN, y, contentWidth(doc), rowH).fillColor("#fafafa").fill();
    cellsAt(doc, columns, row, y, widthOf, "#262626");
    doc.y = y + rowH;
  });
  doc.x = MARGIN;
  doc.moveDown(0.8);
}

function cellsAt(doc: Doc, columns: TableColumn[], values: string[], y: number, unit: number, color: string) {
  let x = MARGIN;
  columns.forEach((c, i) => {
    const w = c.weight * unit;
    doc
      .fontSize(8)
      .fillColor(color)
      .text(values[i] ?? "", x + 3, y + 4, { width: w - 6, align: c.align ?? "left", lineBreak: false, height: 12 });
    x += w;
  });
}

/** Page numbers and the footer line on every page (the pages are buffered until now). */
function footers(doc: Doc, text: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // writing in the bottom margin: lift the margin so PDFKit does not open a new page for it
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor(GREY)
      .text(`${text}  第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN, doc.page.height - MARGIN + 12, {
        width: contentWidth(doc),
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
}
