import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { compileCatalogue } from '../catalogue/compile-catalogue.js';
import { codeProcedure } from './code-procedure.js';
import { HEADER_CODES } from './diagnosis-links.js';

const code = (diagnoses: readonly string[]) =>
  codeProcedure({
    sites: [{ muscle: 'trapezius-upper', side: 'left' }],
    drugs: [{ injectate: 'triamcinolone-40', volumeMl: 1 }],
    diagnoses,
  });
const issues = (diagnoses: readonly string[]) => code(diagnoses).issues.map((i) => [i.code, i.path]);

describe('ICD-10-CM indications linked to the lines (REFERENCE.md 1.2)', () => {
  it('links indication codes to every line, dotted and upper case, once each, in the order given', () => {
    const c = code(['m7918', 'G44.209', 'M79.18', 'M54.2']);
    expect(c.diagnoses).toEqual(['M79.18', 'G44.209', 'M54.2']);
    expect(c.procedure?.diagnoses).toEqual(c.diagnoses);
    expect(c.hcpcs[0]?.diagnoses).toEqual(c.diagnoses);
    expect(c.issues).toEqual([]);
  });

  it.each(['M79.1', 'M54.5', 'G44.2', 'G44.20', 'G44.21', 'G44.22', 'G89.2', 'M62.83', 'M70.9'])(
    'flags the header %s as needing a more specific code, not linked',
    (header) => {
      const c = code([header]);
      expect(c.diagnoses).toEqual([]);
      expect(issues([header])).toEqual([
        ['header-diagnosis', 'diagnoses[0]'],
        ['no-indication', 'diagnoses'],
      ]);
      expect(c.issues[0]?.message).toContain(`${header} is a non-billable header; use a more specific code`);
    },
  );

  it('a header next to a billable code: the billable one is linked, the header flagged', () => {
    const c = code(['M79.1', 'M79.12']);
    expect(c.diagnoses).toEqual(['M79.12']);
    expect(issues(['M79.1', 'M79.12'])).toEqual([['header-diagnosis', 'diagnoses[0]']]);
  });

  it('an injury code needs its 7th character', () => {
    expect(code(['S16.1XXA']).diagnoses).toEqual(['S16.1XXA']);
    expect(issues(['S16.1'])).toEqual([
      ['header-diagnosis', 'diagnoses[0]'],
      ['no-indication', 'diagnoses'],
    ]);
  });

  it('a diagnosis not on the indication list is not linked, and an issue says so', () => {
    const c = code(['I10', 'M79.18']);
    expect(c.diagnoses).toEqual(['M79.18']);
    expect(c.issues).toEqual([
      {
        code: 'not-indication',
        path: 'diagnoses[0]',
        message: 'I10 is not on the TPI indication list; not linked to the procedure',
      },
    ]);
  });

  it('no linked indication at all is an issue; malformed codes are reported', () => {
    expect(issues([])).toEqual([['no-indication', 'diagnoses']]);
    expect(issues(['back pain', ''])).toEqual([
      ['malformed-diagnosis', 'diagnoses[0]'],
      ['malformed-diagnosis', 'diagnoses[1]'],
      ['no-indication', 'diagnoses'],
    ]);
  });

  it('agrees with compileCatalogue().icd10SetsOf on what is an indication', () => {
    const compiled = compileCatalogue();
    for (const dx of [
      'M79.7',
      'M79.18',
      'M54.6',
      'G89.29',
      'G89.4',
      'M62.830',
      'M70.90',
      'S39.012A',
      'I10',
      'Z79.01',
      'M25.5',
    ]) {
      const isIndication = compiled.icd10SetsOf(dx).includes('indication');
      expect(code([dx]).diagnoses.length > 0, dx).toBe(isIndication);
    }
  });

  it('every header is on the catalogue indication list (so it is flagged, not just unlisted)', () => {
    const compiled = compileCatalogue(catalogue);
    for (const header of HEADER_CODES.keys()) expect(compiled.icd10SetsOf(header)).toContain('indication');
  });
});
