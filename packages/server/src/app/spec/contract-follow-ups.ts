// Issue 6's stores: a signed note's follow-up links (one schedule per visit, found by the token's
// hash before the clinic is known, invisible to another clinic), the patient's answers (the link
// becomes answered; the outcome reader sees them with their schedule point), the clinic's tasks
// (most urgent first, changed under the revision read) and the outbox.
import { randomUUID } from 'node:crypto';
import { followUpsFor, DEFAULT_FOLLOW_UP_SCHEDULE } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import { demoPatients } from '../../demo/demo-charts.js';
import { tokenHash } from '../follow-ups/link-tokens.js';
import { documentVisit } from '../visits/document-visit.js';
import { documentation } from './contract-documented-visits.js';
import { NOW } from './contract-records.js';
import type { GetSubject } from './repository-contract.js';

async function signedVisit(get: GetSubject) {
  const { repos, seedClinic, seedUser, seedChart } = get();
  const clinicId = await seedClinic();
  const user = await seedUser(clinicId);
  const demo = demoPatients(NOW).find((p) => p.chart.patient.identifiers[0]?.value === 'KW-1002');
  if (!demo) throw new Error('no KW-1002');
  const patientId = await seedChart(clinicId, demo.chart);
  const actor = { userId: user.id, clinicId, from: null };
  const done = await repos.inClinic(clinicId, (r) =>
    documentVisit({ ...documentation(patientId), actor, at: NOW }, r, { clock: fixedClock(NOW), newId: randomUUID }),
  );
  if (!done.ok) throw new Error(done.detail);
  return { clinicId, user, patientId, visitId: done.visitId, noteId: done.note.id };
}

const ANSWER = {
  painNrs: 3,
  reliefPct: 60,
  peg: null,
  pgic: 2,
  sideEffects: ['bruising'],
  redFlags: ['fainting'],
  comment: null,
};

