// The FHIR import on a repository subject (GUIDE.md habit 11): the in-memory twin, PGlite and
// PostgreSQL run the same tests. A Bundle creates the patient and chart; importing it again changes
// nothing (the same chart, revisions included, and no write audited); a change updates in place; an
// invalid Bundle writes nothing; an API token imports with no author on the entries.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.js';
import type { RepositorySubject } from './repository-contract.js';
import { ehrBundle, MRN } from '../../fhir/import/spec/ehr-bundle.js';
import { importFhirBundle, type ImportResult } from '../fhir-import/import-fhir-bundle.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');

export function describeFhirImportContract(name: string, subject: () => RepositorySubject): void {
  describe(`FHIR import on ${name}`, () => {
    async function clinic() {
      const s = subject();
      const clinicId = await s.seedClinic('Import clinic');
      const user = await s.seedUser(clinicId);
      const actor: Actor = { userId: user.id, clinicId, from: '127.0.0.1' };
      const run = (bundle: unknown, as: Actor = actor) =>
        s.repos.inClinic(clinicId, (repos) => importFhirBundle({ bundle, actor: as, at: NOW, recordedAt: NOW }, repos));
      const chart = (patientId: string) => s.repos.inClinic(clinicId, (repos) => repos.charts.loadChart(patientId));
      const find = (mrn: string) =>
        s.repos.inClinic(clinicId, async (repos) => (await repos.patients.search({ identifier: mrn, limit: 5 })).items);
      const links = (patientId: string) =>
        s.repos.inClinic(clinicId, (repos) => repos.importLinks.ofPatient(patientId));
      return { s, clinicId, actor, run, chart, find, links };
    }
    const ok = (r: ImportResult) => {
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r;
    };
    const results = (r: ImportResult) => ok(r).outcomes.map((o) => `${o.resourceType} ${o.result}`);

    it('creates the patient and chart, keeping codes it does not know with their text', async () => {
      const c = await clinic();
      expect(results(await c.run(ehrBundle()))).toEqual([
        'Patient created',
        ...Array<string>(2).fill('Condition created'),
        ...Array<string>(2).fill('AllergyIntolerance created'),
        ...Array<string>(2).fill('MedicationStatement created'),
        ...Array<string>(3).fill('Observation created'),
      ]);
      const [patient] = await c.find('MRN-00042');
      expect(patient).toMatchObject({
        family: 'Okafor',
        given: ['Adaeze', 'Ngozi'],
        identifiers: [{ system: MRN, value: 'MRN-00042' }],
      });
      const chart = await c.chart(patient?.id ?? '');
      expect(chart?.conditions.map((x) => [x.icd10, x.display]).sort()).toEqual([
        ['', 'Hypertension'],
        ['M79.18', 'Myalgia, other site'],
      ]);
      expect(chart?.allergies.map((a) => a.substance)).toEqual(
        expect.arrayContaining([
          { kind: 'text', text: 'Latex gloves' },
          { kind: 'ingredient', code: 'lidocaine', text: 'Lidocaine' },
        ]),
      );
      expect(chart?.medicines.map((m) => m.display).sort()).toEqual([
        'Paracetamol 500 mg tablets',
        'warfarin sodium 5 MG Oral Tablet',
      ]);
      expect(chart?.observations.map((o) => o.loinc).sort()).toEqual(['29463-7', '4548-4', '6301-6']);
      // The SNOMED CT and formulary codes the chart's columns cannot hold are kept as sent.
      const kept = (await c.links(patient?.id ?? '')).map((l) => JSON.stringify(l.sourceCode));
      expect(
        kept.filter((k) => k.includes('38341003') || k.includes('F-2231') || k.includes('111088007')),
      ).toHaveLength(3);
    });

    it('changes nothing when the same Bundle comes again', async () => {
      const c = await clinic();
      await c.run(ehrBundle());
      const [patient] = await c.find('MRN-00042');
      const before = await c.chart(patient?.id ?? '');
      const auditBefore = (await c.s.auditTrail()).length;
      const again = await c.run(ehrBundle({ type: 'collection' }));
      expect(new Set(results(again).map((r) => r.split(' ')[1]))).toEqual(new Set(['unchanged']));
      expect(await c.chart(patient?.id ?? '')).toEqual(before);
      expect(await c.find('MRN-00042')).toEqual([patient]);
      // Only the import's own row: no create or update.
      const added = (await c.s.auditTrail()).slice(auditBefore);
      expect(added.map((e) => `${e.action} ${e.outcome}`)).toEqual(['fhir.import success']);
    });

    it('updates an entry in place when the EHR changed it', async () => {
      const c = await clinic();
      await c.run(ehrBundle());
      const r = await c.run(ehrBundle({ painStatus: 'resolved' }));
      expect(results(r).filter((x) => !x.endsWith('unchanged'))).toEqual(['Condition updated']);
      const [patient] = await c.find('MRN-00042');
      const chart = await c.chart(patient?.id ?? '');
      const pain = chart?.conditions.find((x) => x.icd10 === 'M79.18');
      expect(pain).toMatchObject({ clinicalStatus: 'resolved', revision: 2 });
      expect(chart?.conditions).toHaveLength(2);
    });

    it('writes nothing of an invalid Bundle, and audits the refusal', async () => {
      const c = await clinic();
      const bundle = structuredClone(ehrBundle());
      (bundle.entry[8] as { resource: Record<string, unknown> }).resource['effectiveDateTime'] = '2027-01-01T00:00:00Z';
      (bundle.entry[7] as { resource: Record<string, unknown> }).resource['valueQuantity'] = {
        value: 72.5,
        code: 'stone',
      };
      const r = await c.run(bundle);
      expect(r.ok ? [] : r.issues.map((i) => i.expression)).toEqual([
        'Bundle.entry[7].resource.valueQuantity.code',
        'Bundle.entry[8].resource.effectiveDateTime',
      ]);
      expect(await c.find('MRN-00042')).toEqual([]);
      const last = (await c.s.auditTrail()).at(-1);
      expect(last).toMatchObject({ action: 'fhir.import', outcome: 'failed', clinicId: c.clinicId });
    });

    it('takes back every write of the Bundle when one fails after the checks (one transaction)', async () => {
      const c = await clinic();
      let adds = 0;
      const failing = c.s.repos.inClinic(c.clinicId, (repos) => {
        const records = {
          ...repos.records,
          add: ((...args: Parameters<typeof repos.records.add>) => {
            if (++adds === 5) throw new Error('the disk is full');
            return repos.records.add(...args);
          }) as typeof repos.records.add,
        };
        return importFhirBundle(
          { bundle: ehrBundle({ mrn: 'MRN-FAILS' }), actor: c.actor, at: NOW, recordedAt: NOW },
          { ...repos, records },
        );
      });
      await expect(failing).rejects.toThrow('the disk is full');
      expect(adds).toBe(5);
      expect(await c.find('MRN-FAILS')).toEqual([]);
      const trail = (await c.s.auditTrail()).filter((e) => e.clinicId === c.clinicId);
      expect(trail.filter((e) => e.action !== 'fhir.import' || e.outcome !== 'failed')).toEqual([]);
    });

    it('imports for an API token, whose entries have no author', async () => {
      const c = await clinic();
      const token: Actor = {
        userId: '00000000-0000-4000-8000-00000000beef',
        kind: 'api-token',
        clinicId: c.clinicId,
        from: null,
      };
      expect(ok(await c.run(ehrBundle({ mrn: 'MRN-TOKEN' }), token)).outcomes).toHaveLength(10);
      expect(await c.find('MRN-TOKEN')).toHaveLength(1);
    });

    it('matches a patient already registered by the same identifier', async () => {
      const c = await clinic();
      const existing = await c.s.repos.inClinic(c.clinicId, (repos) =>
        repos.patients.create({
          identifiers: [{ system: MRN, value: 'MRN-00042' }],
          family: 'Okafor',
          given: ['Adaeze', 'Ngozi'],
          birthDate: '1971-04-09',
          sex: 'female',
        }),
      );
      expect(results(await c.run(ehrBundle()))[0]).toBe('Patient unchanged');
      expect((await c.find('MRN-00042')).map((p) => p.id)).toEqual([existing.id]);
    });
  });
}
