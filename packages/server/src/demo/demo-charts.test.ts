// The demo clinic must show what it says: each chart, screened with a plan a clinician would make
// for it, raises the findings its description promises. Between them they cover every finding.
import { catalogue } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { demoPatients } from './demo-charts.js';
import { screenDemoChart } from './spec/demo-expectations.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');

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
      const { plan, cards } = screenDemoChart(p.chart, NOW);
      expect(plan, `no expectation for ${mrn}`).toBeDefined();
      for (const [finding, indicator] of Object.entries(plan?.findings ?? {}))
        expect(cards.get(finding), `${mrn}: ${p.shows}`).toBe(indicator);
    },
  );

  it('the patients with a plan of their own, and the plan variants, cover every finding but unrecognised-order, dose and no-indication', () => {
    const seen = new Set<string>();
    for (const p of patients) for (const code of screenDemoChart(p.chart, NOW).cards.keys()) seen.add(code);
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
