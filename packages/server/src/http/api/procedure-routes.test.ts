// A visit's procedure record over HTTP (issue 3 item 2): the consent form follows the plan and a
// signature names the form shown; the note records per site what was given (an expired lot is
// refused, with its path); signing is blocked until the record is complete, within the screened
// plan and consented; the signature writes the administrations and immediate complications, and
// the chart shows them; an amendment's signature replaces them. Complications are never deleted.
import { describe, expect, it } from 'vitest';
import { buildClinicApp, CLEAN_ID, type ClinicRig } from '../spec/clinic-app.js';
import { RECORD_OF_PLAN, signConsent } from '../spec/procedure-fixtures.js';
import { PLAN_BODY } from '../spec/route-matrix.js';
import { problemOf } from '../spec/test-app.js';

interface NoteJson {
  id: string;
  revision: number;
  content: { sites: { administrations: { lot: string | null }[] }[] };
}

/** A visit of the patient with nothing critical: planned (upper trapezius, lidocaine 1% 2 mL), screened, note started. */
async function screenedNote(rig: ClinicRig) {
  const visit = await rig.call('clinician', 'POST', `/api/patients/${CLEAN_ID}/visits`);
  const visitId = visit.json<{ id: string }>().id;
  expect(
    (await rig.call('nurse', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' })).statusCode,
  ).toBe(201);
  const screen = await rig.call('nurse', 'POST', `/api/visits/${visitId}/plan/screen`);
  expect(screen.statusCode, screen.body).toBe(201);
  const note = await rig.call('nurse', 'POST', `/api/visits/${visitId}/note`);
  expect(note.statusCode, note.body).toBe(201);
  return { visitId, note: note.json<NoteJson>(), url: `/api/notes/${note.json<NoteJson>().id}` };
}

const edit = (rig: ClinicRig, url: string, body: unknown, etag: string) =>
  rig.call('clinician', 'PUT', url, body, { 'if-match': etag });

describe('consent', () => {
  it('generates the form from the plan: sites, drugs, the lung risk for a thoracic site, sources', async () => {
    const rig = await buildClinicApp();
    const { visitId } = await screenedNote(rig);
    const r = await rig.call('nurse', 'GET', `/api/visits/${visitId}/consent-form`);
    expect(r.statusCode, r.body).toBe(200);
    const { form, planRevision } = r.json<{
      form: {
        version: string;
        sites: { muscle: string; thoracic: boolean }[];
        risks: { id: string; because?: string }[];
      };
      planRevision: number;
    }>();
    expect(planRevision).toBe(1);
    expect(form.sites).toEqual([expect.objectContaining({ muscle: 'trapezius-upper', thoracic: true })]);
    expect(form.risks.find((x) => x.id === 'pneumothorax')?.because).toContain('Trapezius, upper fibres (left)');
    expect(form.risks.map((x) => x.id)).not.toContain('steroid-skin');
  });

  it('stores the form shown with the signature, and refuses a signature of a form the plan has left', async () => {
    const rig = await buildClinicApp();
    const { visitId } = await screenedNote(rig);
    const shown = (await rig.call('nurse', 'GET', `/api/visits/${visitId}/consent-form`)).json<{
      form: { version: string };
    }>().form.version;
    const changed = { ...PLAN_BODY, products: [...PLAN_BODY.products, { injectate: 'triamcinolone-40', volumeMl: 1 }] };
    expect(
      (await rig.call('nurse', 'PUT', `/api/visits/${visitId}/plan`, changed, { 'if-match': '"1"' })).statusCode,
    ).toBe(200);
    const body = {
      formVersion: shown,
      signerKind: 'patient',
      signerName: 'Ada Byron',
      signatureKind: 'typed-name',
      signatureData: 'Ada Byron',
    };
    const before = rig.repos.snapshot();
    const stale = await rig.call('nurse', 'POST', `/api/visits/${visitId}/consents`, body);
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).detail).toContain('the plan changed since the form was shown');
    expect(rig.repos.snapshot()).toBe(before);

    const consent = await signConsent(rig, visitId);
    const list = await rig.call('clinician', 'GET', `/api/visits/${visitId}/consents`);
    const [stored] = list.json<{
      items: { id: string; planRevision: number; witnessedBy: string; form: { risks: { id: string }[] } }[];
    }>().items;
    expect(stored).toMatchObject({ id: consent.id, planRevision: 2, witnessedBy: 'u-nurse' });
    expect(stored?.form.risks.map((x) => x.id)).toContain('steroid-skin');
    expect(rig.repos.audit.filter((e) => e.action === 'consent.create').map((e) => e.outcome)).toEqual([
      'failed',
      'success',
    ]);
  });

  it('refuses a typed signature that is not the signer’s name, a representative without relationship, a bad image', async () => {
    const rig = await buildClinicApp();
    const { visitId } = await screenedNote(rig);
    const { version } = (await rig.call('nurse', 'GET', `/api/visits/${visitId}/consent-form`)).json<{
      form: { version: string };
    }>().form;
    const base = {
      formVersion: version,
      signerKind: 'patient',
      signerName: 'Ada Byron',
      signatureKind: 'typed-name',
      signatureData: 'Ada Byron',
    };
    const cases: [object, string][] = [
      [{ signatureData: 'Someone else' }, 'signatureData'],
      [{ signerKind: 'representative' }, 'signerRelationship'],
      [{ signatureKind: 'image', signatureData: 'data:text/html;base64,PHNjcmlwdD4=' }, 'signatureData'],
    ];
    for (const [change, path] of cases) {
      const r = await rig.call('nurse', 'POST', `/api/visits/${visitId}/consents`, { ...base, ...change });
      expect(r.statusCode, JSON.stringify(change)).toBe(400);
      expect(problemOf(r).errors?.map((e) => e.path)).toEqual([`$.${path}`]);
    }
    const drawn = await rig.call('nurse', 'POST', `/api/visits/${visitId}/consents`, {
      ...base,
      signerKind: 'representative',
      signerRelationship: 'daughter',
      signerName: 'Grace Byron',
      signatureKind: 'image',
      signatureData: 'data:image/png;base64,iVBORw0KGgo=',
    });
    expect(drawn.statusCode, drawn.body).toBe(201);
  });
});

