// The documented visit decided in memory: every row and audit event of a signed visit, or the
// first failing step named with its code and its field paths under the body's part.
import { consentForm, DEFAULT_POLICY } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { demoPatients } from '../../demo/demo-charts.js';
import type { Chart } from '../../fhir/chart.js';
import type { UseCaseFailure } from '../actor.js';
import {
  decideDocumentedVisit,
  type DocumentedVisitFacts,
  type VisitDocumentation,
} from './decide-documented-visit.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');

function chartOf(mrn: string): Chart {
  const demo = demoPatients(NOW).find((p) => p.chart.patient.identifiers[0]?.value === mrn);
  if (!demo) throw new Error(`no ${mrn}`);
  return demo.chart;
}

const PLAN = {
  sites: [
    {
      muscle: 'trapezius-upper',
      side: 'left' as const,
      findings: { tautBand: true, localTwitch: true, referredPain: false, jumpSign: false },
    },
  ],
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 2 }],
};

function documentation(patientId: string): VisitDocumentation {
  const form = consentForm(PLAN);
  if (!form.ok) throw new Error('fixture');
  return {
    patientId,
    plan: PLAN,
    overrides: [],
    observations: [
      { loinc: '72514-3', value: { quantity: 7, unit: '{score}' }, at: '2026-11-27T09:50:00Z', status: 'final' },
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
      painNrs: 2,
      timeOut: { patient: true, sites: true, sides: true, allergies: true, consent: true },
      sites: [
        {
          muscle: 'trapezius-upper',
          side: 'left',
          needle: { gauge: 25, lengthMm: 38 },
          aspiration: 'negative',
          twitch: true,
          tolerance: 'well',
          administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot: 'LX2291', expiry: '2027-06' }],
        },
      ],
    },
  };
}

function facts(mrn: string, change: (d: VisitDocumentation) => VisitDocumentation = (d) => d): DocumentedVisitFacts {
  const chart = chartOf(mrn);
  let n = 0;
  return {
    chart,
    policy: DEFAULT_POLICY,
    documentation: change(documentation(chart.patient.id)),
    actor: { userId: 'u-1', clinicId: 'c-1', from: '203.0.113.9' },
    at: NOW,
    asOf: NOW,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}

function failure(f: DocumentedVisitFacts): UseCaseFailure {
  const decided = decideDocumentedVisit(f);
  if (decided.ok) throw new Error('expected a failure');
  return decided;
}

function expectFailure(f: UseCaseFailure, code: UseCaseFailure['code'], detail: RegExp): void {
  expect(f.code).toBe(code);
  expect(f.detail).toMatch(detail);
}

describe('decideDocumentedVisit', () => {
  it('decides every row of a signed visit and the audit events the steps write, in their order', () => {
    const decided = decideDocumentedVisit(facts('KW-1001'));
    if (!decided.ok) throw new Error(decided.detail);
    const { rows, result } = decided;
    expect(rows.audit.map((e) => e.action)).toEqual([
      'visit.create',
      'observation.create',
      'plan.save',
      'visit.screen',
      'consent.create',
      'note.create',
      'note.edit',
      'note.sign',
    ]);
    expect(rows.plan.screenId).toBe(rows.screen.id);
    expect(rows.note).toMatchObject({ status: 'signed', revision: 3, signedAt: NOW, signedBy: 'u-1' });
    expect(rows.administrations).toEqual([
      expect.objectContaining({
        lot: 'LX2291',
        noteId: rows.note.id,
        administeredAt: NOW,
        productText: 'Lidocaine 1% (10 mg/mL), preservative-free',
      }),
    ]);
    expect(result).toMatchObject({ visitId: rows.visit.id, note: rows.note, screen: { screenId: rows.screen.id } });
    // The screen saw the new observation, as it does when it is recorded first.
    expect(JSON.stringify(rows.screen.request)).toContain(rows.observations[0]?.id);
  });

  it('names the step that fails, with its code and the body path', () => {
    expectFailure(failure({ ...facts('KW-1001'), chart: undefined }), 'not-found', /^starting the visit: no patient /);
    const future = failure(
      facts('KW-1001', (d) => ({ ...d, observations: [{ ...d.observations[0]!, at: '2026-11-28T10:00:00Z' }] })),
    );
    expectFailure(future, 'validation-failed', /^recording an observation: /);
    expect(future.issues).toEqual([expect.objectContaining({ path: 'observations[0].at', code: 'in-future' })]);

    const reason = failure(
      facts('KW-1002', (d) => ({ ...d, overrides: [{ finding: 'drug-allergy', reasonCode: 'because' }] })),
    );
    expectFailure(reason, 'validation-failed', /^overriding drug-allergy: reasonCode must be/);
    const other = failure(
      facts('KW-1002', (d) => ({ ...d, overrides: [{ finding: 'drug-allergy', reasonCode: 'other', comment: ' ' }] })),
    );
    expect(other.detail).toMatch(/^overriding drug-allergy: the reason "other" needs a comment/);

    const shown = failure(facts('KW-1001', (d) => ({ ...d, consent: { ...d.consent, formVersion: 'older' } })));
    expectFailure(shown, 'conflict', /^recording the consent: the plan changed/);
    const representative = failure(
      facts('KW-1001', (d) => ({ ...d, consent: { ...d.consent, signerKind: 'representative' } })),
    );
    expect(representative.issues?.map((i) => i.path)).toEqual(['consent.signerRelationship']);

    const expired = failure(
      facts('KW-1001', (d) => {
        const note = structuredClone(d.note);
        const given = note.sites?.[0]?.administrations[0];
        if (given) Object.assign(given, { expiry: '2026-01' });
        return { ...d, note };
      }),
    );
    expectFailure(expired, 'validation-failed', /^recording the procedure: /);
    expect(expired.issues?.map((i) => i.path)).toEqual(['note.sites[0].administrations[0].expiry']);

    expectFailure(
      failure(facts('KW-1002')),
      'signing-blocked',
      /^signing the note: cannot sign yet: critical card .* \(drug-allergy\) has no override/,
    );
    const overridden = decideDocumentedVisit(
      facts('KW-1002', (d) => ({
        ...d,
        overrides: [{ finding: 'drug-allergy', reasonCode: 'other', comment: 'Skin test' }],
      })),
    );
    expect(overridden.ok).toBe(true);
  });
});
