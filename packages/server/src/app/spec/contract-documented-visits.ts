// A whole documented visit through the fast path (decided in memory, written at once by
// visitDocumentation.write) reads back through the ordinary stores exactly as the step-by-step
// composition (documentVisitInSteps) leaves the same visit: the visit, the plan and its screen, the
// override, the consent, the signed note, the administrations and complications, the chart's
// observations and administrations, and the audit trail. The same demo patient (lidocaine allergy:
// a critical card to override) is documented both ways; ids differ, so each side's ids are renamed
// in order of first appearance before comparing.
import { consentForm, type ImmediateComplication } from '@knotwork/core';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../audit-event.js';
import { fixedClock } from '../../clock.js';
import { demoPatients } from '../../demo/demo-charts.js';
import type { Actor } from '../actor.js';
import { documentVisit } from '../visits/document-visit.js';
import { documentVisitInSteps } from '../visits/document-visit-in-steps.js';
import type { DocumentedVisit, VisitDocumentation } from '../visits/decide-documented-visit.js';
import type { ClinicRepositories } from '../ports.js';
import { NOW } from './contract-records.js';
import type { GetSubject, RepositorySubject } from './repository-contract.js';

const PLAN = {
  sites: [
    {
      muscle: 'trapezius-upper',
      side: 'left' as const,
      findings: { tautBand: true, localTwitch: true, referredPain: false, jumpSign: false },
    },
    {
      muscle: 'temporalis',
      side: 'right' as const,
      findings: { tautBand: true, localTwitch: false, referredPain: true, jumpSign: false },
    },
  ],
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 3 }],
};

const site = (muscle: string, side: 'left' | 'right', volumeMl: number, lot: string) => ({
  muscle,
  side,
  needle: { gauge: 25, lengthMm: 38 },
  aspiration: 'negative' as const,
  twitch: true,
  tolerance: 'well' as const,
  administrations: [{ injectate: 'lidocaine-1pct', volumeMl, lot, expiry: '2027-06' }],
});

const COMPLICATION: ImmediateComplication = {
  type: 'vasovagal',
  severity: 'mild',
  onset: '2026-11-27T09:58:00.000Z',
  action: 'Supine, legs raised; recovered in 2 minutes',
  note: null,
};

