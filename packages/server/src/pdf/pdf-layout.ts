// What every printed document shares: US Letter pages in the embedded DejaVu fonts, a title block
// with the patient (name, date of birth, identifier), a running header from page 2, and a footer on
// every page with the document's versions and "page i of n". The helpers write top to bottom and
// start a new page when a block would not fit. Pure: plain data in, the PDF's bytes out.
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { fontPaths, type FontName } from './fonts.js';

export interface PatientHeader {
  readonly name: string;
  /** YYYY-MM-DD, or null when not recorded. */
  readonly birthDate: string | null;
  /** The first identifier, e.g. the MRN; null when none. */
  readonly identifier: string | null;
}

export interface DocumentMeta {
  readonly title: string;
  /** A line under the title (what the document is of). */
  readonly subtitle?: string;
  readonly clinicName?: string | null;
  readonly patient: PatientHeader;
  /** Printed at the left of every page's footer (versions, ids). */
  readonly footer: string;
  /** When it was printed (ms); shown in the footer. */
  readonly printedAt: number;
}

const INK = '#1a1a1a';
const MUTED = '#5c6670';
const ACCENT = '#1f4e5f';
const RULE = '#c9d1d6';
const FILL = '#eef2f4';
const MARGIN = 54;
const TOP = 64;
const BOTTOM = 60;

// Parsed once per process and shared by every document (pdfkit takes a fontkit font and keeps
// each document's subset apart): parsing DejaVu's tables again for every PDF cost more than
// drawing it.
let parsed: Record<FontName, Font> | undefined;
function fonts(): Record<FontName, Font> {
  parsed ??= Object.fromEntries(
    Object.entries(fontPaths()).map(([name, path]) => [name, create(readFileSync(path)) as Font]),
  ) as Record<FontName, Font>;
  return parsed;
}

/** "27 November 2026, 10:00 UTC": the clinic's time zone is not known to the server. */
export function humanTime(ms: number): string {
  const d = new Date(ms);
  const date = d.toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  return `${date}, ${d.toISOString().slice(11, 16)} UTC`;
}

export function humanDate(isoDate: string): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return d.toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

export interface Column {
  readonly header: string;
  /** A share of the text width. */
  readonly width: number;
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly finished: Promise<Buffer>;

