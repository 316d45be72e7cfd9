import { DEFAULT_POLICY, resolvePolicy, type ScreeningPolicy } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { memoryAuditSink } from '../../audit-event.js';
import { fixedClock } from '../../clock.js';
import { demoPatients } from '../../demo/demo-charts.js';
import { overrideCard, unresolvedCriticalCards } from './override-card.js';
import { screenVisit } from './screen-visit.js';
import { memoryScreenStore } from './visit-ports.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');

function setup(policy: ScreeningPolicy = DEFAULT_POLICY) {
  const charts = new Map(demoPatients(NOW).map((p) => [p.chart.patient.identifiers[0]?.value ?? '', p.chart]));
  const byId = new Map([...charts.values()].map((c) => [c.patient.id, c]));
  const screens = memoryScreenStore();
  const audit = memoryAuditSink();
  let n = 0;
  const deps = {
    charts: { loadChart: (id: string) => Promise.resolve(byId.get(id)) },
    policies: { currentPolicy: () => Promise.resolve(policy) },
    screens,
    clock: fixedClock(NOW),
    audit,
    newId: () => `id-${++n}`,
  };
  const patientId = (mrn: string) => charts.get(mrn)?.patient.id ?? '';
  return { deps, screens, audit, patientId };
}

const plan = {
  sites: [{ muscle: 'trapezius-upper', side: 'left' as const }],
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 5 }],
};

describe('screening a visit from the stored chart', () => {
  it('stores the request, cards, verdict and policy version, and audits the screen', async () => {
    const t = setup();
    const r = await screenVisit(
      { clinicId: 'c1', userId: 'u1', visitId: 'v1', patientId: t.patientId('KW-1002'), ...plan, from: '10.0.0.5' },
      t.deps,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.verdict).toBe('do-not-proceed');
    const stored = t.screens.screens.get(r.screenId);
    expect(stored).toMatchObject({
      visitId: 'v1',
      verdict: 'do-not-proceed',
      policyVersion: DEFAULT_POLICY.version,
      asOf: NOW,
    });
    expect(stored?.request.context.draftOrders.entry?.length).toBe(2);
    expect(t.audit.events).toContainEqual(
      expect.objectContaining({ action: 'visit.screen', outcome: 'success', patientId: t.patientId('KW-1002') }),
    );
  });

  it("runs under the clinic's policy and reports its version", async () => {
    const strict = resolvePolicy({ anticoagulantIndicator: 'critical' });
    if (!strict.ok) throw new Error('policy');
    const t = setup(strict.policy);
    const r = await screenVisit(
      { clinicId: 'c1', userId: 'u1', visitId: 'v1', patientId: t.patientId('KW-1005'), ...plan, from: null },
      t.deps,
    );
    expect(r.ok && r.cards.find((c) => c.source.topic.code === 'anticoagulant')?.indicator).toBe('critical');
    expect(r.ok && r.policyVersion).toBe(strict.policy.version);
  });

  it('an unknown patient is not found, and the attempt is audited', async () => {
    const t = setup();
    expect(
      await screenVisit(
        { clinicId: 'c1', userId: 'u1', visitId: 'v1', patientId: 'nobody', ...plan, from: null },
        t.deps,
      ),
    ).toMatchObject({ ok: false, code: 'not-found' });
    expect(t.audit.events[0]).toMatchObject({ outcome: 'failed' });
  });
});

