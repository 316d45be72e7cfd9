// What only the database shows of the record store: of two changes from one revision exactly one
// wins; an entry entered in error keeps its row (and what the chart does not show, like the source
// of an injection given elsewhere); the table itself refuses an injection that was not given.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema, SQLSTATE, sqlStateOf, type Database } from '../../db/index.js';
import { databaseRepositories } from '../db-repositories/index.js';
import { newPatient } from './contract-patients.js';
import { ENTRIES } from './contract-entries.js';
import { NOW } from './contract-records.js';
import { databaseSubject } from './database-subject.js';

export function describeDatabaseEntries(name: string, getDatabase: () => Database): void {
  describe(`the record store on ${name}`, () => {
    const setup = async () => {
      const database = getDatabase();
      const subject = databaseSubject(database);
      const clinicId = await subject.seedClinic();
      const user = await subject.seedUser(clinicId, { role: 'nurse' });
      const repos = databaseRepositories(database);
      const patient = await repos.inClinic(clinicId, (r) => r.patients.create(newPatient('Stored', ['Sam'])));
      return { database, clinicId, repos, patientId: patient.id, stamp: { at: NOW, by: user.id } };
    };

    it('lets exactly one of two concurrent changes from one revision through', async () => {
      const { clinicId, repos, patientId, stamp } = await setup();
      const added = await repos.inClinic(clinicId, (r) => r.records.add('allergy', patientId, ENTRIES.allergy, stamp));
      if (!added) throw new Error('not added');
      const change = (criticality: 'low' | 'high') =>
        repos.inClinic(clinicId, (r) =>
          r.records.replace('allergy', patientId, added.id, 1, { ...ENTRIES.allergy, criticality }, NOW),
        );
      const results = await Promise.all([change('low'), change('high')]);
      expect(results.filter((r) => r === 'stale')).toHaveLength(1);
      const winner = results.find((r) => r !== 'stale');
      expect(await repos.inClinic(clinicId, (r) => r.records.get('allergy', patientId, added.id))).toEqual(winner);
      expect(winner).toMatchObject({ revision: 2 });
    });

    it('keeps the row of an injection given elsewhere marked entered in error, its source included', async () => {
      const { database, clinicId, repos, patientId, stamp } = await setup();
      const given = ENTRIES['earlier-administration'];
      const added = await repos.inClinic(clinicId, (r) =>
        r.records.add('earlier-administration', patientId, given, stamp),
      );
      if (!added) throw new Error('not added');
      // Marking it in error writes the entry back as the chart shows it, without its source.
      const { injectate, volumeMl, at } = given;
      const retracted = { injectate, volumeMl, at, status: 'entered-in-error' as const };
      await repos.inClinic(clinicId, (r) =>
        r.records.replace('earlier-administration', patientId, added.id, 1, retracted, NOW),
      );
      const rows = await database.db
        .select()
        .from(schema.earlierAdministrations)
        .where(eq(schema.earlierAdministrations.id, added.id));
      expect(rows).toMatchObject([
        {
          status: 'entered-in-error',
          source: 'GP letter',
          productCode: 'triamcinolone-40',
          revision: 2,
          recordedBy: stamp.by,
        },
      ]);
      const [patient] = await database.db.select().from(schema.patients).where(eq(schema.patients.id, patientId));
      expect(patient).toMatchObject({ allergiesReviewedAt: null, allergiesReviewedBy: null, revision: 1 });
    });

    it('refuses, in the table itself, an injection given elsewhere that was not given', async () => {
      const { database, clinicId, patientId } = await setup();
      const insert = database.withClinic(clinicId, (tx) =>
        tx.insert(schema.earlierAdministrations).values({
          clinicId,
          patientId,
          text: 'Kenalog',
          administeredOn: '2026-09',
          source: 'patient report',
          status: 'not-done' as 'completed',
        }),
      );
      expect(await insert.then(() => undefined, sqlStateOf)).toBe(SQLSTATE.checkViolation);
    });
  });
}