describe('the procedure record and its signature', () => {
  it('refuses an expired lot when the draft is saved, naming its path, and keeps the draft as it was', async () => {
    const rig = await buildClinicApp();
    const { visitId, url } = await screenedNote(rig);
    const expired = structuredClone(RECORD_OF_PLAN);
    const [site] = expired.sites;
    if (!site?.administrations[0]) throw new Error('fixture');
    site.administrations[0].expiry = '2026-10';
    const r = await edit(rig, url, expired, '"1"');
    expect(r.statusCode).toBe(400);
    const errors = problemOf(r).errors ?? [];
    expect(errors.map((e) => e.path)).toEqual(['$.sites[0].administrations[0].expiry']);
    expect(errors[0]?.message).toContain('expired (2026-10) before 2026-11-27');
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'note.edit', outcome: 'failed' });
    const notes = await rig.call('clinician', 'GET', `/api/visits/${visitId}/notes`);
    const [draft] = notes.json<{ items: NoteJson[] }>().items;
    expect(draft).toMatchObject({ revision: 1, content: { sites: [{ administrations: [] }] } });
  });

  it('names everything that blocks signing: time-out, pain, lot, consent', async () => {
    const rig = await buildClinicApp();
    const { url } = await screenedNote(rig);
    const noLot = structuredClone(RECORD_OF_PLAN);
    const [site] = noLot.sites;
    if (!site?.administrations[0]) throw new Error('fixture');
    site.administrations[0].lot = null as unknown as string;
    const saved = await edit(rig, url, { ...noLot, painNrs: null, timeOut: { ...noLot.timeOut, sides: false } }, '"1"');
    expect(saved.statusCode, saved.body).toBe(200);
    const r = await rig.call('clinician', 'POST', `${url}/sign`, undefined, { 'if-match': '"2"' });
    expect(r.statusCode).toBe(409);
    const detail = problemOf(r).detail ?? '';
    for (const words of [
      'time-out not complete: sides confirmed',
      'has no lot number',
      'pain after the procedure',
      'no consent is signed',
    ]) {
      expect(detail).toContain(words);
    }
  });

  it('writes the administrations and complications at signing; the chart shows them; an amendment replaces them', async () => {
    const rig = await buildClinicApp();
    const { visitId, url } = await screenedNote(rig);
    await signConsent(rig, visitId);
    const complication = {
      type: 'vasovagal',
      severity: 'mild',
      onset: '2026-11-27T09:58:00Z',
      action: 'Supine, legs raised; recovered',
      note: null,
    };
    const saved = await edit(rig, url, { ...RECORD_OF_PLAN, complications: [complication] }, '"1"');
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await rig.call('clinician', 'GET', `/api/visits/${visitId}/administrations`)).json()).toEqual({
      items: [],
    });
    const signed = await rig.call('clinician', 'POST', `${url}/sign`, undefined, { 'if-match': '"2"' });
    expect(signed.statusCode, signed.body).toBe(200);

    const given = (await rig.call('nurse', 'GET', `/api/visits/${visitId}/administrations`)).json<{ items: object[] }>()
      .items;
    expect(given).toEqual([
      expect.objectContaining({
        muscle: 'trapezius-upper',
        side: 'left',
        injectate: 'lidocaine-1pct',
        volumeMl: 2,
        lot: 'LX2291',
        expiry: '2027-06',
      }),
    ]);
    const chart = (await rig.call('clinician', 'GET', `/api/patients/${CLEAN_ID}/chart`)).json<{
      administrations: { injectate?: string; volumeMl?: number }[];
    }>();
    expect(chart.administrations).toEqual([expect.objectContaining({ injectate: 'lidocaine-1pct', volumeMl: 2 })]);
    const complications = (await rig.call('nurse', 'GET', `/api/visits/${visitId}/complications`)).json<{
      items: { type: string; noteId: string | null }[];
    }>().items;
    expect(complications).toEqual([
      expect.objectContaining({ type: 'vasovagal', noteId: signed.json<{ id: string }>().id }),
    ]);

    const amendment = await rig.call('clinician', 'POST', `${url}/amendments`, { reason: 'Volume was 1.5 mL, not 2' });
    expect(amendment.statusCode, amendment.body).toBe(201);
    const v2 = amendment.json<NoteJson>();
    const fixed = structuredClone(RECORD_OF_PLAN);
    if (!fixed.sites[0]?.administrations[0]) throw new Error('fixture');
    fixed.sites[0].administrations[0].volumeMl = 1.5;
    expect((await edit(rig, `/api/notes/${v2.id}`, { ...fixed, complications: [] }, '"1"')).statusCode).toBe(200);
    expect(
      (await rig.call('clinician', 'POST', `/api/notes/${v2.id}/sign`, undefined, { 'if-match': '"2"' })).statusCode,
    ).toBe(200);
    const after = (await rig.call('nurse', 'GET', `/api/visits/${visitId}/administrations`)).json<{
      items: { volumeMl: number; noteId: string }[];
    }>().items;
    expect(after.map((a) => [a.volumeMl, a.noteId])).toEqual([[1.5, v2.id]]);
    expect((await rig.call('nurse', 'GET', `/api/visits/${visitId}/complications`)).json()).toEqual({ items: [] });
  });

  it('blocks a signature when more was given than screened, or a product outside the plan', async () => {
    const rig = await buildClinicApp();
    const { visitId, url } = await screenedNote(rig);
    await signConsent(rig, visitId);
    const more = structuredClone(RECORD_OF_PLAN);
    if (!more.sites[0]) throw new Error('fixture');
    more.sites[0].administrations = [
      { injectate: 'lidocaine-1pct', volumeMl: 3, lot: 'L1', expiry: '2027-01' },
      { injectate: 'triamcinolone-40', volumeMl: 1, lot: 'T1', expiry: '2027-01' },
    ];
    expect((await edit(rig, url, more, '"1"')).statusCode).toBe(200);
    const r = await rig.call('clinician', 'POST', `${url}/sign`, undefined, { 'if-match': '"2"' });
    expect(r.statusCode).toBe(409);
    expect(problemOf(r).detail).toContain('lidocaine-1pct: 3 mL given, more than the 2 mL screened');
    expect(problemOf(r).detail).toContain('triamcinolone-40 was given but is not in the screened plan');
  });
});

