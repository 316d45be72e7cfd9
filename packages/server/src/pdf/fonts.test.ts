// The embedded fonts resolve from the sources (vitest) and from the compiled output (dist/pdf,
// what `npm start` runs) to the TrueType files of the dejavu-fonts-ttf dependency.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontPaths } from './fonts.js';

const DIST_MODULE = new URL('../../dist/pdf/fonts.js', import.meta.url);
const isTrueType = (path: string) =>
  readFileSync(path)
    .subarray(0, 4)
    .equals(Buffer.from([0, 1, 0, 0]));

describe('fontPaths', () => {
  it('finds each font of the dependency as a TrueType file', () => {
    const paths = fontPaths();
    expect(Object.keys(paths).sort()).toEqual(Object.keys(FONT_FILES).sort());
    for (const [name, path] of Object.entries(paths)) {
      expect(path, name).toMatch(/node_modules\/dejavu-fonts-ttf\/ttf\/DejaVu[\w-]+\.ttf$/);
      expect(isTrueType(path), name).toBe(true);
    }
  });

  it('resolves the same files from where the compiled module lives', () => {
    expect(fontPaths(DIST_MODULE)).toEqual(fontPaths());
  });

  it.skipIf(!existsSync(DIST_MODULE))('resolves them from the compiled module itself, when built', async () => {
    const built = (await import(DIST_MODULE.href)) as { fontPaths: typeof fontPaths };
    expect(built.fontPaths()).toEqual(fontPaths());
  });
});
