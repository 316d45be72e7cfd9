// A whole documented visit in one request: stored completely and signed, or not at all, with the
// failing step and field named; critical cards overridden by finding; the consent form of a plan
// can be had before the visit exists.
import { describe, expect, it } from 'vitest';
import { ALLERGIC_ID, buildClinicApp, CLEAN_ID, type ClinicRig } from '../spec/clinic-app.js';
import { RECORD_OF_PLAN } from '../spec/procedure-fixtures.js';
import { PLAN_BODY, SCREEN_OF_PLAN } from '../spec/route-matrix.js';
import { problemOf } from '../spec/test-app.js';

async function documentation(rig: ClinicRig, signer = 'Ben Hartley') {
  const form = await rig.call('clinician', 'POST', '/api/consent-forms', SCREEN_OF_PLAN);
  expect(form.statusCode, form.body).toBe(200);
  return {
    plan: PLAN_BODY,
    observations: [{ loinc: '72514-3', value: { quantity: 7, unit: '{score}' }, at: '2026-11-27T09:50:00Z' }],
    consent: {
      formVersion: form.json<{ version: string }>().version,
      signerKind: 'patient',
      signerName: signer,
      signatureKind: 'typed-name',
      signatureData: signer,
    },
    note: { ...RECORD_OF_PLAN, findings: 'Taut band, local twitch' },
  };
}

describe('POST /api/patients/:id/documented-visits', () => {
  it('stores and signs a whole visit in one request, each step audited', async () => {
    const rig = await buildClinicApp();
    const r = await rig.call(
      'clinician',
      'POST',
      `/api/patients/${CLEAN_ID}/documented-visits`,
      await documentation(rig),
    );
    expect(r.statusCode, r.body).toBe(201);
    const { visitId, note, screen } = r.json<{
      visitId: string;
      note: { status: string; id: string };
      screen: { verdict: string };
    }>();
    expect(note.status).toBe('signed');
    expect(screen.verdict).toBe('proceed');
    const given = (await rig.call('nurse', 'GET', `/api/visits/${visitId}/administrations`)).json<{
      items: { lot: string }[];
    }>();
    expect(given.items.map((a) => a.lot)).toEqual(['LX2291']);
    const chart = (await rig.call('nurse', 'GET', `/api/patients/${CLEAN_ID}/chart`)).json<{
      observations: { loinc: string }[];
    }>();
    expect(chart.observations.map((o) => o.loinc)).toContain('72514-3');
    const actions = rig.repos.audit
      .filter((e) => e.actor === 'u-clinician' && e.outcome === 'success')
      .map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'visit.create',
        'plan.save',
        'visit.screen',
        'observation.create',
        'consent.create',
        'note.create',
        'note.edit',
        'note.sign',
      ]),
    );
  });

  it('keeps nothing when signing is blocked, naming the step and the open card; audits the refusal', async () => {
    const rig = await buildClinicApp();
    const body = await documentation(rig);
    const before = rig.repos.snapshot();
    const r = await rig.call('clinician', 'POST', `/api/patients/${ALLERGIC_ID}/documented-visits`, body);
    expect(r.statusCode).toBe(409);
    expect(problemOf(r).code).toBe('signing-blocked');
    expect(problemOf(r).detail).toMatch(/^signing the note: cannot sign yet: critical card/);
    expect(problemOf(r).blockers?.[0]).toMatchObject({ code: 'critical-card-open', step: 'screening' });
    expect(rig.repos.snapshot()).toBe(before);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'visit.document', outcome: 'failed' });
  });

  it('overrides a critical card named by its finding, with a contract reason', async () => {
    const rig = await buildClinicApp();
    const body = await documentation(rig);
    const blocked = await rig.call('clinician', 'POST', `/api/patients/${ALLERGIC_ID}/documented-visits`, body);
    const finding = /\(([a-z-]+)\) has no override/.exec(problemOf(blocked).detail ?? '')?.[1];
    expect(finding).toBeDefined();
    const r = await rig.call('clinician', 'POST', `/api/patients/${ALLERGIC_ID}/documented-visits`, {
      ...body,
      overrides: [{ finding, reasonCode: 'other', comment: 'Allergy disproved by skin test' }],
    });
    expect(r.statusCode, r.body).toBe(201);
  });

  it('answers an expired lot with its path in the body and keeps nothing; nurses cannot document (they cannot sign)', async () => {
    const rig = await buildClinicApp();
    const body = await documentation(rig);
    const expired = structuredClone(body);
    const first = expired.note.sites[0]?.administrations[0];
    if (!first) throw new Error('fixture');
    first.expiry = '2026-01';
    const before = rig.repos.snapshot();
    const r = await rig.call('clinician', 'POST', `/api/patients/${CLEAN_ID}/documented-visits`, expired);
    expect(r.statusCode).toBe(400);
    expect(problemOf(r).errors?.map((e) => e.path)).toEqual(['$.note.sites[0].administrations[0].expiry']);
    expect(rig.repos.snapshot()).toBe(before);
    expect((await rig.call('nurse', 'POST', `/api/patients/${CLEAN_ID}/documented-visits`, body)).statusCode).toBe(403);
  });

  it('gives the same consent form for a plan before and after the visit exists', async () => {
    const rig = await buildClinicApp();
    const preview = (await rig.call('nurse', 'POST', '/api/consent-forms', SCREEN_OF_PLAN)).json<{ version: string }>();
    const visit = await rig.call('clinician', 'POST', `/api/patients/${CLEAN_ID}/visits`);
    const visitId = visit.json<{ id: string }>().id;
    await rig.call('nurse', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
    const form = (await rig.call('nurse', 'GET', `/api/visits/${visitId}/consent-form`)).json<{
      form: { version: string };
    }>();
    expect(form.form.version).toBe(preview.version);
  });
});
