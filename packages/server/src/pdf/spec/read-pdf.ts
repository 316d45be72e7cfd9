// Reads a produced PDF back for the tests: its text (page by page, joined), how many images each
// page paints, and the fonts it embeds, through PDF.js (the legacy build runs in Node without a
// canvas). A check on the words a reader sees, not on pdfkit's byte layout.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  readonly pages: readonly string[];
  /** Every page's text, joined by a space: search it with toContain. */
  readonly text: string;
  readonly images: number;
  readonly fonts: readonly string[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function readPdf(bytes: Buffer | Uint8Array): Promise<ReadPdf> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  let images = 0;
  const fonts = new Set<string>();
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    // A line broken after a hyphen ("preservative-" / "free") reads back as the word it was.
    const raw = content.items.map((i) => ('str' in i ? `${i.str}${i.hasEOL ? '\n' : ''}` : '')).join('');
    pages.push(squash(raw.replace(/(\w-)\s*\n/g, '$1')));
    const ops = await page.getOperatorList();
    images += ops.fnArray.filter((f) => f === OPS.paintImageXObject || f === OPS.paintInlineImageXObject).length;
    for (const style of Object.values(content.styles)) fonts.add(style.fontFamily);
    for (const [i, fn] of ops.fnArray.entries()) {
      if (fn !== OPS.setFont) continue;
      const id = (ops.argsArray[i] as unknown[])[0];
      if (typeof id === 'string' && page.commonObjs.has(id)) {
        const font = page.commonObjs.get(id) as { name?: string };
        if (font.name) fonts.add(font.name);
      }
    }
  }
  await pdf.destroy();
  return { pages, text: squash(pages.join(' ')), images, fonts: [...fonts] };
}
