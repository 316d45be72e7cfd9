import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNameMatcher } from './name-matcher.js';

const m = createNameMatcher([
  { name: 'local anesthetic', target: 'la' },
  { name: 'ester local anesthetic', target: 'ester' },
  { name: 'kenalog', target: 'triamcinolone' },
  { name: 'bupivacaine', target: 'bupivacaine' },
  { name: 'methylparaben', target: 'paraben' },
  { name: 'paraben', target: 'paraben' },
  { name: 'depo-medrol', target: 'methylprednisolone' },
  { name: 'steroid', target: 'steroid' },
]);

describe('name matching (SCREENING.md section 4)', () => {
  it.each([
    ['Kenalog-40', ['triamcinolone']],
    ['KENALOG', ['triamcinolone']],
    ['Steroids', ['steroid']],
    ['Parabens', ['paraben']],
    ['corticosteroid', []],
    ['steroidal', []],
    ['bupivacaine with methylparaben', ['bupivacaine', 'paraben']],
    ['Ester local anesthetic', ['ester']],
    ['ester local anesthetics', ['ester']],
    ['ester local anesthetic; any local anesthetic', ['ester', 'la']],
    ['Depo-Medrol 40 mg/mL', ['methylprednisolone']],
    ['xbupivacaine', []],
    ['bupivacaine2', []],
    ['', []],
    ['café steroid', ['steroid']],
    ['éstéroid', []],
  ])('%j names %j', (text, expected) => {
    expect(m.match(text)).toEqual(expected);
  });

  it('finds a name wherever it stands between non-word characters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(' ', ',', '(', '-', '/', ''),
        fc.constantFrom(' ', '.', ')', '-', ''),
        (before, after) => {
          expect(m.match(`x${before.length ? before : ' '}bupivacaine${after.length ? after : ' '}y`)).toEqual([
            'bupivacaine',
          ]);
        },
      ),
    );
  });

  it('never throws and only returns known targets on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        for (const t of m.match(text))
          expect(['la', 'ester', 'triamcinolone', 'bupivacaine', 'paraben', 'methylprednisolone', 'steroid']).toContain(
            t,
          );
      }),
    );
  });
});
