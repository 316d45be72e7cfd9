import { describe, expect, it } from 'vitest';
import { BUILT_IN_ICD10CM } from './icd10cm-built-in.js';
import { parseIcd10cmOrderFile } from './icd10cm-order-file.js';
import { buildIcd10cmIndex } from './icd10cm-search.js';

/** One order-file line in the release's fixed-width layout. */
const line = (order: number, code: string, billable: boolean, short: string, long: string) =>
  `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable ? '1' : '0'} ${short.padEnd(60)} ${long}`;

const ORDER_FILE = [
  line(1, 'M791', false, 'Myalgia', 'Myalgia'),
  line(2, 'M7910', true, 'Myalgia, unspecified site', 'Myalgia, unspecified site'),
  line(3, 'M7911', true, 'Myalgia of mastication muscle', 'Myalgia of mastication muscle'),
  line(4, 'M7912', true, 'Myalgia of auxiliary muscles, head and neck', 'Myalgia of auxiliary muscles, head and neck'),
  line(5, 'M7918', true, 'Myalgia, other site', 'Myalgia, other site'),
  line(6, 'M797', true, 'Fibromyalgia', 'Fibromyalgia'),
  line(7, 'M542', true, 'Cervicalgia', 'Cervicalgia'),
  line(
    8,
    'S161XXA',
    true,
    'Strain of muscle, fascia and tendon at neck level, init',
    'Strain of muscle, fascia and tendon at neck level, initial encounter',
  ),
].join('\r\n');

describe('the CMS order file', () => {
  it('reads codes (dotted), the billable flag and the long title', () => {
    const { entries, problems } = parseIcd10cmOrderFile(`${ORDER_FILE}\r\n`);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(8);
    expect(entries[0]).toEqual({ code: 'M79.1', billable: false, title: 'Myalgia' });
    expect(entries[7]).toEqual({
      code: 'S16.1XXA',
      billable: true,
      title: 'Strain of muscle, fascia and tendon at neck level, initial encounter',
    });
  });

  it('names a line that is not in the layout, with its number', () => {
    const { entries, problems } = parseIcd10cmOrderFile(
      `${line(1, 'M797', true, 'Fibromyalgia', 'Fibromyalgia')}\nM79.7 Fibromyalgia`,
    );
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([{ line: 2, message: 'not an order-file line: "M79.7 Fibromyalgia"' }]);
  });
});

describe('searching ICD-10-CM', () => {
  const index = buildIcd10cmIndex(parseIcd10cmOrderFile(ORDER_FILE).entries);
  const codes = (q: string, limit = 10) => index.search(q, limit).map((m) => m.code);

  it('by code prefix, with or without the dot, the exact code first and then billable codes', () => {
    expect(codes('M79.1')).toEqual(['M79.1', 'M79.10', 'M79.11', 'M79.12', 'M79.18']);
    expect(codes('m791')).toEqual(codes('M79.1'));
    expect(codes('M79')).toEqual(['M79.10', 'M79.11', 'M79.12', 'M79.18', 'M79.7', 'M79.1']);
  });

  it('by the starts of title words, every word needed, billable and whole-word matches first', () => {
    expect(codes('myal oth')).toEqual(['M79.18']);
    expect(codes('myalgia')).toEqual(['M79.18', 'M79.10', 'M79.11', 'M79.12', 'M79.1']);
    expect(codes('neck')).toEqual(['M79.12', 'S16.1XXA']);
    expect(codes('NECK strain')).toEqual(['S16.1XXA']);
    expect(codes('xyz')).toEqual([]);
  });

  it('keeps only the top `limit` of the ranking', () => {
    expect(codes('myalgia', 2)).toEqual(['M79.18', 'M79.10']);
    expect(codes('', 10)).toEqual([]);
  });

  it('marks a header with what to pick instead (the coding core’s header list)', () => {
    const [header] = index.search('M79.1', 1);
    expect(header).toMatchObject({ code: 'M79.1', billable: false });
    expect(header?.note).toBe('Non-billable header; use a more specific code (M79.10, M79.11, M79.12 or M79.18)');
    expect(index.search('M79.18', 1)[0]?.note).toBeUndefined();
  });

  it('the built-in list marks as headers exactly the codes the coding core calls headers', () => {
    const built = buildIcd10cmIndex(BUILT_IN_ICD10CM);
    const headers = BUILT_IN_ICD10CM.filter((e) => !e.billable).map((e) => e.code.replace('.', ''));
    expect(new Set(headers)).toEqual(
      new Set(['G442', 'G4420', 'G4421', 'G4422', 'G892', 'M545', 'M6283', 'M709', 'M791']),
    );
    expect(built.search('tension headache chronic', 5).map((m) => m.code)).toEqual(['G44.221', 'G44.229', 'G44.22']);
  });
});
