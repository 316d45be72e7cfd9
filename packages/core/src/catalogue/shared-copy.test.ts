// ../shared is the source of the catalogue, the rule sources and the public examples; the project
// carries copies so that a fresh clone works without it. This test fails when a copy drifts, and
// skips, saying so, when ../shared is absent (a clone on its own).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueData } from './catalogue-data.js';
import { referenceData } from '../reference/reference-data.js';
import { sourcesData } from './sources-data.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const shared = process.env['KNOTWORK_SHARED_DIR'] ?? join(root, '..', 'shared');
const present = existsSync(join(shared, 'contract', 'catalogue.json'));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

if (!present) console.warn(`shared-copy: skipped, no ../shared at ${shared} (the copies cannot be compared)`);

describe.skipIf(!present)('copies of ../shared', () => {
  it('catalogue-data.ts equals contract/catalogue.json (run npm run sync:shared after a contract change)', () => {
    expect(catalogueData).toEqual(readJson(join(shared, 'contract', 'catalogue.json')));
  });

  it('sources-data.ts equals clinical/reference.json sources', () => {
    expect(sourcesData).toEqual((readJson(join(shared, 'clinical', 'reference.json')) as { sources: unknown }).sources);
  });

  it('reference-data.ts equals the sections of clinical/reference.json it copies', () => {
    const reference = readJson(join(shared, 'clinical', 'reference.json')) as Record<string, unknown>;
    for (const [section, value] of Object.entries(referenceData)) expect(value, section).toEqual(reference[section]);
  });

  it('contract-examples/ holds exactly the contract examples, byte for byte', () => {
    const source = join(shared, 'contract', 'examples');
    const copy = join(root, 'packages', 'core', 'contract-examples');
    const names = readdirSync(source).sort();
    expect(readdirSync(copy).sort()).toEqual(names);
    for (const name of names)
      expect(readFileSync(join(copy, name), 'utf8'), name).toBe(readFileSync(join(source, name), 'utf8'));
  });
});
