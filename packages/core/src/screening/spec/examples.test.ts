// SCREENING.md section 5: each public example gives its verdict, its `cards` with exactly those
// indicators, and none of its `absent` codes (the checked-in copy in packages/core/contract-examples).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRaw } from './harness.js';

interface Expected {
  asOf: string;
  verdict: string;
  cards: Record<string, string>;
  absent: string[];
}

const dir = new URL('../../../contract-examples/', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));

describe('public examples', () => {
  it('there are examples to check', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
  });
  it.each(names)('%s', (name) => {
    const expected = load(`${name}.expected.json`) as Expected;
    const out = runRaw(load(`${name}.json`), { asOf: Date.parse(expected.asOf) });
    expect(out.verdict).toBe(expected.verdict);
    for (const [code, indicator] of Object.entries(expected.cards)) {
      expect(out.byCode[code], `card ${code}`).toBe(indicator);
    }
    for (const code of expected.absent) expect(out.byCode[code], `absent ${code}`).toBeUndefined();
    expect(out.duplicates).toEqual([]);
  });
});
