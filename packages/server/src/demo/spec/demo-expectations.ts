// What each demo chart must show when screened with a plan a clinician would make for it (the
// findings and their indicators), shared by demo-charts.test.ts and the seeding tests, which screen
// the charts as read back from the database.
import { screen, type Side } from '@knotwork/core';
import { buildScreeningRequest } from '../../fhir/build-screening-request.js';
import type { Chart } from '../../fhir/chart.js';

const neck = [
  { muscle: 'trapezius-upper', side: 'left' as Side },
  { muscle: 'levator-scapulae', side: 'left' as Side },
];
const lido = [{ injectate: 'lidocaine-1pct', volumeMl: 5 }];

export interface DemoExpectation {
  readonly sites?: typeof neck;
  readonly products?: typeof lido;
  readonly findings: Readonly<Record<string, string>>;
}

export const DEMO_EXPECT: Readonly<Record<string, DemoExpectation>> = {
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

/** Screens a chart with its demo plan at `asOf`: the plan and the indicator of each finding's card. */
export function screenDemoChart(chart: Chart, asOf: number) {
  const mrn = chart.patient.identifiers[0]?.value ?? '';
  const plan = DEMO_EXPECT[mrn];
  const request = buildScreeningRequest({
    chart,
    sites: plan?.sites ?? neck,
    products: plan?.products ?? lido,
    userId: 'Practitioner/demo',
    hookInstance: mrn,
  });
  const result = screen(request, { asOf });
  if (!result.ok) throw new Error(`${mrn}: ${result.problem.message}`);
  return { mrn, plan, cards: new Map(result.response.cards.map((c) => [c.source.topic.code, c.indicator])) };
}
