import { describe, expect, it } from 'vitest';
import type { Side } from '../catalogue/catalogue.js';
import { codeProcedure, type CodingSite } from './code-procedure.js';

const lido = { injectate: 'lidocaine-1pct', volumeMl: 5 };
const site = (muscle: string, side: Side, points?: number): CodingSite =>
  points === undefined ? { muscle, side } : { muscle, side, points };
const code = (sites: readonly CodingSite[]) => codeProcedure({ sites, drugs: [lido], diagnoses: ['M79.18'] });

describe('CPT muscle counting (REFERENCE.md 4.2, contract notes.cptGroup)', () => {
  it.each<[string, CodingSite[], number, string | null]>([
    ['no site', [], 0, null],
    ['one muscle', [site('trapezius-upper', 'left')], 1, '20552'],
    ['two muscles', [site('trapezius-upper', 'left'), site('levator-scapulae', 'left')], 2, '20552'],
    [
      'three muscles',
      [site('trapezius-upper', 'left'), site('levator-scapulae', 'left'), site('rhomboids', 'left')],
      3,
      '20553',
    ],
    [
      'upper + middle/lower trapezius, same side = 1',
      [site('trapezius-upper', 'left'), site('trapezius-middle-lower', 'left')],
      1,
      '20552',
    ],
    ['left + right of one muscle = 2', [site('trapezius-upper', 'left'), site('trapezius-upper', 'right')], 2, '20552'],
    ["side 'both' = 2", [site('trapezius-upper', 'both')], 2, '20552'],
    ["'both' + another muscle = 3", [site('trapezius-upper', 'both'), site('levator-scapulae', 'left')], 3, '20553'],
    ['many points in one muscle = 1', [site('masseter', 'right', 6), site('masseter', 'right', 3)], 1, '20552'],
    [
      'thoracic + lumbar paraspinals, same side = 1',
      [site('thoracic-paraspinals', 'left'), site('lumbar-paraspinals', 'left')],
      1,
      '20552',
    ],
    [
      'thoracic left + lumbar right paraspinals = 2',
      [site('thoracic-paraspinals', 'left'), site('lumbar-paraspinals', 'right')],
      2,
      '20552',
    ],
    ['rhomboids (major and minor) count once', [site('rhomboids', 'right')], 1, '20552'],
    [
      'teres major/minor and cervical paraspinals count once each',
      [site('teres-major-minor', 'left'), site('cervical-paraspinals', 'left')],
      2,
      '20552',
    ],
    [
      'unknown muscle not counted (2, not 3)',
      [site('trapezius-upper', 'left'), site('levator-scapulae', 'left'), site('splenius', 'left')],
      2,
      '20552',
    ],
    ['only an unknown muscle', [site('deltoid-posterior', 'left')], 0, null],
  ])('%s', (_name, sites, count, cpt) => {
    const c = code(sites);
    expect(c.muscles).toHaveLength(count);
    expect(c.procedure?.code ?? null).toBe(cpt);
    if (cpt) expect(c.procedure).toMatchObject({ system: 'http://www.ama-assn.org/go/cpt', units: 1 });
  });

  it('explains the count in words, muscles in catalogue order, left before right', () => {
    const c = code([
      site('levator-scapulae', 'left'),
      site('trapezius-upper', 'right'),
      site('trapezius-upper', 'left'),
      site('trapezius-middle-lower', 'left'),
    ]);
    expect(c.procedure?.reason).toBe(
      '20553: 3 muscles injected (Trapezius left, Trapezius right, Levator scapulae left); 4 sites',
    );
    expect(c.procedure?.sources).toEqual(['CPTA', 'RHEUMCODING', 'HPHC']);
    expect(c.muscles).toEqual([
      {
        group: 'trapezius',
        display: 'Trapezius',
        side: 'left',
        muscles: ['trapezius-upper', 'trapezius-middle-lower'],
        sites: [2, 3],
      },
      { group: 'trapezius', display: 'Trapezius', side: 'right', muscles: ['trapezius-upper'], sites: [1] },
      {
        group: 'levator-scapulae',
        display: 'Levator scapulae',
        side: 'left',
        muscles: ['levator-scapulae'],
        sites: [0],
      },
    ]);
  });

  it('names a shared group in words and adds trigger points when every site gives them', () => {
    const c = code([site('lumbar-paraspinals', 'both', 3), site('thoracic-paraspinals', 'left', 2)]);
    expect(c.procedure?.reason).toBe(
      '20552: 2 muscles injected (Erector spinae left, Erector spinae right); 2 sites, 5 trigger points',
    );
    const partial = code([site('masseter', 'left', 3), site('temporalis', 'left')]);
    expect(partial.procedure?.reason).toBe('20552: 2 muscles injected (Temporalis left, Masseter left); 2 sites');
  });

  it('reports an unknown muscle with its path and does not count it', () => {
    const c = code([site('trapezius-upper', 'left'), site('levator-scapulae', 'left'), site('splenius', 'left')]);
    expect(c.issues).toEqual([
      {
        code: 'unknown-muscle',
        path: 'sites[2].muscle',
        message: '"splenius" is not a catalogue muscle; the site is not counted',
      },
    ]);
    expect(c.procedure?.reason).toContain('; 2 sites');
  });

  it('reports an unreadable side or points and does not count the site', () => {
    const c = code([
      site('trapezius-upper', 'middle' as Side),
      site('masseter', 'left', 0),
      site('temporalis', 'left', 1.5),
      site('deltoid', 'left', Number.NaN),
    ]);
    expect(c.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-side', 'sites[0].side'],
      ['invalid-points', 'sites[1].points'],
      ['invalid-points', 'sites[2].points'],
      ['invalid-points', 'sites[3].points'],
      ['no-muscle', 'sites'],
    ]);
    expect(c.procedure).toBeNull();
  });

  it('no recognised site: no procedure code, an issue', () => {
    const c = code([]);
    expect(c.procedure).toBeNull();
    expect(c.issues).toContainEqual({
      code: 'no-muscle',
      path: 'sites',
      message: 'no recognised site: no procedure code',
    });
  });
});