export function documentation(patientId: string): VisitDocumentation {
  const form = consentForm(PLAN);
  if (!form.ok) throw new Error('fixture');
  return {
    patientId,
    plan: PLAN,
    overrides: [{ finding: 'drug-allergy', reasonCode: 'other', comment: '  Allergy disproved by skin test  ' }],
    observations: [
      { loinc: '29463-7', value: { quantity: 81.5, unit: 'kg' }, at: '2026-11-27T09:40:00Z', status: 'final' },
      { loinc: '72514-3', value: { quantity: 7, unit: '{score}' }, at: '2026-11-27T09:45:00+00:00', status: 'final' },
    ],
    consent: {
      formVersion: form.form.version,
      signerKind: 'patient',
      signerName: 'Ben Hartley',
      signerRelationship: null,
      signatureKind: 'typed-name',
      signatureData: 'Ben Hartley',
    },
    note: {
      findings: 'Taut bands, local twitch',
      painNrs: 2,
      timeOut: { patient: true, sites: true, sides: true, allergies: true, consent: true },
      sites: [site('trapezius-upper', 'left', 2, 'LX2291'), site('temporalis', 'right', 1, 'LX2292')],
      complications: [COMPLICATION],
    },
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The value with every uuid renamed id-1, id-2 ... in order of first appearance. */
function renamed(value: unknown): unknown {
  const names = new Map<string, string>();
  return JSON.parse(
    JSON.stringify(value).replace(UUID, (id) => {
      let name = names.get(id);
      if (name === undefined) names.set(id, (name = `id-${names.size + 1}`));
      return name;
    }),
  ) as unknown;
}

/** Rows that tie on their order key come back in id order, which differs between the two sides. */
const byContent = <T>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => {
    const ka = JSON.stringify(a).replace(UUID, '');
    const kb = JSON.stringify(b).replace(UUID, '');
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

/** What the ordinary stores read back of the visit, and the patient's audit trail (oldest first). */
async function readBack(r: ClinicRepositories, visitId: string, patientId: string) {
  const plan = await r.plans.ofVisit(visitId);
  const screen = plan?.screenId ? await r.screens.find(plan.screenId) : undefined;
  const chart = await r.charts.loadChart(patientId);
  const audit = (await r.auditLog.page({ patientId, limit: 200 })).items
    .map((e): AuditEvent => ({
      clinicId: e.clinicId,
      actor: e.actor,
      actorKind: e.actorKind,
      action: e.action,
      entity: e.entity,
      patientId: e.patientId,
      at: e.at,
      from: e.from,
      outcome: e.outcome,
      ...(e.detail === undefined ? {} : { detail: e.detail }),
    }))
    .reverse();
  return {
    visit: await r.visits.get(visitId),
    plan,
    screen,
    overrides: screen ? await r.screens.overridesOf(screen.id) : [],
    notes: await r.notes.ofVisit(visitId),
    administrations: byContent(await r.procedures.administrationsOf(visitId)),
    consents: await r.procedures.consentsOf(visitId),
    complications: await r.procedures.complicationsOf(visitId),
    followUps: await r.followUps.ofVisit(visitId),
    chartObservations: chart?.observations,
    chartAdministrations: byContent(chart?.administrations ?? []),
    audit,
  };
}

class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back on purpose');
  }
}

/**
 * The same demo patient documented twice: step by step in a transaction rolled back after reading
 * it back (so both see the same chart), then by the fast path, committed, read back afterwards.
 */
async function documentBothWays(subject: RepositorySubject) {
  const { repos, seedClinic, seedUser, seedChart } = subject;
  const clinicId = await seedClinic();
  const user = await seedUser(clinicId);
  const demo = demoPatients(NOW).find((p) => p.chart.patient.identifiers[0]?.value === 'KW-1002');
  if (!demo) throw new Error('no KW-1002');
  const patientId = await seedChart(clinicId, demo.chart);
  const actor: Actor = { userId: user.id, clinicId, from: '203.0.113.9' };
  const input = { ...documentation(patientId), actor, at: NOW + 1234 };
  const deps = { clock: fixedClock(NOW), newId: randomUUID };

  const steps = await repos
    .inClinic(clinicId, async (r) => {
      const done = await documentVisitInSteps(input, r, deps);
      if (!done.ok) throw new Error(done.detail);
      throw new RolledBack({ done, read: await readBack(r, done.visitId, patientId) });
    })
    .catch((error: unknown) => {
      if (error instanceof RolledBack) return error.value as { done: DocumentedVisit; read: ReadBack };
      throw error;
    });
  const done = await repos.inClinic(clinicId, (r) => documentVisit(input, r, deps));
  if (!done.ok) throw new Error(done.detail);
  const read = await repos.inClinic(clinicId, (r) => readBack(r, done.visitId, patientId));
  return { steps, fast: { done, read } };
}

type ReadBack = Awaited<ReturnType<typeof readBack>>;

export function describeDocumentedVisitContract(get: GetSubject): void {
  describe('documented visits', () => {
    it('writes a whole visit at once that reads back as the step-by-step use cases leave it', async () => {
      const { steps, fast } = await documentBothWays(get());

      expect(fast.read.notes).toHaveLength(1);
      expect(fast.read.notes[0]).toMatchObject({ status: 'signed', revision: 3, version: 1 });
      expect(fast.read.plan).toMatchObject({ revision: 1, screenId: fast.done.screen.screenId });
      expect(fast.read.overrides).toEqual([expect.objectContaining({ comment: 'Allergy disproved by skin test' })]);
      expect(fast.read.administrations.map((a) => a.lot)).toEqual(['LX2292', 'LX2291']);
      expect(fast.read.complications).toEqual([expect.objectContaining({ type: 'vasovagal', status: 'active' })]);
      expect(fast.read.followUps.map((f) => [f.pointId, f.dueAt - f.signedAt])).toEqual(
        [6 * 60, 24 * 60, 3 * 24 * 60, 7 * 24 * 60, 14 * 24 * 60, 42 * 24 * 60].map((m, i) => [
          ['same-evening', 'day-1', 'day-3', 'week-1', 'week-2', 'week-6'][i],
          m * 60_000,
        ]),
      );
      expect(fast.read.audit.map((e) => e.action)).toEqual([
        'visit.create',
        'observation.create',
        'observation.create',
        'plan.save',
        'visit.screen',
        'screen.override',
        'consent.create',
        'note.create',
        'note.edit',
        'note.sign',
      ]);

      expect(renamed(fast.read)).toEqual(renamed(steps.read));
      expect(renamed({ ...fast.done, note: fast.read.notes[0] })).toEqual(
        renamed({ ...steps.done, note: steps.read.notes[0] }),
      );
    });
  });
}
