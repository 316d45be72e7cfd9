// Procedure notes over HTTP (issue 3 item 2): started from the plan, edited as a draft, signed by a
// clinician only once the current plan is screened and every critical card overridden, never
// changed once signed (409 note-locked), amended as a new version with a reason; two concurrent
// signatures leave exactly one signed version. Audited as note.create, note.sign, note.amend.
import { describe, expect, it } from 'vitest';
import { ALLERGIC_ID, buildClinicApp, type ClinicRig } from '../spec/clinic-app.js';
import { completeNote, RECORD_OF_PLAN, signConsent } from '../spec/procedure-fixtures.js';
import { PLAN_BODY, SCREEN_OF_PLAN } from '../spec/route-matrix.js';
import { problemOf } from '../spec/test-app.js';

interface Card {
  uuid: string;
  indicator: string;
  summary: string;
  source: { topic: { code: string } };
}
interface NoteJson {
  id: string;
  version: number;
  status: string;
  revision: number;
  amendmentReason: string | null;
  previousVersionId: string | null;
  content: { plan: { revision: number }; findings: string; painNrs: number | null };
}

/** A visit of the lidocaine-allergic patient, planned and screened (a critical card), with its draft note. */
async function plannedNote(rig: ClinicRig) {
  const visit = await rig.call('clinician', 'POST', `/api/patients/${ALLERGIC_ID}/visits`);
  const visitId = visit.json<{ id: string }>().id;
  const plan = await rig.call('nurse', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
  expect(plan.statusCode, plan.body).toBe(201);
  const screen = await rig.call('nurse', 'POST', `/api/visits/${visitId}/screens`, SCREEN_OF_PLAN);
  expect(screen.statusCode, screen.body).toBe(201);
  const { screenId, cards } = screen.json<{ screenId: string; cards: Card[] }>();
  const critical = cards.find((c) => c.indicator === 'critical');
  if (!critical) throw new Error('expected a critical card for the lidocaine allergy');
  const note = await rig.call('nurse', 'POST', `/api/visits/${visitId}/note`);
  expect(note.statusCode, note.body).toBe(201);
  return { visitId, screenId, critical, note: note.json<NoteJson>() };
}

const sign = (rig: ClinicRig, id: string, etag = '"1"') =>
  rig.call('clinician', 'POST', `/api/notes/${id}/sign`, undefined, { 'if-match': etag });

describe('procedure notes', () => {
  it('plans, screens, overrides, starts, signs, amends with a reason and signs the amendment', async () => {
    const rig = await buildClinicApp();
    const { visitId, screenId, critical, note } = await plannedNote(rig);
    expect(note).toMatchObject({ version: 1, status: 'draft', revision: 1, content: { plan: { revision: 1 } } });

    await signConsent(rig, visitId);
    const edited = await rig.call(
      'nurse',
      'PUT',
      `/api/notes/${note.id}`,
      { ...RECORD_OF_PLAN, findings: 'Taut band, local twitch at upper trapezius', painNrs: 2 },
      { 'if-match': '"1"' },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.headers.etag).toBe('"2"');

    const override = await rig.call('clinician', 'POST', `/api/screens/${screenId}/overrides`, {
      cardUuid: critical.uuid,
      reasonCode: 'other',
      comment: 'Allergy disproved by skin test',
    });
    expect(override.statusCode, override.body).toBe(201);

    const signed = await sign(rig, note.id, '"2"');
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', signedBy: 'u-clinician', revision: 3 });
    // Who signed, by name too, for the other users of the clinic who read the note.
    const read = await rig.call('nurse', 'GET', `/api/visits/${visitId}/notes`);
    expect(
      read.json<{ items: { signedByName: string | null; createdByName: string | null }[] }>().items[0],
    ).toMatchObject({
      signedByName: 'dr.lee',
      createdByName: 'nurse.ito',
    });

    const amendment = await rig.call('clinician', 'POST', `/api/notes/${note.id}/amendments`, {
      reason: 'Pain score recorded before the injection',
    });
    expect(amendment.statusCode, amendment.body).toBe(201);
    const v2 = amendment.json<NoteJson>();
    expect(v2).toMatchObject({
      version: 2,
      status: 'draft',
      previousVersionId: note.id,
      amendmentReason: 'Pain score recorded before the injection',
      content: { findings: 'Taut band, local twitch at upper trapezius', painNrs: 2 },
    });
    const fixed = await rig.call(
      'clinician',
      'PUT',
      `/api/notes/${v2.id}`,
      { findings: v2.content.findings, painNrs: 1 },
      { 'if-match': '"1"' },
    );
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await sign(rig, v2.id, '"2"')).statusCode).toBe(200);

    const list = await rig.call('nurse', 'GET', `/api/visits/${visitId}/notes`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: NoteJson[] }>().items.map((n) => [n.version, n.status, n.content.painNrs])).toEqual([
      [1, 'signed', 2],
      [2, 'amended', 1],
    ]);
    const audited = rig.repos.audit
      .filter((e) => ['note.create', 'note.sign', 'note.amend'].includes(e.action))
      .map((e) => [e.action, e.outcome, e.actor, e.patientId]);
    expect(audited).toEqual([
      ['note.create', 'success', 'u-nurse', ALLERGIC_ID],
      ['note.sign', 'success', 'u-clinician', ALLERGIC_ID],
      ['note.amend', 'success', 'u-clinician', ALLERGIC_ID],
      ['note.sign', 'success', 'u-clinician', ALLERGIC_ID],
    ]);
  });

  it('refuses to sign while a critical card has no override, naming the finding, and writes nothing', async () => {
    const rig = await buildClinicApp();
    const { critical, note } = await plannedNote(rig);
    const before = rig.repos.snapshot();
    const r = await sign(rig, note.id);
    expect(r.statusCode).toBe(409);
    expect(problemOf(r).code).toBe('signing-blocked');
    expect(problemOf(r).detail).toContain(critical.source.topic.code);
    expect(problemOf(r).detail).toContain(critical.summary);
    // The same items, structured (the `blockers` extension member), in the order detail lists them.
    const blockers = problemOf(r).blockers ?? [];
    expect(blockers.map((b) => [b.code, b.step])).toContainEqual(['critical-card-open', 'screening']);
    expect(`cannot sign yet: ${blockers.map((b) => b.message).join('; ')}`).toBe(problemOf(r).detail);
    expect(rig.repos.snapshot()).toBe(before);
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'note.sign', outcome: 'failed' });
  });

  it('refuses to sign when the plan changed after its screen', async () => {
    const rig = await buildClinicApp();
    const { visitId, note } = await plannedNote(rig);
    const changed = { ...PLAN_BODY, products: [{ injectate: 'lidocaine-1pct', volumeMl: 3 }] };
    const put = await rig.call('nurse', 'PUT', `/api/visits/${visitId}/plan`, changed, { 'if-match': '"1"' });
    expect(put.statusCode, put.body).toBe(200);
    const r = await sign(rig, note.id);
    expect(r.statusCode).toBe(409);
    expect(problemOf(r).detail).toContain('no screen of the current plan (revision 2)');
    expect(problemOf(r).blockers).toContainEqual({
      code: 'no-screen',
      step: 'screening',
      message: 'no screen of the current plan (revision 2): screen the visit first',
    });
  });

  it('answers 409 note-locked to an edit after signing, and 400 with the path to an amendment without reason', async () => {
    const rig = await buildClinicApp();
    const { visitId, screenId, critical, note } = await plannedNote(rig);
    await rig.call('clinician', 'POST', `/api/screens/${screenId}/overrides`, {
      cardUuid: critical.uuid,
      reasonCode: 'other',
      comment: 'Allergy disproved',
    });
    const etag = await completeNote(rig, visitId, `/api/notes/${note.id}`);
    expect((await sign(rig, note.id, etag)).statusCode).toBe(200);
    const before = rig.repos.snapshot();
    const edit = await rig.call(
      'clinician',
      'PUT',
      `/api/notes/${note.id}`,
      { findings: 'x', painNrs: 3 },
      {
        'if-match': '"3"',
      },
    );
    expect(edit.statusCode).toBe(409);
    expect(problemOf(edit).code).toBe('note-locked');
    expect((await sign(rig, note.id, '"3"')).statusCode).toBe(409);
    const missing = await rig.call('clinician', 'POST', `/api/notes/${note.id}/amendments`, {});
    expect(missing.statusCode).toBe(400);
    expect(problemOf(missing).errors?.map((e) => e.path)).toEqual(['$.reason']);
    const short = await rig.call('clinician', 'POST', `/api/notes/${note.id}/amendments`, { reason: ' ok ' });
    expect(short.statusCode).toBe(400);
    expect(problemOf(short).errors?.map((e) => e.path)).toEqual(['$.reason']);
    expect(rig.repos.snapshot()).toBe(before);
    const nurse = await rig.call('nurse', 'POST', `/api/notes/${note.id}/amendments`, { reason: 'A nurse tries' });
    expect(nurse.statusCode).toBe(403);
  });

  it('lets exactly one of two concurrent signatures win', async () => {
    const rig = await buildClinicApp();
    const { visitId, screenId, critical, note } = await plannedNote(rig);
    await rig.call('clinician', 'POST', `/api/screens/${screenId}/overrides`, {
      cardUuid: critical.uuid,
      reasonCode: 'other',
      comment: 'Allergy disproved',
    });
    const etag = await completeNote(rig, visitId, `/api/notes/${note.id}`);
    const results = await Promise.all([sign(rig, note.id, etag), sign(rig, note.id, etag)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const list = await rig.call('clinician', 'GET', `/api/visits/${visitId}/notes`);
    expect(list.json<{ items: NoteJson[] }>().items.map((n) => [n.version, n.status])).toEqual([[1, 'signed']]);
    const signed = [...rig.repos.audit].filter((e) => e.action === 'note.sign' && e.outcome === 'success');
    expect(signed).toHaveLength(1);
  });
});
