// A small synthetic clinic written on PGlite: the rows land under the clinic (row-level security),
// read back as charts through the repositories, and a second clinic from the same seed has the same
// patients' content.
import { afterAll, describe, expect, it } from 'vitest';
import { databaseRepositories } from '../../app/db-repositories/index.js';
import { openTestPglite } from '../../app/spec/test-databases.js';
import { syntheticPatient } from './generate-synthetic-clinic.js';
import { writeSyntheticClinic } from './write-synthetic-clinic.js';

const opened = await openTestPglite();
afterAll(() => opened.dispose());

describe('writeSyntheticClinic on PGlite', () => {
  it('writes patients, charts, visits, signed notes, administrations and complications', async () => {
    const database = opened.database;
    const written = await writeSyntheticClinic(database, {
      patients: 60,
      seed: 7,
      clinicName: 'Synthetic A',
      batch: 25,
    });
    expect(written.patients).toBe(60);
    const repos = databaseRepositories(database);
    const first = syntheticPatient(0, { seed: 7, asOf: Date.parse('2026-11-27T10:00:00Z'), idSpace: written.clinicId });
    const chart = await repos.inClinic(written.clinicId, (r) => r.charts.loadChart(first.id));
    expect(chart?.patient).toMatchObject({ family: first.family, identifiers: [{ value: first.mrn }] });
    expect(chart?.conditions.map((c) => c.icd10).sort()).toEqual(first.conditions.map((c) => c.code).sort());
    expect(chart?.administrations.length).toBe(first.visits.reduce((n, v) => n + v.sites.length, 0));
    const visits = await repos.inClinic(written.clinicId, (r) => r.visits.ofPatient(first.id));
    expect(visits).toHaveLength(first.visits.length);
    const counted = await database.withClinic(written.clinicId, async (tx) => {
      const { schema } = await import('../../db/index.js');
      const notes = await tx.select().from(schema.procedureNotes);
      const patients = await tx.select().from(schema.patients);
      return {
        notes: notes.length,
        signed: notes.filter((n) => n.status === 'signed').length,
        patients: patients.length,
      };
    });
    expect(counted).toEqual({ notes: written.visits, signed: written.visits, patients: 60 });
  });

  it('writes a second clinic from the same seed: the same content under other ids', async () => {
    const a = await writeSyntheticClinic(opened.database, { patients: 5, seed: 11, clinicName: 'Twin A' });
    const b = await writeSyntheticClinic(opened.database, { patients: 5, seed: 11, clinicName: 'Twin B' });
    const repos = databaseRepositories(opened.database);
    const names = (clinicId: string) =>
      repos.inClinic(clinicId, async (r) =>
        (await r.patients.search({ limit: 10 })).items.map((p) => [p.family, p.given, p.birthDate]),
      );
    expect(await names(b.clinicId)).toEqual(await names(a.clinicId));
    expect(b.rows).toBe(a.rows);
  });

  it('refuses a count that is not a whole number', async () => {
    await expect(writeSyntheticClinic(opened.database, { patients: 1.5, seed: 1, clinicName: 'x' })).rejects.toThrow(
      /patients/,
    );
  });
});