export function describeFollowUpContract(get: GetSubject): void {
  describe('follow-up links, answers, tasks and the outbox', () => {
    it('schedules once per visit, finds a link by its token hash only, and only in its clinic', async () => {
      const { repos, seedClinic } = get();
      const { clinicId, patientId, visitId, noteId } = await signedVisit(get);
      const links = await repos.inClinic(clinicId, (r) => r.followUps.ofVisit(visitId));
      expect(links.map((l) => [l.pointId, l.asksPeg, l.status])).toEqual(
        followUpsFor(DEFAULT_FOLLOW_UP_SCHEDULE, NOW).map((p) => [p.pointId, p.asksPeg, 'pending']),
      );
      expect(links[0]).toMatchObject({ patientId, visitId, noteId, signedAt: NOW, dueAt: NOW + 6 * 3_600_000 });
      const again = await repos.inClinic(clinicId, (r) =>
        r.followUps.schedule(
          { visitId, patientId, noteId, signedAt: NOW },
          followUpsFor(DEFAULT_FOLLOW_UP_SCHEDULE, NOW),
        ),
      );
      expect(again).toBe('exists');

      const first = links[0];
      if (!first) throw new Error('no link');
      const token = await repos.inClinic(clinicId, (r) => Promise.resolve(r.followUps.tokenOf(first.id)));
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await repos.system.followUpLinks.find(tokenHash(token))).toEqual({ clinicId, followUpId: first.id });
      expect(await repos.system.followUpLinks.find(tokenHash(`${token}x`))).toBeUndefined();
      expect(await repos.system.followUpLinks.find('not a hash')).toBeUndefined();

      const other = await seedClinic();
      expect(await repos.inClinic(other, (r) => r.followUps.get(first.id))).toBeUndefined();
      expect(await repos.inClinic(other, (r) => r.followUps.ofVisit(visitId))).toEqual([]);
      expect(await repos.inClinic(other, (r) => r.outcomes.facts({}))).toEqual([]);
    });

    it('stores answers, marks the link answered, and gives them to the outcome reader with their point', async () => {
      const { repos } = get();
      const { clinicId, patientId, visitId } = await signedVisit(get);
      const [first, second] = await repos.inClinic(clinicId, (r) => r.followUps.ofVisit(visitId));
      if (!first || !second) throw new Error('no links');
      const base = { followUpId: first.id, patientId, visitId };
      const a1 = await repos.inClinic(clinicId, (r) =>
        r.followUps.addAnswer({ ...base, ...ANSWER, submittedAt: NOW + 7 * 3_600_000 }),
      );
      const a2 = await repos.inClinic(clinicId, (r) =>
        r.followUps.addAnswer({
          ...base,
          ...ANSWER,
          followUpId: second.id,
          peg: { pain: 4, enjoyment: 3, activity: 2 },
          redFlags: [],
          sideEffects: [],
          comment: 'better',
          submittedAt: NOW + 25 * 3_600_000,
        }),
      );
      expect(a1).toMatchObject({ ...ANSWER, id: expect.any(String) as string });
      expect(await repos.inClinic(clinicId, (r) => r.followUps.get(first.id))).toMatchObject({ status: 'answered' });
      expect(await repos.inClinic(clinicId, (r) => r.followUps.answersOf(first.id))).toEqual([a1]);
      expect(await repos.inClinic(clinicId, (r) => r.followUps.answersOfPatient(patientId))).toEqual([a1, a2]);
      const [facts] = await repos.inClinic(clinicId, (r) => r.outcomes.facts({ patientId }));
      expect(facts).toMatchObject({ visitId, patientId, signedAt: NOW });
      expect(facts?.answers).toEqual([
        { ...a1, pointId: first.pointId },
        { ...a2, pointId: second.pointId },
      ]);
      expect(facts?.sites.length).toBeGreaterThan(0);
      expect(await repos.inClinic(clinicId, (r) => r.outcomes.facts({ from: NOW + 1 }))).toEqual([]);
    });

    it('lists tasks most urgent first, changes them under the revision read, leaves resolved ones out of open', async () => {
      const { repos } = get();
      const { clinicId, patientId, visitId, user } = await signedVisit(get);
      const task = (urgency: 'emergency' | 'urgent' | 'soon', at: number) =>
        repos.inClinic(clinicId, (r) =>
          r.tasks.create({
            kind: 'red-flag',
            urgency,
            patientId,
            visitId,
            answerId: null,
            summary: urgency,
            detail: {},
            at,
          }),
        );
      const soon = await task('soon', NOW + 1000);
      const emergency = await task('emergency', NOW);
      expect(emergency).toMatchObject({ status: 'open', revision: 1, createdAt: NOW, acknowledgedBy: null });
      expect((await repos.inClinic(clinicId, (r) => r.tasks.list('open'))).map((t) => t.id)).toEqual([
        emergency.id,
        soon.id,
      ]);
      const change = { status: 'acknowledged' as const, by: user.id, at: NOW + 5000 };
      expect(await repos.inClinic(clinicId, (r) => r.tasks.setStatus(emergency.id, 2, change))).toBe('stale');
      expect(await repos.inClinic(clinicId, (r) => r.tasks.setStatus(emergency.id, 1, change))).toMatchObject({
        status: 'acknowledged',
        revision: 2,
        acknowledgedBy: user.id,
        acknowledgedAt: NOW + 5000,
      });
      await repos.inClinic(clinicId, (r) => r.tasks.setStatus(soon.id, 1, { ...change, status: 'resolved' }));
      expect((await repos.inClinic(clinicId, (r) => r.tasks.list('open'))).map((t) => t.id)).toEqual([emergency.id]);
      expect(await repos.inClinic(clinicId, (r) => r.tasks.list('all'))).toHaveLength(2);
      expect(await repos.inClinic(clinicId, (r) => r.tasks.setStatus(randomUUID(), 1, change))).toBeUndefined();
      await repos.inClinic(clinicId, (r) =>
        r.outbox.enqueue({ channel: 'email', recipient: 'a@b.example', subject: 's', body: 'b', about: null, at: NOW }),
      );
    });
  });
}