describe('overriding a critical card', () => {
  async function screened() {
    const t = setup();
    const r = await screenVisit(
      { clinicId: 'c1', userId: 'u1', visitId: 'v1', patientId: t.patientId('KW-1002'), ...plan, from: null },
      t.deps,
    );
    if (!r.ok) throw new Error('screen');
    const critical = r.cards.find((c) => c.indicator === 'critical');
    const info = r.cards.find((c) => c.indicator !== 'critical');
    return { ...t, r, critical, info };
  }

  it('records the reason, the user and the time, and the card no longer blocks signing', async () => {
    const t = await screened();
    expect(unresolvedCriticalCards(t.r.cards, [])).toEqual([t.critical?.uuid]);
    const o = await overrideCard(
      {
        clinicId: 'c1',
        userId: 'u2',
        screenId: t.r.screenId,
        cardUuid: t.critical?.uuid ?? '',
        reasonCode: 'plan-changed',
        from: null,
      },
      t.deps,
    );
    expect(o).toMatchObject({
      ok: true,
      override: { userId: 'u2', at: NOW, reasonCode: 'plan-changed', finding: 'drug-allergy' },
    });
    expect(unresolvedCriticalCards(t.r.cards, t.screens.overrides)).toEqual([]);
    expect(t.audit.events.at(-1)).toMatchObject({ action: 'screen.override', detail: { reason: 'plan-changed' } });
  });

  it.each([
    ['an unknown reason', { reasonCode: 'because' }, 'reasonCode'],
    ['"other" without words', { reasonCode: 'other', comment: '  ' }, 'comment'],
  ])('refuses %s, naming the field', async (_, change, path) => {
    const t = await screened();
    const o = await overrideCard(
      { clinicId: 'c1', userId: 'u2', screenId: t.r.screenId, cardUuid: t.critical?.uuid ?? '', from: null, ...change },
      t.deps,
    );
    expect(o).toMatchObject({ ok: false, code: 'validation-failed', path });
    expect(t.screens.overrides).toEqual([]);
  });

  it('refuses a card that is not critical, and a card of another screen', async () => {
    const t = await screened();
    expect(
      await overrideCard(
        {
          clinicId: 'c1',
          userId: 'u2',
          screenId: t.r.screenId,
          cardUuid: t.info?.uuid ?? '',
          reasonCode: 'other',
          comment: 'x',
          from: null,
        },
        t.deps,
      ),
    ).toMatchObject({ ok: false, path: 'cardUuid' });
    expect(
      await overrideCard(
        {
          clinicId: 'c1',
          userId: 'u2',
          screenId: t.r.screenId,
          cardUuid: 'not-a-card',
          reasonCode: 'plan-changed',
          from: null,
        },
        t.deps,
      ),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe("the visit's recorded indication", () => {
  const topics = (r: Awaited<ReturnType<typeof screenVisit>>) =>
    r.ok ? r.cards.map((c) => c.source.topic.code) : [`failed: ${r.detail}`];

  it('counts as an active diagnosis: no no-indication warning once the visit records one', async () => {
    const t = setup();
    const demo = demoPatients(NOW)[0]?.chart;
    if (!demo) throw new Error('no demo chart');
    // A new patient: nothing on the problem list yet.
    const chart = { ...demo, conditions: [] };
    const deps = { ...t.deps, charts: { loadChart: () => Promise.resolve(chart) } };
    const base = { clinicId: 'c1', userId: 'u1', visitId: 'v1', patientId: chart.patient.id, ...plan, from: null };
    expect(topics(await screenVisit(base, deps))).toContain('no-indication');

    const after = await screenVisit({ ...base, indication: { icd10: 'M79.12', display: 'Myalgia' } }, deps);
    expect(topics(after)).not.toContain('no-indication');
    if (!after.ok) throw new Error(after.detail);
    // The request names the fact: a Condition of this visit among the conditions.
    const request = t.screens.screens.get(after.screenId)?.request;
    expect(JSON.stringify(request?.prefetch?.['conditions'])).toContain('visit-indication-v1');
  });

  it('adds nothing when the chart already holds that diagnosis, active', async () => {
    const { withVisitIndication } = await import('./visit-indication.js');
    const chart = demoPatients(NOW)[0]?.chart;
    if (!chart) throw new Error('no demo chart');
    const held = {
      ...chart,
      conditions: [
        {
          id: 'c',
          icd10: 'M79.12',
          display: 'Myalgia',
          clinicalStatus: 'active' as const,
          verificationStatus: 'confirmed' as const,
        },
      ],
    };
    expect(withVisitIndication(held, 'v1', { icd10: 'M7912', display: 'Myalgia' })).toBe(held);
    expect(withVisitIndication(held, 'v1', undefined)).toBe(held);
    const resolved = { ...held, conditions: [{ ...held.conditions[0]!, clinicalStatus: 'resolved' as const }] };
    expect(withVisitIndication(resolved, 'v1', { icd10: 'M79.12', display: 'Myalgia' }).conditions).toHaveLength(2);
  });
});
