// The FHIR export on a real database: the demo clinic, with TPI visits documented through the
// documentVisit use case (plan, screen, consent, signed note with administrations per site and an
// immediate complication), exported by `knotwork export --ndjson`'s function. Every resource is
// valid R4 (fhirProblems), every reference resolves across the export, each page is audited, and
// each of a patient's resources reads back by id (the database's owner lookup) as exported.
import { consentForm } from '@knotwork/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../clock.js';
import { schema, type Database } from '../../../db/index.js';
import { seedDemoClinic } from '../../../demo/seed-demo-clinic.js';
import { unresolvedReferences } from '../../../fhir/export/everything-bundle.js';
import { isExportedType } from '../../../fhir/export/patient-resources.js';
import { fhirProblems } from '../../../fhir/spec/validate-fhir.js';
import type { Actor } from '../../actor.js';
import { databaseRepositories } from '../../db-repositories/index.js';
import { documentVisit } from '../../visits/document-visit.js';
import { exportClinicNdjson } from '../export-clinic-ndjson.js';
import { readFhirResource } from '../read-fhir-resource.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const PLAN = {
  sites: [
    {
      muscle: 'trapezius-upper',
      side: 'left' as const,
      findings: { tautBand: true, localTwitch: true, referredPain: false, jumpSign: false },
    },
    {
      muscle: 'rhomboids',
      side: 'right' as const,
      findings: { tautBand: true, localTwitch: false, referredPain: true, jumpSign: false },
    },
  ],
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 3 }],
};
const site = (muscle: string, side: 'left' | 'right', volumeMl: number, lot: string) => ({
  muscle,
  side,
  needle: { gauge: 25, lengthMm: 38 },
  aspiration: 'negative' as const,
  twitch: true,
  tolerance: 'well' as const,
  administrations: [{ injectate: 'lidocaine-1pct', volumeMl, lot, expiry: '2027-06' }],
});

