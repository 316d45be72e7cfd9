// Issue 6 over HTTP: a signed note's follow-up links open the patient's form (public, token only);
// a red flag answered yes tells the patient what to do and reaches the clinic's task list (with an
// audit row and a queued email); tokens that do not open a form now (malformed, forged, expired,
// another clinic's) are all the same 404 and leak nothing.
import { describe, expect, it } from 'vitest';
import { buildClinicApp, CLEAN_ID } from '../spec/clinic-app.js';
import { signedVisit } from '../spec/follow-up-fixtures.js';
import { CLINIC, problemOf } from '../spec/test-app.js';

const ANSWERS = { painNrs: 3, reliefPct: 60, sideEffects: ['soreness-or-flare'], redFlags: [], pgic: 2 };

describe('follow-up links', () => {
  it('signing schedules six links (PEG at weeks 2 and 6); the form shows the procedure and the questions for it', async () => {
    const rig = await buildClinicApp();
    const { links } = await signedVisit(rig);
    expect(links.map((l) => l.pointId)).toEqual(['same-evening', 'day-1', 'day-3', 'week-1', 'week-2', 'week-6']);
    const form = await rig.call('anonymous', 'GET', `/api/follow-up/${links[0]?.token}`);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    const body = form.json<{ asksPeg: boolean; sites: unknown[]; products: unknown[]; redFlags: { id: string }[] }>();
    expect(body).toMatchObject({
      asksPeg: false,
      sites: [{ muscle: 'trapezius-upper', side: 'left' }],
      products: [{ injectate: 'lidocaine-1pct', steroid: false }],
    });
    // Upper trapezius: pleural risk moderate (chest asked); lidocaine (LAST symptoms asked).
    expect(body.redFlags.map((f) => f.id)).toEqual([
      'chest-pain-or-breathless',
      'throat-swelling-or-hives',
      'fainting',
      'last-symptoms',
      'new-weakness-or-numbness',
      'bowel-or-bladder-change',
    ]);
    // The discharge sheet answers the links (to print or show as QR codes), never cached.
    const { visitId } = await signedVisit(rig);
    const discharge = await rig.call('nurse', 'GET', `/api/visits/${visitId}/discharge`);
    expect(discharge.headers['cache-control']).toBe('no-store');
    const shown = discharge.json<{ followUpLinks: { pointId: string; url: string }[] }>().followUpLinks;
    expect(shown.map((l) => l.pointId)).toHaveLength(6);
    expect(shown[0]?.url).toMatch(/^https:\/\/tpi\.example\.test\/f\/[A-Za-z0-9_-]{43}$/);
    const week2 = await rig.call('anonymous', 'GET', `/api/follow-up/${links[4]?.token}`);
    expect(week2.json<{ asksPeg: boolean }>().asksPeg).toBe(true);
  });

  it('takes several entries; asks the PEG where the schedule says; names each bad field', async () => {
    const rig = await buildClinicApp();
    const { links } = await signedVisit(rig);
    const url = `/api/follow-up/${links[0]?.token}/answers`;
    for (let i = 0; i < 2; i++) {
      const sent = await rig.call('anonymous', 'POST', url, ANSWERS);
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json<{ redFlags: unknown[] }>().redFlags).toEqual([]);
    }
    const form = await rig.call('anonymous', 'GET', `/api/follow-up/${links[0]?.token}`);
    expect(form.json<{ entries: unknown[] }>().entries).toHaveLength(2);
    const noPeg = await rig.call('anonymous', 'POST', `/api/follow-up/${links[4]?.token}/answers`, ANSWERS);
    expect(noPeg.statusCode).toBe(400);
    expect(JSON.stringify(noPeg.json())).toContain('peg');
    const bad = await rig.call('anonymous', 'POST', url, { ...ANSWERS, painNrs: 11, pgic: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('painNrs');
    expect(bad.body).toContain('pgic');
  });

  it('a red flag: the patient is told what to do; the clinic gets a task, an audit row and a queued email', async () => {
    const rig = await buildClinicApp();
    const { links, visitId } = await signedVisit(rig);
    const sent = await rig.call('anonymous', 'POST', `/api/follow-up/${links[0]?.token}/answers`, {
      ...ANSWERS,
      redFlags: ['fainting', 'chest-pain-or-breathless'],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const { redFlags } = sent.json<{
      redFlags: { id: string; urgency: string; advice: string; sources: string[] }[];
    }>();
    expect(redFlags.map((f) => [f.id, f.urgency])).toEqual([
      ['chest-pain-or-breathless', 'emergency'],
      ['fainting', 'urgent'],
    ]);
    expect(redFlags[0]?.sources).toEqual(['PTCARE', 'CASE_PTX_BILAT']);

    const tasks = await rig.call('nurse', 'GET', '/api/tasks');
    expect(tasks.statusCode, tasks.body).toBe(200);
    const [task] = tasks.json<{
      tasks: { id: string; urgency: string; visitId: string; patientName: string; etag: string }[];
    }>().tasks;
    expect(task).toMatchObject({ urgency: 'emergency', visitId, patientName: 'Ada Okafor', status: 'open' });
    // The task says what the patient answered in words, not by the question's id.
    expect((task as unknown as { summary: string }).summary).toContain('chest pain, shortness of breath');
    const audit = rig.repos.audit.filter((e) => e.actorKind === 'patient').map((e) => e.action);
    expect(audit).toEqual(['task.create', 'follow-up.answer']);
    const outbox = await rig.repos.inClinic(CLINIC, () => Promise.resolve(JSON.parse(rig.repos.snapshot()) as unknown));
    expect(JSON.stringify(outbox)).toContain('[Knotwork] EMERGENCY follow-up task');

    const stale = await rig.call('clinician', 'POST', `/api/tasks/${task?.id}/acknowledge`, undefined, {
      'if-match': '"9"',
    });
    expect(stale.statusCode).toBe(412);
    const ack = await rig.call('clinician', 'POST', `/api/tasks/${task?.id}/acknowledge`, undefined, {
      'if-match': task?.etag ?? '',
    });
    expect(ack.statusCode, ack.body).toBe(200);
    const resolved = await rig.call('clinician', 'POST', `/api/tasks/${task?.id}/resolve`, undefined, {
      'if-match': ack.json<{ etag: string }>().etag,
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved' });
    expect((await rig.call('nurse', 'GET', '/api/tasks')).json<{ tasks: unknown[] }>().tasks).toEqual([]);
    expect((await rig.call('nurse', 'GET', '/api/tasks?status=all')).json<{ tasks: unknown[] }>().tasks).toHaveLength(
      1,
    );
  });

  it('answers every token that opens no form with the same 404, and writes nothing', async () => {
    const rig = await buildClinicApp();
    const { links } = await signedVisit(rig);
    const token = links[0]?.token ?? '';
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const expected = (await rig.call('anonymous', 'GET', '/api/follow-up/not-a-token')).json<{ detail: string }>();
    const before = rig.repos.snapshot();
    for (const t of ['not-a-token', forged, 'A'.repeat(43), `${token}x`]) {
      for (const [method, url, body] of [
        ['GET', `/api/follow-up/${t}`, undefined],
        ['POST', `/api/follow-up/${t}/answers`, ANSWERS],
      ] as const) {
        const r = await rig.call('anonymous', method, url, body);
        expect(r.statusCode).toBe(404);
        expect(problemOf(r).detail).toBe(expected.detail);
      }
    }
    expect(rig.repos.snapshot()).toBe(before);
    // Expired: 14 days after it was due (the same evening) the first link opens nothing.
    rig.advance(15 * 86_400_000);
    const late = await rig.call('anonymous', 'GET', `/api/follow-up/${token}`);
    expect(late.statusCode).toBe(404);
    expect(problemOf(late).detail).toBe(expected.detail);
    expect(late.body).not.toContain('expire');
    // A later link of the same visit still works.
    expect((await rig.call('anonymous', 'GET', `/api/follow-up/${links[5]?.token}`)).statusCode).toBe(200);
  });
});

describe('outcomes', () => {
  it('a patient’s procedure: answers as points, the core’s outcome and eligibility; the dashboard counts it; CSV too', async () => {
    const rig = await buildClinicApp();
    const { links, visitId } = await signedVisit(rig);
    const baseline = await rig.call(
      'nurse',
      'PUT',
      `/api/visits/${visitId}/baseline`,
      { indication: { icd10: 'M79.18', display: 'Myalgia, other site' }, painNrs: 8, peg: null },
      { 'if-match': '"1"' },
    );
    // The baseline may already exist (none in this rig): record it if not.
    if (baseline.statusCode !== 200) {
      const first = await rig.call(
        'nurse',
        'PUT',
        `/api/visits/${visitId}/baseline`,
        { indication: { icd10: 'M79.18', display: 'Myalgia, other site' }, painNrs: 8, peg: null },
        { 'if-none-match': '*' },
      );
      expect(first.statusCode, first.body).toBe(201);
    }
    rig.advance(24 * 3_600_000);
    for (const role of ['clinician', 'nurse', 'clinic-admin'] as const) rig.forget(role);
    const sent = await rig.call('anonymous', 'POST', `/api/follow-up/${links[1]?.token}/answers`, {
      ...ANSWERS,
      painNrs: 3,
    });
    expect(sent.statusCode, sent.body).toBe(201);

    const outcomes = await rig.call('clinician', 'GET', `/api/patients/${CLEAN_ID}/outcomes`);
    expect(outcomes.statusCode, outcomes.body).toBe(200);
    const [procedure] = outcomes.json<{
      procedures: {
        visitId: string;
        indication: { icd10: string } | null;
        points: { pointId: string; painNrs: number }[];
        outcome: { responder30: boolean | null; responder50: boolean | null };
        eligibility: { verdict: string; pack: { id: string } };
      }[];
    }>().procedures;
    expect(procedure).toMatchObject({
      visitId,
      indication: { icd10: 'M79.18' },
      points: [{ pointId: 'day-1', painNrs: 3 }],
      outcome: { responder30: true, responder50: true },
    });
    expect(['eligible', 'not-eligible', 'unknown']).toContain(procedure?.eligibility.verdict);

    const dashboard = await rig.call('clinic-admin', 'GET', '/api/dashboard/outcomes?indication=M79');
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json()).toMatchObject({
      totals: { patients: 1, procedures: 1, answers: 1 },
      overall: { procedures: 1, responder50: { n: 1, of: 1, rate: 1 }, steroidExposure: { n: 0, of: 1 } },
      byInjectate: [{ key: 'anaesthetic-only', procedures: 1 }],
      byMuscle: [{ key: 'trapezius-upper', procedures: 1 }],
    });
    const none = await rig.call('clinic-admin', 'GET', '/api/dashboard/outcomes?injectate=with-steroid');
    expect(none.json<{ totals: { procedures: number } }>().totals.procedures).toBe(0);
    const csv = await rig.call('clinic-admin', 'GET', '/api/dashboard/outcomes.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      'group,key,label,procedures,responder30_n,responder30_of,responder50_n,responder50_of,median_relief_duration_days,flare_n,flare_of,complications_n,complications_of,steroid_n',
    );
    expect(csv.body).toContain('overall,all,All procedures,1,1,1,1,1');
  });
});

describe('the eligibility pack setting', () => {
  it('is Medicare until a clinic admin chooses another under If-Match; a clinic pack is checked by the core', async () => {
    const rig = await buildClinicApp();
    const first = await rig.call('nurse', 'GET', '/api/settings/eligibility-pack');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ packId: 'medicare-lcd-l34211', isDefault: true, settingsVersion: 0 });
    const etag = String(first.headers.etag);
    expect(
      (await rig.call('clinic-admin', 'PUT', '/api/settings/eligibility-pack', { packId: 'evicore-cmm-202' }))
        .statusCode,
    ).toBe(428);
    const changed = await rig.call(
      'clinic-admin',
      'PUT',
      '/api/settings/eligibility-pack',
      { packId: 'evicore-cmm-202' },
      { 'if-match': etag },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ packId: 'evicore-cmm-202', isDefault: false, settingsVersion: 1 });
    const bad = await rig.call(
      'clinic-admin',
      'PUT',
      '/api/settings/eligibility-pack',
      { packId: 'clinic', rules: { id: 'ours', criteria: 'none' } },
      { 'if-match': String(changed.headers.etag) },
    );
    expect(bad.statusCode).toBe(400);
    // The follow-up schedule's own changes carry the pack forward.
    const schedule = await rig.call('clinic-admin', 'GET', '/api/settings/follow-up-schedule');
    await rig.call(
      'clinic-admin',
      'PUT',
      '/api/settings/follow-up-schedule',
      { points: [{ id: 'day-1', label: 'Day 1', after: 'P1D' }] },
      { 'if-match': String(schedule.headers.etag) },
    );
    expect((await rig.call('nurse', 'GET', '/api/settings/eligibility-pack')).json()).toMatchObject({
      packId: 'evicore-cmm-202',
      settingsVersion: 2,
    });
    expect(
      (await rig.call('nurse', 'PUT', '/api/settings/eligibility-pack', { packId: 'evicore-cmm-202' })).statusCode,
    ).toBe(403);
  });
});