  constructor(private readonly meta: DocumentMeta) {
    const f = fonts();
    this.doc = new PDFDocument({
      size: 'LETTER',
      margins: { top: TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
      bufferPages: true,
      font: f.regular as unknown as string, // pdfkit 0.20 takes a fontkit font; its types lag
      info: { Title: meta.title, Subject: `${meta.title}: ${meta.patient.name}`, Creator: 'Knotwork' },
      displayTitle: true,
      lang: 'en',
    });
    for (const [name, font] of Object.entries(f)) this.doc.registerFont(name, font as unknown as string);
    this.finished = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.titleBlock();
  }

  private get left() {
    return this.doc.page.margins.left;
  }
  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private style(font: FontName, size: number, color = INK) {
    return this.doc.font(font).fontSize(size).fillColor(color);
  }

  /** A new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private titleBlock() {
    const { meta, doc } = this;
    if (meta.clinicName) this.style('bold', 10, MUTED).text(meta.clinicName.toUpperCase(), { characterSpacing: 0.5 });
    this.style('bold', 18, ACCENT).text(meta.title);
    if (meta.subtitle) this.style('regular', 10, MUTED).text(meta.subtitle);
    doc.moveDown(0.6);
    const p = meta.patient;
    const top = doc.y;
    const boxHeight = 40;
    doc.rect(this.left, top, this.width, boxHeight).fill(FILL);
    const cell = (x: number, label: string, value: string, w: number) => {
      this.style('regular', 7.5, MUTED).text(label.toUpperCase(), x, top + 7, { width: w, characterSpacing: 0.4 });
      this.style('bold', 11).text(value, x, top + 18, { width: w, lineBreak: false, ellipsis: true });
    };
    const third = (this.width - 24) / 3;
    cell(this.left + 10, 'Patient', p.name, third + 30);
    cell(
      this.left + 20 + third + 30,
      'Date of birth',
      p.birthDate ? humanDate(p.birthDate) : 'not recorded',
      third - 15,
    );
    cell(this.left + 30 + 2 * third + 15, 'Identifier', p.identifier ?? 'none recorded', third - 15);
    doc.x = this.left;
    doc.y = top + boxHeight + 14;
  }

  /** A section heading with a rule under it; kept with at least `keep` points of what follows. */
  section(title: string, keep = 60): void {
    this.ensure(28 + keep);
    this.doc.moveDown(0.4);
    this.style('bold', 11.5, ACCENT).text(title, this.left, this.doc.y);
    const y = this.doc.y + 2;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
    this.doc.y = y + 6;
  }

  subheading(text: string): void {
    this.ensure(40);
    this.doc.moveDown(0.2);
    this.style('bold', 10).text(text, this.left, this.doc.y);
    this.doc.moveDown(0.15);
  }

  paragraph(text: string, options: { size?: number; color?: string; font?: FontName } = {}): void {
    this.style(options.font ?? 'regular', options.size ?? 10, options.color ?? INK).text(text, this.left, this.doc.y, {
      width: this.width,
    });
    this.doc.moveDown(0.3);
  }

  /** Source ids, in small grey type. */
  sources(ids: readonly string[], prefix = 'Sources'): void {
    if (ids.length === 0) return;
    this.style('regular', 7.5, MUTED).text(`${prefix}: ${ids.join(', ')}`, this.left, this.doc.y, {
      width: this.width,
    });
    this.doc.moveDown(0.3);
  }

  /** A bulleted item with optional lines under it (a reason, sources), kept together. */
  bullet(text: string, under: readonly { text: string; muted?: boolean }[] = [], marker = '•'): void {
    const indent = 14;
    const w = this.width - indent;
    this.style('regular', 10);
    let height = this.doc.heightOfString(text, { width: w });
    for (const u of under) height += this.style('regular', 8.5).heightOfString(u.text, { width: w }) + 1;
    this.ensure(height + 4);
    const y = this.doc.y;
    this.style('regular', 10, ACCENT).text(marker, this.left + 2, y, { width: indent, lineBreak: false });
    this.style('regular', 10).text(text, this.left + indent, y, { width: w });
    for (const u of under) {
      this.style(u.muted ? 'regular' : 'italic', 8.5, MUTED).text(u.text, this.left + indent, this.doc.y + 1, {
        width: w,
      });
    }
    this.doc.x = this.left;
    this.doc.moveDown(0.25);
  }

  /** Label-value rows: the label in small grey type on the left, the value beside it. */
  fields(rows: readonly (readonly [string, string])[], labelWidth = 130): void {
    const valueWidth = this.width - labelWidth;
    for (const [label, value] of rows) {
      const height = Math.max(
        this.style('regular', 10).heightOfString(value, { width: valueWidth }),
        this.style('regular', 8.5).heightOfString(label, { width: labelWidth - 8 }),
      );
      this.ensure(height + 3);
      const y = this.doc.y;
      this.style('regular', 8.5, MUTED).text(label, this.left, y + 1, { width: labelWidth - 8 });
      this.style('regular', 10).text(value, this.left + labelWidth, y, { width: valueWidth });
      this.doc.y = y + height + 3;
    }
    this.doc.x = this.left;
  }

  /** A table with a shaded header row; rows are kept whole on a page, the header repeated. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[]): void {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 4;
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const rowHeight = (cells: readonly string[], font: FontName, size: number) =>
      Math.max(...cells.map((c, i) => this.style(font, size).heightOfString(c, { width: (widths[i] ?? 0) - 2 * pad })));
    const header = () => {
      const h = rowHeight(
        columns.map((c) => c.header),
        'bold',
        8.5,
      );
      const y = this.doc.y;
      this.doc.rect(this.left, y, this.width, h + 2 * pad).fill(FILL);
      columns.forEach((c, i) =>
        this.style('bold', 8.5, ACCENT).text(c.header, (xs[i] ?? 0) + pad, y + pad, {
          width: (widths[i] ?? 0) - 2 * pad,
        }),
      );
      this.doc.y = y + h + 2 * pad;
    };
    const firstHeight = rows[0] ? rowHeight(rows[0], 'regular', 9) : 0;
    this.ensure(firstHeight + 40);
    header();
    for (const row of rows) {
      const h = rowHeight(row, 'regular', 9);
      if (this.doc.y + h + 2 * pad > this.bottom) {
        this.doc.addPage();
        header();
      }
      const y = this.doc.y;
      row.forEach((cell, i) =>
        this.style('regular', 9).text(cell, (xs[i] ?? 0) + pad, y + pad, { width: (widths[i] ?? 0) - 2 * pad }),
      );
      const end = y + h + 2 * pad;
      this.doc
        .moveTo(this.left, end)
        .lineTo(this.left + this.width, end)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      this.doc.y = end;
    }
    this.doc.x = this.left;
    this.doc.moveDown(0.5);
  }

  /** A signature: the typed name in the signature face, or the drawn PNG, over a line and a caption. */
  signature(kind: 'typed-name' | 'image', data: string, caption: string): void {
    this.ensure(100);
    const top = this.doc.y + 6;
    const lineY = top + 56;
    if (kind === 'image') {
      const base64 = /^data:image\/png;base64,(.+)$/.exec(data)?.[1];
      try {
        if (!base64) throw new Error('not a PNG data URL');
        this.doc.image(Buffer.from(base64, 'base64'), this.left + 4, top, { fit: [220, 52], valign: 'bottom' });
      } catch {
        this.style('italic', 9, MUTED).text('(the drawn signature could not be read)', this.left + 4, top + 36);
      }
    } else {
      this.style('signature', 24).text(data, this.left + 4, top + 22, { width: 300, lineBreak: false });
    }
    this.doc
      .moveTo(this.left, lineY)
      .lineTo(this.left + 280, lineY)
      .lineWidth(0.8)
      .strokeColor(INK)
      .stroke();
    this.style('regular', 8.5, MUTED).text(caption, this.left, lineY + 4, { width: 280 });
    this.doc.x = this.left;
    this.doc.moveDown(0.6);
  }

  /** A boxed note (a warning, an amendment), shaded, with a bold first line. */
  callout(title: string, body: string, color = ACCENT): void {
    const w = this.width - 20;
    const h =
      this.style('bold', 10).heightOfString(title, { width: w }) +
      this.style('regular', 9.5).heightOfString(body, { width: w }) +
      16;
    this.ensure(h + 6);
    const y = this.doc.y;
    this.doc.rect(this.left, y, this.width, h).fill(FILL);
    this.doc.rect(this.left, y, 3, h).fill(color);
    this.style('bold', 10, color).text(title, this.left + 12, y + 7, { width: w });
    this.style('regular', 9.5).text(body, this.left + 12, this.doc.y + 1, { width: w });
    this.doc.x = this.left;
    this.doc.y = y + h + 8;
  }

  /** Writes the running header and the footer on every page and answers the PDF's bytes. */
  async finish(): Promise<Buffer> {
    const { doc, meta } = this;
    const range = doc.bufferedPageRange();
    const patient = [meta.patient.name, meta.patient.birthDate ? `born ${meta.patient.birthDate}` : null]
      .filter(Boolean)
      .join(', ');
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const { margins } = doc.page;
      const bottom = margins.bottom;
      margins.bottom = 0; // writing in the margin must not start a page
      if (i > range.start) {
        this.style('regular', 8, MUTED).text(`${meta.title} · ${patient}`, this.left, 30, {
          width: this.width,
          lineBreak: false,
        });
        doc
          .moveTo(this.left, 42)
          .lineTo(this.left + this.width, 42)
          .lineWidth(0.4)
          .strokeColor(RULE)
          .stroke();
      }
      const y = doc.page.height - 40;
      doc
        .moveTo(this.left, y - 6)
        .lineTo(this.left + this.width, y - 6)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      // The versions and ids on the left (two lines at most), the page and print time on the right.
      const pageText = `Page ${i - range.start + 1} of ${range.count}`;
      const printed = `Printed ${humanTime(meta.printedAt)}`;
      this.style('regular', 7.5, MUTED);
      const rightWidth = Math.max(doc.widthOfString(pageText), doc.widthOfString(printed)) + 2;
      const right = this.left + this.width - rightWidth;
      doc.text(meta.footer, this.left, y, { width: this.width - rightWidth - 16, height: 20, ellipsis: true });
      doc.text(pageText, right, y, { width: rightWidth, align: 'right', lineBreak: false });
      doc.text(printed, right, y + 10, { width: rightWidth, align: 'right', lineBreak: false });
      margins.bottom = bottom;
    }
    doc.end();
    return this.finished;
  }
}
