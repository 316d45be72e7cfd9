// What only the database implementation has: the CDS Hooks screen writer, the edge's policyFor,
// a stored policy or aftercare setting the core refuses, our own administrations from signed notes, and charts whose
// uuid ids are kept.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AuditEvent } from '../../audit-event.js';
import { schema, type Database } from '../../db/index.js';
import { demoPatients } from '../../demo/demo-charts.js';
import type { Chart } from '../../fhir/chart.js';
import type { StoredScreen as CdsScreen } from '../../http/deps.js';
import {
  databasePolicyFor,
  databaseRepositories,
  StoredAftercareInvalidError,
  StoredPolicyInvalidError,
  storeCdsScreen,
  writeChart,
} from '../db-repositories/index.js';
import { expectSameChartContent } from './chart-content.js';
import { NOW } from './contract-records.js';
import { databaseSubject } from './database-subject.js';

const at = (daysAgo: number) => new Date(NOW - daysAgo * 86_400_000).toISOString();

/** Every kind of entry, with uuid ids and recorded times, so the chart must come back exactly. */
function fullChart(): Chart {
  return {
    patient: {
      id: randomUUID(),
      identifiers: [{ system: 'urn:mrn', value: `MRN-${randomUUID()}` }],
      family: 'Full',
      given: ['Chart', 'Case'],
      birthDate: '1960-02-29',
      sex: 'other',
    },
    allergiesReviewedAt: at(1),
    medicationsReconciledAt: null,
    conditions: [
      {
        id: randomUUID(),
        icd10: 'M79.18',
        display: 'Myalgia, other site',
        clinicalStatus: 'recurrence',
        verificationStatus: 'provisional',
        recordedAt: at(10),
        revision: 1,
        bodySite: { muscle: 'trapezius-upper', region: 'neck', side: 'both' },
      },
    ],
    allergies: [
      {
        id: randomUUID(),
        substance: { kind: 'rxnorm', code: '6387', text: 'Lidocaine' },
        type: 'intolerance',
        criticality: 'unable-to-assess',
        clinicalStatus: 'inactive',
        verificationStatus: 'refuted',
        recordedAt: at(20),
        revision: 1,
      },
    ],
    medicines: [{ id: randomUUID(), display: 'Herbal tea', status: 'on-hold', revision: 1 }],
    observations: [
      {
        id: randomUUID(),
        loinc: '82810-3',
        value: { system: 'http://snomed.info/sct', code: '60001007' },
        at: at(2),
        status: 'amended',
        revision: 1,
      },
    ],
    administrations: [
      { id: randomUUID(), text: 'Steroid, GP surgery', at: '2026-03', status: 'completed', revision: 1 },
    ],
  };
}

