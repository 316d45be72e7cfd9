// The record use cases on the in-memory twin: each write and its audit row together, failures
// audited and writing nothing, entered in error as a kept row, the review stamps and their checks.
import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../auth/auth-ports.js';
import { memoryRepositories } from '../memory-repositories.js';
import type { ClinicRepositories } from '../ports.js';
import { ENTRIES } from '../spec/contract-entries.js';
import { addRecord } from './add-record.js';
import { anticoagulantOf } from './anticoagulant-of.js';
import { changeRecord, enterInError } from './change-record.js';
import { reconcileMedicines, reviewAllergies } from './review-record.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const CLINIC = 'clinic-a';
const PATIENT = '00000000-0000-4000-8000-00000000aaaa';

function setup() {
  const repos = memoryRepositories();
  repos.users.set('u-nurse', { id: 'u-nurse', clinicId: CLINIC, role: 'nurse' } as UserRecord);
  repos.addChart(CLINIC, {
    patient: { id: PATIENT, identifiers: [], family: 'Record', given: ['Rae'] },
    allergiesReviewedAt: null,
    medicationsReconciledAt: null,
    conditions: [],
    allergies: [],
    medicines: [],
    observations: [],
    administrations: [],
  });
  const actor = { userId: 'u-nurse', clinicId: CLINIC, from: '10.0.0.7' };
  const inClinic = <T>(work: (r: ClinicRepositories) => Promise<T>) => repos.inClinic(CLINIC, work);
  const base = { patientId: PATIENT, actor, at: NOW + 5 };
  return { repos, inClinic, base };
}

describe('adding an entry', () => {
  it('stores it at revision 1 stamped with the clinical time, and audits `<kind>.create`', async () => {
    const { repos, inClinic, base } = setup();
    const added = await inClinic((r) =>
      addRecord({ ...base, kind: 'condition', entry: ENTRIES.condition, recordedAt: NOW }, r),
    );
    if (!added.ok) throw new Error(added.detail);
    expect(added.entry).toMatchObject({ revision: 1, recordedAt: new Date(NOW).toISOString(), icd10: 'M79.18' });
    expect(repos.audit.at(-1)).toEqual({
      clinicId: CLINIC,
      actor: 'u-nurse',
      actorKind: 'user',
      action: 'condition.create',
      entity: `Condition/${added.entry.id}`,
      patientId: PATIENT,
      at: NOW + 5,
      from: '10.0.0.7',
      outcome: 'success',
      detail: { revision: 1 },
    });
  });

  it('refuses an entry dated after now, naming the field, and a patient of no clinic here; both audited', async () => {
    const { repos, inClinic, base } = setup();
    const before = repos.snapshot();
    const tomorrow = { ...ENTRIES.observation, at: new Date(NOW + 86_400_000).toISOString() };
    const future = await inClinic((r) =>
      addRecord({ ...base, kind: 'observation', entry: tomorrow, recordedAt: NOW }, r),
    );
    expect(future).toMatchObject({ ok: false, code: 'validation-failed', issues: [{ path: 'at', code: 'in-future' }] });
    expect(repos.snapshot()).toBe(before);
    const soon = { ...ENTRIES.observation, at: new Date(NOW + 60_000).toISOString() };
    const skew = await inClinic((r) => addRecord({ ...base, kind: 'observation', entry: soon, recordedAt: NOW }, r));
    expect(skew.ok).toBe(true);
    const missing = await inClinic((r) =>
      addRecord({ ...base, patientId: 'nobody', kind: 'allergy', entry: ENTRIES.allergy, recordedAt: NOW }, r),
    );
    expect(missing).toMatchObject({ ok: false, code: 'not-found' });
    expect(repos.audit.map((e) => [e.action, e.outcome, e.patientId])).toEqual([
      ['observation.create', 'failed', null],
      ['observation.create', 'success', PATIENT],
      ['allergy.create', 'failed', null],
    ]);
  });
});

