// Issue 5's "done when", on PGlite: a synthetic demo patient's whole TPI record exported as a
// $everything Bundle re-imports into an empty clinic as the same chart (patient, conditions,
// allergies, medicines, observations; the post-procedure pain scores of the signed notes come in as
// observations too). The injections themselves are the first clinic's own procedures, which an
// import of a chart does not recreate.
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticClinic } from '../../demo/synthetic/write-synthetic-clinic.js';
import { everythingBundle } from '../../fhir/export/everything-bundle.js';
import { IMPORTED_RESOURCE_TYPES } from '../../fhir/import/read-import-bundle.js';
import type { Chart } from '../../fhir/chart.js';
import { databaseSubject } from '../spec/database-subject.js';
import { openTestPglite } from '../spec/test-databases.js';
import { exportPatient } from '../fhir-export/export-patient.js';
import { importFhirBundle } from './import-fhir-bundle.js';

const opened = await openTestPglite();
afterAll(() => opened.dispose());
const AT = Date.parse('2026-11-27T10:00:00Z');

/** The chart without what each clinic assigns (ids, recorded times, its own administrations). */
function comparable(chart: Chart | undefined) {
  const strip = (list: readonly object[]) =>
    list.map((e) => JSON.stringify({ ...e, id: undefined, recordedAt: undefined })).sort();
  return {
    patient: { ...chart?.patient, id: undefined },
    conditions: strip(chart?.conditions ?? []),
    allergies: strip(chart?.allergies ?? []),
    medicines: strip(chart?.medicines ?? []),
    observations: strip(chart?.observations ?? []),
  };
}

describe('a demo patient exported and imported into an empty clinic', () => {
  it('has the same chart', async () => {
    const s = databaseSubject(opened.database);
    const demo = await writeSyntheticClinic(opened.database, { patients: 40, seed: 5, clinicName: 'Demo source' });
    const target = await s.seedClinic('Empty clinic');
    const user = await s.seedUser(target);
    const actorIn = (clinicId: string, userId: string) => ({ userId, clinicId, from: null });
    const patients = await s.repos.inClinic(demo.clinicId, async (r) => (await r.patients.search({ limit: 40 })).items);
    // The richest charts: an anticoagulant (and so, for warfarin, an INR) and several visits.
    const checked = [];
    for (const p of patients) {
      const source = await s.repos.inClinic(demo.clinicId, (r) => r.charts.loadChart(p.id));
      if ((source?.medicines.length ?? 0) === 0 || (source?.administrations.length ?? 0) < 2) continue;
      const exported = await s.repos.inClinic(demo.clinicId, (r) =>
        exportPatient(
          {
            patientId: p.id,
            actor: actorIn(demo.clinicId, demo.clinicianId),
            at: AT,
            context: { publicBaseUrl: 'https://knotwork.example' },
          },
          r,
        ),
      );
      if (!exported.ok) throw new Error(exported.detail);
      const bundle = everythingBundle(
        exported.resources,
        'https://knotwork.example/fhir/R4',
        new Date(AT).toISOString(),
      );
      const taken = new Set<string>(IMPORTED_RESOURCE_TYPES);
      const collection = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: (bundle.entry ?? []).filter((e) => taken.has(e.resource?.resourceType ?? '')),
      };
      const imported = await s.repos.inClinic(target, (r) =>
        importFhirBundle({ bundle: collection, actor: actorIn(target, user.id), at: AT, recordedAt: AT }, r),
      );
      if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
      const patientId = imported.outcomes.find((o) => o.resourceType === 'Patient')?.id ?? '';
      const copy = await s.repos.inClinic(target, (r) => r.charts.loadChart(patientId));
      const [got, want] = [comparable(copy), comparable(source)];
      expect({ ...got, observations: [] }).toEqual({ ...want, observations: [] });
      // Every observation of the chart, and besides them the post-procedure pain score of each
      // signed note, which the export sends as an Observation and the import keeps as one.
      expect(got.observations).toEqual(expect.arrayContaining(want.observations));
      const extra = got.observations.filter((o) => !want.observations.includes(o));
      const visits = await s.repos.inClinic(demo.clinicId, (r) => r.visits.ofPatient(p.id));
      expect(extra).toHaveLength(visits.length);
      for (const o of extra) expect(JSON.parse(o)).toMatchObject({ loinc: '72514-3', value: { unit: '{score}' } });
      checked.push(p.id);
      if (checked.length === 3) break;
    }
    expect(checked).toHaveLength(3);
  });
});