export function describeDatabaseOnly(name: string, getDatabase: () => Database): void {
  describe(`the database repositories on ${name}`, () => {
    const setup = async () => {
      const database = getDatabase();
      const subject = databaseSubject(database);
      const clinicId = await subject.seedClinic();
      return { database, subject, clinicId, repos: databaseRepositories(database) };
    };

    it('keeps uuid ids and every kind of entry of a chart', async () => {
      const { database, clinicId, repos } = await setup();
      const chart = fullChart();
      const patientId = await database.withClinic(clinicId, (tx) => writeChart(tx, clinicId, chart));
      expect(patientId).toBe(chart.patient.id);
      const read = await repos.inClinic(clinicId, (r) => r.charts.loadChart(patientId));
      if (!read) throw new Error('no chart');
      expectSameChartContent(read, chart);
      expect(read).toEqual(chart);
    });

    it('refuses to write an administration that was not given', async () => {
      const { database, clinicId } = await setup();
      const chart = { ...fullChart(), administrations: [{ id: 'a', at: at(3), status: 'not-done' as const }] };
      await expect(database.withClinic(clinicId, (tx) => writeChart(tx, clinicId, chart))).rejects.toThrow(/not-done/);
    });

    it('adds our own administrations to the chart once their note is signed', async () => {
      const { database, subject, clinicId, repos } = await setup();
      const user = await subject.seedUser(clinicId);
      const demo = demoPatients(NOW)[0];
      if (!demo) throw new Error('no demo');
      const patientId = await subject.seedChart(clinicId, demo.chart);
      const noteId = await database.withClinic(clinicId, async (tx) => {
        const [visit] = await tx.insert(schema.visits).values({ clinicId, patientId, status: 'finished' }).returning();
        if (!visit) throw new Error('no visit');
        await tx.insert(schema.administrations).values({
          clinicId,
          patientId,
          visitId: visit.id,
          muscleCode: 'trapezius-upper',
          side: 'left',
          productCode: 'lidocaine-1pct',
          productText: 'Lidocaine 1%',
          volumeMl: 2.5,
          administeredAt: new Date(NOW - 3_600_000),
        });
        const [note] = await tx
          .insert(schema.procedureNotes)
          .values({ clinicId, patientId, visitId: visit.id, version: 1, content: {} })
          .returning();
        return note?.id ?? '';
      });
      const given = async () =>
        (await repos.inClinic(clinicId, (r) => r.charts.loadChart(patientId)))?.administrations ?? [];
      expect(await given()).toEqual([]);
      await database.withClinic(clinicId, (tx) =>
        tx
          .update(schema.procedureNotes)
          .set({ status: 'signed', signedBy: user.id, signedAt: new Date(NOW) })
          .where(eq(schema.procedureNotes.id, noteId)),
      );
      expect(await given()).toEqual([
        expect.objectContaining({
          injectate: 'lidocaine-1pct',
          volumeMl: 2.5,
          at: new Date(NOW - 3_600_000).toISOString(),
          status: 'completed',
        }),
      ]);
    });

    it('refuses to screen under a stored policy the core refuses, rather than fall back to the defaults', async () => {
      const { database, clinicId, repos } = await setup();
      await database.asSystem((tx) =>
        tx.insert(schema.clinicSettings).values({
          clinicId,
          settingsVersion: 1,
          policyVersion: 'clinic-broken',
          policyValues: { feverCelsius: 'hot' },
          followUpSchedule: {},
          observationMinutes: 0,
        }),
      );
      await expect(repos.inClinic(clinicId, (r) => r.policies.currentPolicy())).rejects.toThrow(
        StoredPolicyInvalidError,
      );
      await expect(databasePolicyFor(database)(clinicId)).rejects.toThrow(/feverCelsius/);
    });

    it('refuses a stored follow-up schedule or observation time the core refuses, rather than take the defaults', async () => {
      const { database, clinicId, repos } = await setup();
      await database.asSystem((tx) =>
        tx.insert(schema.clinicSettings).values({
          clinicId,
          settingsVersion: 1,
          policyVersion: 'default-stored',
          policyValues: {},
          followUpSchedule: { points: [{ id: 'day-1', label: 'Day 1', after: 'P1M' }] },
          observationMinutes: 600,
        }),
      );
      const read = repos.inClinic(clinicId, (r) => r.aftercareSettings.current());
      await expect(read).rejects.toThrow(StoredAftercareInvalidError);
      await expect(read).rejects.toThrow(/points\[0\]\.after.*observationMinutes/);
    });

    it('stores a screen an EHR asked for with its audit event, or neither', async () => {
      const { database, subject, clinicId } = await setup();
      const store = storeCdsScreen(database);
      const issuer = `https://ehr-${randomUUID()}.example`;
      const screen: CdsScreen = {
        clinicId,
        client: issuer,
        hookInstance: randomUUID(),
        request: { hook: 'order-sign', context: { patientId: 'ehr-123' } },
        cards: [],
        verdict: 'proceed',
        policyVersion: 'default-x',
        asOf: NOW,
        trace: { asOf: new Date(NOW).toISOString(), policyVersion: 'default-x', rules: [] },
      };
      const event: AuditEvent = {
        clinicId: randomUUID(),
        actor: issuer,
        actorKind: 'cds-client',
        action: 'cds.screen',
        entity: null,
        patientId: null,
        at: NOW,
        from: '192.0.2.9',
        outcome: 'success',
      };
      await store(screen, event);
      const rows = await database.db.select().from(schema.screens).where(eq(schema.screens.client, issuer));
      expect(rows).toMatchObject([
        { clinicId, patientId: null, hookInstance: screen.hookInstance, verdict: 'proceed' },
      ]);
      const trail = (await subject.auditTrail()).filter((e) => e.actor === issuer);
      expect(trail).toEqual([{ ...event, clinicId, entity: `Screen/${rows[0]?.id}` }]);

      await expect(store(screen, { ...event, patientId: 'not-a-uuid' })).rejects.toThrow();
      expect(await database.db.select().from(schema.screens).where(eq(schema.screens.client, issuer))).toHaveLength(1);
    });
  });
}