describe('changing an entry', () => {
  const added = async (t: ReturnType<typeof setup>) => {
    const r = await t.inClinic((x) =>
      addRecord({ ...t.base, kind: 'medicine', entry: ENTRIES.medicine, recordedAt: NOW }, x),
    );
    if (!r.ok) throw new Error(r.detail);
    return r.entry;
  };

  it('replaces it from the revision the caller read; a stale revision changes nothing (412)', async () => {
    const t = setup();
    const { id } = await added(t);
    const change = { ...t.base, kind: 'medicine' as const, entryId: id, changedAt: NOW };
    const stopped = { ...ENTRIES.medicine, status: 'stopped' as const };
    const done = await t.inClinic((r) => changeRecord({ ...change, ifRevisions: [1], entry: stopped }, r));
    expect(done).toMatchObject({ ok: true, entry: { status: 'stopped', revision: 2 } });
    const before = t.repos.snapshot();
    const stale = await t.inClinic((r) => changeRecord({ ...change, ifRevisions: [1], entry: ENTRIES.medicine }, r));
    expect(stale).toMatchObject({ ok: false, code: 'precondition-failed' });
    expect(t.repos.snapshot()).toBe(before);
    expect(t.repos.audit.slice(-2).map((e) => [e.action, e.outcome, e.detail])).toEqual([
      ['medicine.update', 'success', { revision: 2 }],
      ['medicine.update', 'failed', { reason: 'stale', revision: 2 }],
    ]);
  });

  it('marks it entered in error, keeping the row, and changes it no more (409)', async () => {
    const t = setup();
    const { id } = await added(t);
    const change = { ...t.base, kind: 'medicine' as const, entryId: id, changedAt: NOW };
    const marked = await t.inClinic((r) => enterInError({ ...change, ifRevisions: [1] }, r));
    expect(marked).toMatchObject({ ok: true, entry: { id, status: 'entered-in-error', revision: 2 } });
    const chart = await t.inClinic((r) => r.charts.loadChart(PATIENT));
    expect(chart?.medicines).toEqual([
      expect.objectContaining({ id, status: 'entered-in-error', display: 'Warfarin 5 mg tablet' }),
    ]);
    const again = await t.inClinic((r) => enterInError({ ...change, ifRevisions: [2] }, r));
    const revived = await t.inClinic((r) => changeRecord({ ...change, ifRevisions: [2], entry: ENTRIES.medicine }, r));
    expect([again, revived]).toMatchObject([
      { ok: false, code: 'conflict' },
      { ok: false, code: 'conflict' },
    ]);
    expect(t.repos.audit.at(-3)).toMatchObject({ action: 'medicine.entered-in-error', outcome: 'success' });
  });

  it('is not found for an id the patient does not have', async () => {
    const t = setup();
    const change = { ...t.base, kind: 'condition' as const, entryId: PATIENT, changedAt: NOW, ifRevisions: [1] };
    expect(await t.inClinic((r) => enterInError(change, r))).toMatchObject({ ok: false, code: 'not-found' });
    expect(t.repos.audit.at(-1)).toMatchObject({ action: 'condition.entered-in-error', patientId: null });
  });
});

describe('reviewing allergies and reconciling medicines', () => {
  it('stamps "no known allergies" with the date and user, and refuses it when an allergy is active', async () => {
    const t = setup();
    const review = (noKnownAllergies: boolean) =>
      t.inClinic((r) => reviewAllergies({ ...t.base, noKnownAllergies, reviewedAt: NOW }, r));
    expect(await review(false)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await review(true)).toEqual({
      ok: true,
      at: new Date(NOW).toISOString(),
      by: 'u-nurse',
      noKnownAllergies: true,
      active: 0,
    });
    expect(await t.inClinic((r) => r.charts.loadChart(PATIENT))).toMatchObject({
      allergiesReviewedAt: new Date(NOW).toISOString(),
      allergiesReviewedBy: 'u-nurse',
    });
    await t.inClinic((r) => addRecord({ ...t.base, kind: 'allergy', entry: ENTRIES.allergy, recordedAt: NOW }, r));
    expect(await review(true)).toMatchObject({
      ok: false,
      code: 'conflict',
      detail: expect.stringContaining('1 active') as unknown,
    });
    expect(await review(false)).toMatchObject({ ok: true, active: 1 });
    expect(t.repos.audit.filter((e) => e.action === 'allergies.review').map((e) => e.outcome)).toEqual([
      'failed',
      'success',
      'failed',
      'success',
    ]);
  });

  it('stamps the medicine reconciliation; an unknown patient is not found', async () => {
    const t = setup();
    expect(await t.inClinic((r) => reconcileMedicines({ ...t.base, reviewedAt: NOW }, r))).toMatchObject({ ok: true });
    const missing = await t.inClinic((r) => reconcileMedicines({ ...t.base, patientId: 'x', reviewedAt: NOW }, r));
    expect(missing).toMatchObject({ ok: false, code: 'not-found' });
    expect(t.repos.audit.map((e) => [e.action, e.outcome])).toEqual([
      ['medicines.reconcile', 'success'],
      ['medicines.reconcile', 'failed'],
    ]);
  });
});

describe('anticoagulantOf', () => {
  it('recognises the catalogue anticoagulants by RxNorm code or by name, and nothing else', () => {
    expect(anticoagulantOf({ rxnorm: '1364430', display: 'Tablet' })).toBe('apixaban');
    expect(anticoagulantOf({ display: 'Xarelto 20 mg once daily' })).toBe('rivaroxaban');
    expect(anticoagulantOf({ display: 'Clopidogrel 75 mg' })).toBe('clopidogrel');
    expect(anticoagulantOf({ rxnorm: '161', display: 'Paracetamol 1 g' })).toBeNull();
    expect(anticoagulantOf({ display: 'Warfarinish herbal tea' })).toBeNull();
  });
});
