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
