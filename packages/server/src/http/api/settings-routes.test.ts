// The screening policy setting over HTTP (clinic admins): read with its versions and ETag; a change
// needs If-Match, is validated by the core with each field named, becomes a new version, is
// audited, and is what the next screen runs under.
import { DEFAULT_POLICY } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { buildClinicApp, CLEAN_ID } from '../spec/clinic-app.js';
import { problemOf } from '../spec/test-app.js';

const URL = '/api/settings/screening-policy';

async function admin() {
  const rig = await buildClinicApp();
  return { rig, session: await rig.signIn('clinic-admin') };
}

describe('GET /api/settings/screening-policy', () => {
  it('answers the contract’s defaults as version 0 until an admin changes them', async () => {
    const { rig, session } = await admin();
    const r = await rig.as(session, 'GET', URL);
    expect([r.statusCode, r.headers.etag]).toEqual([200, '"0"']);
    expect(r.json()).toEqual({
      settingsVersion: 0,
      policyVersion: DEFAULT_POLICY.version,
      values: { ...DEFAULT_POLICY.values },
      changedAt: null,
      changedBy: null,
      reason: null,
    });
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'settings.screening-policy.read', actor: 'u-admin' });
  });

  it('is for clinic admins only', async () => {
    const rig = await buildClinicApp();
    const r = await rig.as(await rig.signIn('clinician'), 'GET', URL);
    expect([r.statusCode, problemOf(r).code]).toEqual([403, 'forbidden']);
  });
});

describe('PUT /api/settings/screening-policy', () => {
  it('saves a valid change as version 1 (new ETag, clinic policy version), audited, and screens use it', async () => {
    const { rig, session } = await admin();
    const r = await rig.as(
      session,
      'PUT',
      URL,
      { values: { feverCelsius: 38.3 }, reason: 'local protocol' },
      {
        headers: { 'if-match': '"0"' },
      },
    );
    expect([r.statusCode, r.headers.etag]).toEqual([200, '"1"']);
    const saved = r.json<{ policyVersion: string; values: { feverCelsius: number } }>();
    expect(saved).toMatchObject({ settingsVersion: 1, changedBy: 'u-admin', reason: 'local protocol' });
    expect(saved.policyVersion).toMatch(/^clinic-/);
    expect(saved.values.feverCelsius).toBe(38.3);
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'settings.screening-policy.update',
      outcome: 'success',
      detail: { settingsVersion: 1, policyVersion: saved.policyVersion, previousPolicyVersion: DEFAULT_POLICY.version },
    });
    const nurse = await rig.signIn('nurse');
    const visit = await rig.as(nurse, 'POST', `/api/patients/${CLEAN_ID}/visits`);
    const screen = await rig.as(nurse, 'POST', `${String(visit.headers.location)}/screens`, {
      sites: [{ muscle: 'trapezius-upper', side: 'left' }],
      products: [{ injectate: 'lidocaine-1pct', volumeMl: 2 }],
    });
    expect(screen.json<{ policyVersion: string }>().policyVersion).toBe(saved.policyVersion);
  });

  it('names every bad field under $.values and saves nothing', async () => {
    const { rig, session } = await admin();
    const before = rig.repos.snapshot();
    const r = await rig.as(
      session,
      'PUT',
      URL,
      { values: { feverCelsius: 45, pneumothoraxInfoRisks: ['huge'], x: 1 } },
      {
        headers: { 'if-match': '"0"' },
      },
    );
    expect(r.statusCode).toBe(400);
    expect(problemOf(r).errors?.map((e) => [e.path, e.code])).toEqual([
      ['$.values.feverCelsius', 'out-of-range'],
      ['$.values.pneumothoraxInfoRisks[0]', 'not-allowed'],
      ['$.values.x', 'unknown-field'],
    ]);
    const shape = await rig.as(session, 'PUT', URL, { values: [] }, { headers: { 'if-match': '"0"' } });
    expect(problemOf(shape).errors?.[0]?.path).toBe('$.values');
    expect(rig.repos.snapshot()).toBe(before);
  });

  it('needs If-Match (428) and refuses a stale one (412), changing nothing', async () => {
    const { rig, session } = await admin();
    const body = { values: { doseWarnFraction: 0.7 } };
    const none = await rig.as(session, 'PUT', URL, body);
    expect([none.statusCode, problemOf(none).code]).toEqual([428, 'precondition-required']);
    expect((await rig.as(session, 'PUT', URL, body, { headers: { 'if-match': '"0"' } })).statusCode).toBe(200);
    const before = rig.repos.snapshot();
    const stale = await rig.as(session, 'PUT', URL, { values: {} }, { headers: { 'if-match': '"0"' } });
    expect([stale.statusCode, problemOf(stale).code]).toEqual([412, 'precondition-failed']);
    expect(rig.repos.snapshot()).toBe(before);
    const back = await rig.as(session, 'PUT', URL, { values: {} }, { headers: { 'if-match': '"1"' } });
    expect(back.json()).toMatchObject({ settingsVersion: 2, policyVersion: DEFAULT_POLICY.version });
  });
});
