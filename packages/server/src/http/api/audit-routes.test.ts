// The audit log over HTTP (clinic admins): the clinic's rows only, newest first, keyset pages,
// filters by actor, action, patient and time; each row with who, what, when, where, outcome and its
// chain position; reading it is itself audited.
import { describe, expect, it } from 'vitest';
import { ALLERGIC_ID, buildClinicApp } from '../spec/clinic-app.js';
import { CLINIC, problemOf } from '../spec/test-app.js';

interface Row {
  id: number;
  action: string;
  actor: string | null;
  patientId: string | null;
  sealed: boolean;
  chainSeq: number | null;
  from: string | null;
  outcome: string;
  at: string;
}
type Page = { items: Row[]; next: string | null };

async function withHistory() {
  const rig = await buildClinicApp();
  await rig.call('clinician', 'GET', `/api/patients/${ALLERGIC_ID}/chart`);
  await rig.call('nurse', 'GET', '/api/patients?name=ok');
  await rig.call('cds-client', 'GET', '/api/users');
  await rig.call('nurse', 'GET', `/api/patients/${ALLERGIC_ID}`);
  const admin = await rig.signIn('clinic-admin');
  return { rig, admin };
}

describe('GET /api/audit', () => {
  it('pages newest first with keyset cursors, and audits the reading', async () => {
    const { rig, admin } = await withHistory();
    const mine = rig.repos.audit.filter((e) => e.clinicId === CLINIC).length;
    const first = (await rig.as(admin, 'GET', '/api/audit?limit=2')).json<Page>();
    expect(first.items.map((r) => r.action)).toEqual(['auth.sign-in', 'patient.read']);
    expect(first.items[1]).toMatchObject({
      actor: 'u-nurse',
      outcome: 'success',
      from: '127.0.0.1',
      sealed: false,
      chainSeq: null,
    });
    const second = (await rig.as(admin, 'GET', `/api/audit?limit=2&cursor=${first.next ?? ''}`)).json<Page>();
    expect(second.items[0]?.id).toBeLessThan(first.items[1]?.id ?? 0);
    const all = (await rig.as(admin, 'GET', '/api/audit?limit=200')).json<Page>();
    expect(all.items.length).toBe(mine + 2);
    expect(all.items[0]).toMatchObject({ action: 'audit.read', actor: 'u-admin' });
    expect(all.items.every((r) => r.actor !== 'u-other')).toBe(true);
  });

  it('filters by actor, action, patient and time', async () => {
    const { rig, admin } = await withHistory();
    const get = async (q: string) => (await rig.as(admin, 'GET', `/api/audit?${q}`)).json<Page>().items;
    expect((await get('actor=u-nurse')).map((r) => r.action)).toEqual([
      'patient.read',
      'patient.search',
      'auth.sign-in',
    ]);
    expect((await get('action=patient.chart.read')).map((r) => r.actor)).toEqual(['u-clinician']);
    expect((await get(`patientId=${ALLERGIC_ID}`)).map((r) => r.action)).toEqual([
      'patient.read',
      'patient.chart.read',
    ]);
    expect(await get('from=2999-01-01T00:00:00Z')).toEqual([]);
    expect((await get('to=2000-01-01T00:00:00Z')).length).toBe(0);
  });

  it('is for clinic admins; a bad cursor is 400', async () => {
    const { rig, admin } = await withHistory();
    expect((await rig.call('clinician', 'GET', '/api/audit')).statusCode).toBe(403);
    const bad = await rig.as(admin, 'GET', '/api/audit?cursor=bm9wZQ');
    expect([bad.statusCode, problemOf(bad).errors?.[0]?.path]).toEqual([400, 'querystring.cursor']);
  });
});
