// Screens and overrides: the screen-a-visit and override use cases on the repositories, and an
// exact round trip of a stored screen.
import { randomUUID } from 'node:crypto';
import { catalogue, screen } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import { demoPatients } from '../../demo/demo-charts.js';
import { buildScreeningRequest } from '../../fhir/build-screening-request.js';
import type { ClinicRepositories } from '../ports.js';
import { overrideCard } from '../visits/override-card.js';
import { screenVisit } from '../visits/screen-visit.js';
import type { StoredScreen } from '../visits/visit-ports.js';
import { NOW } from './contract-records.js';
import type { GetSubject, RepositorySubject } from './repository-contract.js';

export const PLAN = {
  sites: [{ muscle: 'trapezius-upper', side: 'left' as const }],
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 5 }],
};
const REASON = catalogue.overrideReasons.codes.find((r) => r.code !== 'other')?.code ?? '';

const deps = (r: ClinicRepositories) => ({
  charts: r.charts,
  policies: r.policies,
  screens: r.screens,
  audit: r.audit,
  clock: fixedClock(NOW),
  newId: randomUUID,
});

/** A clinic with the lidocaine-allergic demo patient, a clinician, a visit, a screen and an override. */
export async function seedScreenedVisit(subject: RepositorySubject) {
  const { repos, seedClinic, seedUser, seedChart } = subject;
  const clinicId = await seedClinic();
  const user = await seedUser(clinicId);
  const demo = demoPatients(NOW).find((p) => p.chart.patient.identifiers[0]?.value === 'KW-1002');
  if (!demo) throw new Error('no KW-1002');
  const patientId = await seedChart(clinicId, demo.chart);
  const visit = await repos.inClinic(clinicId, (r) =>
    r.visits.create({ patientId, startedAt: NOW, startedBy: user.id }),
  );
  const input = { clinicId, userId: user.id, visitId: visit.id, patientId, ...PLAN, from: '10.0.0.7' };
  const screened = await repos.inClinic(clinicId, (r) => screenVisit(input, deps(r)));
  if (!screened.ok) throw new Error(screened.detail);
  const critical = screened.cards.find((c) => c.indicator === 'critical');
  if (!critical) throw new Error('no critical card');
  const overridden = await repos.inClinic(clinicId, (r) =>
    overrideCard(
      {
        clinicId,
        userId: user.id,
        screenId: screened.screenId,
        cardUuid: critical.uuid,
        reasonCode: REASON,
        from: null,
      },
      deps(r),
    ),
  );
  if (!overridden.ok) throw new Error(overridden.detail);
  return { clinicId, user, patientId, visit, screened, override: overridden.override };
}

export function describeScreenContract(get: GetSubject): void {
  describe('screens', () => {
    it('stores a screened visit and its override, and reads both back', async () => {
      const { repos, auditTrail } = get();
      const { clinicId, user, patientId, visit, screened, override } = await seedScreenedVisit(get());
      const stored = await repos.inClinic(clinicId, (r) => r.screens.find(screened.screenId));
      expect(stored).toMatchObject({
        id: screened.screenId,
        visitId: visit.id,
        patientId,
        verdict: 'do-not-proceed',
        policyVersion: screened.policyVersion,
        asOf: NOW,
        screenedBy: user.id,
      });
      expect(stored?.cards).toEqual(screened.cards);
      expect(stored?.trace).toEqual(screened.trace);
      expect(stored?.request.hookInstance).toBe(screened.screenId);
      expect(await repos.inClinic(clinicId, (r) => r.screens.overridesOf(screened.screenId))).toEqual([override]);
      const actions = (await auditTrail()).filter((e) => e.clinicId === clinicId).map((e) => e.action);
      expect(actions).toEqual(['visit.screen', 'screen.override']);
    });

    it('round-trips a stored screen exactly; unknown ids find nothing', async () => {
      const { repos, seedClinic, seedUser, seedChart } = get();
      const clinicId = await seedClinic();
      const user = await seedUser(clinicId);
      const chart = demoPatients(NOW)[0]?.chart;
      if (!chart) throw new Error('no demo chart');
      const patientId = await seedChart(clinicId, chart);
      const id = randomUUID();
      const request = buildScreeningRequest({ chart, ...PLAN, userId: `Practitioner/${user.id}`, hookInstance: id });
      const result = screen(request, { asOf: NOW });
      if (!result.ok) throw new Error(result.problem.message);
      const saved = await repos.inClinic(clinicId, async (r) => {
        const visit = await r.visits.create({ patientId, startedAt: NOW, startedBy: user.id });
        const s: StoredScreen = {
          id,
          visitId: visit.id,
          patientId,
          request,
          cards: result.response.cards,
          verdict: result.verdict,
          trace: result.trace,
          policyVersion: 'policy-x',
          asOf: NOW - 1,
          screenedBy: user.id,
        };
        await r.screens.save(s);
        return s;
      });
      expect(await repos.inClinic(clinicId, (r) => r.screens.find(id))).toEqual(saved);
      expect(await repos.inClinic(clinicId, (r) => r.screens.find(randomUUID()))).toBeUndefined();
      expect(await repos.inClinic(clinicId, (r) => r.screens.find('screen-1'))).toBeUndefined();
      expect(await repos.inClinic(clinicId, (r) => r.screens.overridesOf(id))).toEqual([]);
    });
  });
}
