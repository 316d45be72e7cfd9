import { describe, expect, it } from 'vitest';
import { EVICORE_PACK, MEDICARE_PACK } from './eligibility-packs.js';
import { resolveEligibilityPack } from './resolve-eligibility-pack.js';

describe('resolveEligibilityPack', () => {
  it('accepts the built-in packs as they are', () => {
    for (const pack of [MEDICARE_PACK, EVICORE_PACK]) {
      expect(resolveEligibilityPack(JSON.parse(JSON.stringify(pack)))).toEqual({ ok: true, value: pack });
    }
  });

  it('accepts a clinic pack citing its own policy', () => {
    const r = resolveEligibilityPack({
      id: 'our-clinic',
      version: 2,
      name: 'Our clinic',
      sources: ['CLINIC', 'TRIPLES'],
      criteria: [
        { kind: 'max-sessions', id: 'four-a-year', scope: 'any-site', max: 4, windowMonths: 12, sources: ['TRIPLES'] },
      ],
    });
    expect(r.ok).toBe(true);
  });

  it('names every bad field', () => {
    const r = resolveEligibilityPack({
      id: 'Bad Id',
      version: 0,
      sources: ['NOPE'],
      colour: 'red',
      criteria: [
        { kind: 'relief-duration', id: 'a', minReliefPct: 120, minDays: 1.5, sources: ['LCD_L34211'] },
        { kind: 'min-interval', id: 'a', scope: 'galaxy', minDays: 10, minMonths: 2, sources: [] },
        { kind: 'functional-improvement', id: 'c', minImprovementPct: 'some', sources: ['CLINIC'], extra: 1 },
        { kind: 'teleport', id: 'd' },
        'nothing',
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['colour', 'unknown-field'],
      ['id', 'not-allowed'],
      ['version', 'out-of-range'],
      ['name', 'missing'],
      ['sources[0]', 'not-allowed'],
      ['criteria[0].minReliefPct', 'out-of-range'],
      ['criteria[0].minDays', 'wrong-type'],
      ['criteria[1].sources', 'wrong-type'],
      ['criteria[1].scope', 'not-allowed'],
      ['criteria[1].minMonths', 'inconsistent'],
      ['criteria[2].extra', 'unknown-field'],
      ['criteria[2].minImprovementPct', 'wrong-type'],
      ['criteria[3].kind', 'not-allowed'],
      ['criteria[4]', 'wrong-type'],
      ['criteria[1].id', 'inconsistent'],
    ]);
    expect(r.issues.every((i) => i.message.includes(i.path === '$' ? '' : i.path.split('.')[0]!.split('[')[0]!))).toBe(
      true,
    );
  });

  it('refuses an empty criteria list and a non-object', () => {
    expect(resolveEligibilityPack({ id: 'a', version: 1, name: 'A', sources: ['CLINIC'], criteria: [] }).ok).toBe(
      false,
    );
    expect(resolveEligibilityPack(null)).toMatchObject({ ok: false, issues: [{ path: '$' }] });
  });
});
