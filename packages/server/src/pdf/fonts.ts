// The fonts every document embeds: DejaVu (Bitstream Vera licence, free to embed and redistribute),
// from the `dejavu-fonts-ttf` package, a runtime dependency of the server. Embedded TrueType, not
// the PDF standard 14 fonts: those cover only WinAnsi, and a patient's name, a drug's "µg" or a
// "≥" must print as typed. The files are resolved through node's module resolution from this
// file's own location, so they are found from src/ under vitest and from dist/ after `tsc -b`, in
// a fresh clone after `npm ci`, with nothing copied at build time.
import { createRequire } from 'node:module';

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  /** A typed signature, set apart from the printed text. */
  signature: 'DejaVuSerif-Italic.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

/** The absolute path of each font, resolved from `from` (a file URL or path; this module by default). */
export function fontPaths(from: string | URL = import.meta.url): Record<FontName, string> {
  const require = createRequire(from);
  const entries = Object.entries(FONT_FILES).map(([name, file]) => [
    name,
    require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
  ]);
  return Object.fromEntries(entries) as Record<FontName, string>;
}