describe('screening the saved plan', () => {
  it('screens the visit’s saved plan as that revision’s screen, and says when there is no plan', async () => {
    const rig = await buildClinicApp();
    const visit = await rig.call('clinician', 'POST', `/api/patients/${CLEAN_ID}/visits`);
    const visitId = visit.json<{ id: string }>().id;
    const none = await rig.call('nurse', 'POST', `/api/visits/${visitId}/plan/screen`);
    expect(none.statusCode).toBe(409);
    expect(problemOf(none).detail).toContain('has no plan');
    await rig.call('nurse', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
    const screened = await rig.call('nurse', 'POST', `/api/visits/${visitId}/plan/screen`);
    expect(screened.statusCode, screened.body).toBe(201);
    const plan = await rig.call('nurse', 'GET', `/api/visits/${visitId}/plan`);
    expect(plan.json<{ screenId: string }>().screenId).toBe(screened.json<{ screenId: string }>().screenId);
  });
});

describe('complications', () => {
  it('records, lists and marks a complication entered in error under If-Match; never deletes it', async () => {
    const rig = await buildClinicApp();
    const { visitId } = await screenedNote(rig);
    const body = {
      type: 'bruising_haematoma',
      severity: 'mild',
      onset: '2026-11-27T10:00:00Z',
      action: 'Pressure 5 min',
      note: 'Small bruise',
    };
    const added = await rig.call('nurse', 'POST', `/api/visits/${visitId}/complications`, body);
    expect(added.statusCode, added.body).toBe(201);
    const { id } = added.json<{ id: string }>();
    expect((await rig.call('nurse', 'POST', `/api/complications/${id}/entered-in-error`)).statusCode).toBe(428);
    const marked = await rig.call('nurse', 'POST', `/api/complications/${id}/entered-in-error`, undefined, {
      'if-match': '"1"',
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ status: 'entered-in-error', revision: 2, reportedBy: 'clinician' });
    const again = await rig.call('nurse', 'POST', `/api/complications/${id}/entered-in-error`, undefined, {
      'if-match': '"1"',
    });
    expect(again.statusCode).toBe(412);
    const list = (await rig.call('nurse', 'GET', `/api/visits/${visitId}/complications`)).json<{
      items: { status: string }[];
    }>();
    expect(list.items.map((c) => c.status)).toEqual(['entered-in-error']);
  });

  it('refuses an unknown type and an onset in the future or before the visit', async () => {
    const rig = await buildClinicApp();
    const { visitId } = await screenedNote(rig);
    const base = { type: 'vasovagal', severity: 'mild', onset: '2026-11-27T10:00:00Z', action: 'Observed', note: null };
    const unknown = await rig.call('nurse', 'POST', `/api/visits/${visitId}/complications`, {
      ...base,
      type: 'hiccups',
    });
    expect(problemOf(unknown).errors?.map((e) => e.path)).toEqual(['$.type']);
    const future = await rig.call('nurse', 'POST', `/api/visits/${visitId}/complications`, {
      ...base,
      onset: '2026-11-28T10:00:00Z',
    });
    expect(future.statusCode).toBe(400);
    expect(problemOf(future).errors).toEqual([{ path: '$.onset', message: 'the onset is in the future' }]);
    const types = (await rig.call('nurse', 'GET', '/api/reference/complication-types')).json<{
      items: { id: string }[];
    }>();
    expect(types.items.map((t) => t.id)).toContain('pneumothorax');
  });
});

describe('the LAST checklist', () => {
  it('gives the lipid emulsion doses for the patient’s latest weight (80 kg: the fixed doses)', async () => {
    const rig = await buildClinicApp();
    const { visitId } = await screenedNote(rig);
    const r = await rig.call('nurse', 'GET', `/api/visits/${visitId}/last-checklist`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ weightKg: 80, lipid: { band: 'over-70-kg', upperLimitMl: 960 } });
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'last-checklist.read', outcome: 'success' });
  });
});
