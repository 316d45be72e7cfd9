// GET /api/reference/icd10cm: any signed-in user; code prefix and title words; headers marked; the
// list searched is named; a CMS order file replaces the built-in list when the server is given one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFileIcd10cm } from '../../app/reference/icd10cm-source.js';
import { buildClinicApp, type ClinicRig } from '../spec/clinic-app.js';

interface Results {
  source: { name: string; complete: boolean; codes: number };
  items: { code: string; title: string; billable: boolean; note?: string }[];
}

const line = (order: number, code: string, billable: boolean, title: string) =>
  `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable ? '1' : '0'} ${title.slice(0, 60).padEnd(60)} ${title}`;

describe('ICD-10-CM search, built-in list', () => {
  let rig: ClinicRig;
  beforeAll(async () => {
    rig = await buildClinicApp();
  });
  afterAll(() => rig.app.close());

  it.each(['clinician', 'nurse', 'clinic-admin'] as const)(
    'answers a %s by title words, billable first',
    async (role) => {
      const r = await rig.call(role, 'GET', '/api/reference/icd10cm?q=myalgia&limit=3');
      expect(r.statusCode).toBe(200);
      const body = r.json<Results>();
      expect(body.items.map((i) => i.code)).toEqual(['M79.18', 'M79.10', 'M79.11']);
      expect(body.items.every((i) => i.billable)).toBe(true);
      expect(body.source).toMatchObject({ complete: false });
    },
  );

  it('by code prefix, the header marked with what to pick instead', async () => {
    const r = await rig.call('clinician', 'GET', '/api/reference/icd10cm?q=m79.1');
    const [header, ...children] = r.json<Results>().items;
    expect(header).toMatchObject({ code: 'M79.1', billable: false });
    expect(header?.note).toContain('M79.10, M79.11, M79.12 or M79.18');
    expect(children.map((c) => c.code)).toEqual(['M79.10', 'M79.11', 'M79.12', 'M79.18']);
  });

  it.each([
    ['q=', 'querystring.q'],
    ['q=pain&limit=0', 'querystring.limit'],
    ['q=pain&limit=51', 'querystring.limit'],
    ['limit=5', 'querystring.q'],
  ])('refuses %s, naming %s', async (query, path) => {
    const r = await rig.call('nurse', 'GET', `/api/reference/icd10cm?${query}`);
    expect(r.statusCode).toBe(400);
    expect(r.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe(path);
  });

  it('is refused without a session', async () => {
    const r = await rig.app.inject({ method: 'GET', url: '/api/reference/icd10cm?q=pain' });
    expect(r.statusCode).toBe(401);
  });
});

describe('ICD-10-CM search over a CMS order file', () => {
  let rig: ClinicRig;
  let reads = 0;
  const file = [
    line(1, 'M6283', false, 'Muscle spasm'),
    line(2, 'M62830', true, 'Muscle spasm of back'),
    line(3, 'M62831', true, 'Muscle spasm of calf'),
    line(4, 'M62838', true, 'Other muscle spasm'),
  ].join('\n');
  beforeAll(async () => {
    rig = await buildClinicApp({
      icd10cm: orderFileIcd10cm('icd10cm-order-test.txt', () => {
        reads++;
        return file;
      }),
    });
  });
  afterAll(() => rig.app.close());

  it('searches the release, reads the file once, and names it as complete', async () => {
    const calf = await rig.call('clinician', 'GET', '/api/reference/icd10cm?q=spasm%20calf');
    const again = await rig.call('clinician', 'GET', '/api/reference/icd10cm?q=M62.83');
    expect(calf.json<Results>().items.map((i) => i.code)).toEqual(['M62.831']);
    expect(again.json<Results>().items.map((i) => i.code)).toEqual(['M62.83', 'M62.830', 'M62.831', 'M62.838']);
    expect(again.json<Results>().source).toEqual({
      name: 'CMS ICD-10-CM order file icd10cm-order-test.txt',
      complete: true,
      codes: 4,
    });
    expect(reads).toBe(1);
  });
});