export function describeClinicExport(name: string, getDatabase: () => Database): void {
  describe(`the FHIR export of the demo clinic (${name})`, () => {
    let dir: string;
    let clinicId: string;
    const documented: string[] = [];

    beforeAll(async () => {
      const database = getDatabase();
      const seeded = await seedDemoClinic(database, { now: NOW });
      clinicId = seeded.clinicId;
      const [clinician] = await database.asSystem((tx) =>
        tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.role, 'clinician')),
      );
      const actor: Actor = { userId: clinician?.id ?? '', clinicId, from: null };
      const repos = databaseRepositories(database, { newId: randomUUID });
      const form = consentForm(PLAN);
      if (!form.ok) throw new Error('fixture');
      for (const patientId of seeded.patients.values()) {
        const done = await repos.inClinic(clinicId, (r) =>
          documentVisit(
            {
              patientId,
              plan: PLAN,
              overrides: [],
              observations: [],
              consent: {
                formVersion: form.form.version,
                signerKind: 'patient',
                signerName: 'Demo Patient',
                signerRelationship: null,
                signatureKind: 'typed-name',
                signatureData: 'Demo Patient',
              },
              note: {
                findings: 'Taut bands, local twitch',
                painNrs: 2,
                timeOut: { patient: true, sites: true, sides: true, allergies: true, consent: true },
                sites: [site('trapezius-upper', 'left', 2, 'LX2291'), site('rhomboids', 'right', 1, 'LX2292')],
                complications: [
                  {
                    type: 'vasovagal',
                    severity: 'mild',
                    onset: '2026-11-27T09:58:00.000Z',
                    action: 'Supine; recovered',
                    note: null,
                  },
                ],
              },
              actor,
              at: NOW,
            },
            r,
            { clock: fixedClock(NOW), newId: randomUUID },
          ),
        );
        // A patient the screen blocks (a critical card) is left without a visit: the export still has the chart.
        if (done.ok) documented.push(patientId);
      }
      dir = await mkdtemp(join(tmpdir(), 'knotwork-export-'));
    }, 120_000);

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes every patient’s valid resources, references resolving across the files, each page audited', async () => {
      expect(documented.length).toBeGreaterThan(1);
      const database = getDatabase();
      const result = await exportClinicNdjson(database, {
        dir,
        publicBaseUrl: 'https://clinic.example',
        now: () => NOW,
        by: 'tester',
        pageSize: 3,
      });
      expect(result.clinicId).toBe(clinicId);
      const all: Resource[] = [];
      for (const f of result.files) {
        const lines = (await readFile(join(dir, f.file), 'utf8')).split('\n').filter((l) => l !== '');
        expect(lines).toHaveLength(f.count);
        all.push(...lines.map((l) => JSON.parse(l) as Resource));
      }
      const types = new Set(all.map((r) => r.resourceType));
      for (const t of [
        'Procedure',
        'MedicationAdministration',
        'Consent',
        'DocumentReference',
        'AdverseEvent',
        'Provenance',
        'Encounter',
      ]) {
        expect(types).toContain(t);
      }
      const bundle: Bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: all.map((resource) => ({ resource })),
      };
      expect(fhirProblems(bundle)).toEqual([]);
      expect(unresolvedReferences(bundle)).toEqual([]);
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
        output: { type: string; count: number }[];
      };
      expect(manifest.output).toEqual(result.files.map((f) => ({ type: f.type, url: f.file, count: f.count })));
      const pages = await database.asSystem((tx) =>
        tx
          .select({ detail: schema.auditLog.detail })
          .from(schema.auditLog)
          .where(eq(schema.auditLog.action, 'patient.fhir.export')),
      );
      const audited = pages.flatMap((p) => (p.detail as { patients: string[] }).patients);
      expect(audited.length).toBe(result.patients);
      expect(new Set(audited).size).toBe(result.patients);
      expect(all.filter((r) => r.resourceType === 'Patient')).toHaveLength(result.patients);
    });

    it('reads a page of charts and visits at once exactly as the stores read each', async () => {
      const repos = databaseRepositories(getDatabase());
      await repos.inClinic(clinicId, async (r) => {
        const page = await r.patients.search({ limit: 100 });
        const ids = [...page.items.map((p) => p.id), 'not-a-uuid', randomUUID()];
        const charts = await r.fhirExport.chartsOf(ids);
        const visits = await r.fhirExport.visitRecordsOf(ids);
        expect([...charts.keys()].sort()).toEqual(page.items.map((p) => p.id).sort());
        for (const p of page.items) {
          expect(charts.get(p.id)).toEqual(await r.charts.loadChart(p.id));
          const one = [];
          for (const visit of await r.visits.ofPatient(p.id)) {
            one.push({
              visit,
              baseline: await r.baselines.ofVisit(visit.id),
              notes: await r.notes.ofVisit(visit.id),
              administrations: await r.procedures.administrationsOf(visit.id),
              complications: await r.procedures.complicationsOf(visit.id),
              consents: await r.procedures.consentsOf(visit.id),
            });
          }
          expect(visits.get(p.id)).toEqual(one);
        }
      });
    });

    it('reads each resource of a documented patient back by its id, as exported', async () => {
      const database = getDatabase();
      const repos = databaseRepositories(database);
      const patientId = documented[0] ?? '';
      const files = (await readdir(dir)).filter((f) => f.endsWith('.ndjson'));
      const lines = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
      const mine = lines
        .flatMap((text) => text.split('\n').filter((l) => l !== ''))
        .map((l) => JSON.parse(l) as Resource)
        .filter((r) =>
          r.resourceType === 'Patient' ? r.id === patientId : JSON.stringify(r).includes(`"Patient/${patientId}"`),
        );
      expect(mine.length).toBeGreaterThan(8);
      const actor: Actor = { userId: randomUUID(), kind: 'api-token', clinicId, from: null };
      for (const resource of mine) {
        if (!isExportedType(resource.resourceType)) throw new Error(resource.resourceType);
        const type = resource.resourceType;
        const read = await repos.inClinic(clinicId, (r) =>
          readFhirResource(
            { type, id: resource.id ?? '', actor, at: NOW, context: { publicBaseUrl: 'https://clinic.example' } },
            r,
          ),
        );
        expect(read.ok ? read.resource : read, `${type}/${resource.id}`).toEqual(resource);
      }
    });
  });
}
