// The demo clinic must show what it says: each chart, screened with a plan a clinician would make
// for it, raises the findings its description promises. Between them they cover every finding.
import { catalogue, screen, type Side } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { buildScreeningRequest } from '../fhir/build-screening-request.js';
import { demoPatients, type DemoPatient } from './demo-charts.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const neck = [
  { muscle: 'trapezius-upper', side: 'left' as Side },
  { muscle: 'levator-scapulae', side: 'left' as Side },
];
const lido = [{ injectate: 'lidocaine-1pct', volumeMl: 5 }];

const EXPECT: Record<string, { sites?: typeof neck; products?: typeof lido; findings: Record<string, string> }> = {
  'KW-1001': { findings: { 'pneumothorax-risk': 'info' } },
  'KW-1002': { findings: { 'drug-allergy': 'critical' } },
  'KW-1003': {
    sites: [{ muscle: 'rhomboids', side: 'left' }],
    findings: { 'skin-infection-at-site': 'critical', 'pneumothorax-risk': 'warning' },
  },
  'KW-1004': { findings: { 'bleeding-risk': 'critical', anticoagulant: 'warning' } },
  'KW-1005': { findings: { anticoagulant: 'warning' } },
  'KW-1006': { findings: { pregnancy: 'warning' } },
  'KW-1007': {
    sites: [{ muscle: 'lumbar-paraspinals', side: 'both' }],
    products: [...lido, { injectate: 'triamcinolone-40', volumeMl: 1 }],
    findings: { 'steroid-interval': 'warning', 'steroid-frequency': 'warning', 'diabetes-steroid': 'warning' },
  },
  'KW-1008': { findings: { 'systemic-illness': 'critical' } },
  'KW-1009': { findings: { 'bleeding-disorder': 'warning' } },
  'KW-1010': { findings: { 'missing-data': 'warning' } },
  'KW-1011': { findings: { 'vasovagal-risk': 'info' } },
  'KW-1012': { findings: { immunosuppression: 'warning' } },
  'KW-1013': { products: [{ injectate: 'lidocaine-1pct-epi', volumeMl: 5 }], findings: { 'drug-allergy': 'critical' } },
};

function screenDemo(p: DemoPatient) {
  const mrn = p.chart.patient.identifiers[0]?.value ?? '';
  const plan = EXPECT[mrn];
  const request = buildScreeningRequest({
    chart: p.chart,
    sites: plan?.sites ?? neck,
    products: plan?.products ?? lido,
    userId: 'Practitioner/demo',
    hookInstance: mrn,
  });
  const result = screen(request, { asOf: NOW });
  if (!result.ok) throw new Error(`${mrn}: ${result.problem.message}`);
  return { plan, cards: new Map(result.response.cards.map((c) => [c.source.topic.code, c.indicator])) };
}

describe('the demo clinic', () => {
  const patients = demoPatients(NOW);

  it('has a dozen or more patients with unique ids and record numbers', () => {
    expect(patients.length).toBeGreaterThanOrEqual(12);
    expect(new Set(patients.map((p) => p.chart.patient.id)).size).toBe(patients.length);
    expect(new Set(patients.map((p) => p.chart.patient.identifiers[0]?.value)).size).toBe(patients.length);
  });

  it.each(patients.map((p) => [p.chart.patient.identifiers[0]?.value ?? '', p] as const))(
    '%s shows what it says',
    (mrn, p) => {
      const { plan, cards } = screenDemo(p);
      expect(plan, `no expectation for ${mrn}`).toBeDefined();
      for (const [finding, indicator] of Object.entries(plan?.findings ?? {}))
        expect(cards.get(finding), `${mrn}: ${p.shows}`).toBe(indicator);
    },
  );

  it('the patients with a plan of their own, and the plan variants, cover every finding but unrecognised-order, dose and no-indication', () => {
    const seen = new Set<string>();
    for (const p of patients) for (const code of screenDemo(p).cards.keys()) seen.add(code);
    // Those three come from the plan, not the chart: any patient shows them with a large dose,
    // an unknown product, or once the indication is resolved.
    const fromPlan = new Set([
      'unrecognised-order',
      'dose-limit',
      'dose-near-limit',
      'no-indication',
      'skin-infection-elsewhere',
    ]);
    for (const f of catalogue.findings) if (!fromPlan.has(f.code)) expect(seen, f.code).toContain(f.code);
  });
});
