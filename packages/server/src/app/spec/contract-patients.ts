// Patients: create, read, update under optimistic concurrency, and search by name prefix,
// identifier and birth date with stable keyset pages.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NewPatient, PatientQuery, PatientSummary } from '../ports.js';
import type { GetSubject } from './repository-contract.js';

const MRN = 'https://contract.example/mrn';

export const newPatient = (family: string, given: string[], extra: Partial<NewPatient> = {}): NewPatient => ({
  identifiers: [{ system: MRN, value: `MRN-${randomUUID()}` }],
  family,
  given,
  birthDate: '1970-01-01',
  sex: 'female',
  ...extra,
});

export function describePatientContract(get: GetSubject): void {
  const inNewClinic = async (patients: NewPatient[]) => {
    const { repos, seedClinic } = get();
    const clinicId = await seedClinic();
    const created = await repos.inClinic(clinicId, async (r) => {
      const out: PatientSummary[] = [];
      for (const p of patients) out.push(await r.patients.create(p));
      return out;
    });
    const search = (q: Omit<PatientQuery, 'limit'> & { limit?: number }) =>
      repos.inClinic(clinicId, (r) => r.patients.search({ limit: 50, ...q }));
    const names = async (q: Omit<PatientQuery, 'limit'>) => (await search(q)).items.map((p) => p.family);
    return { clinicId, created, search, names };
  };

  describe('patients', () => {
    it('creates a patient at revision 1 with its identifiers, and reads it back', async () => {
      const { repos, seedClinic } = get();
      const clinicId = await seedClinic();
      const input = newPatient('Okafor', ['Ada', 'Ngozi'], {
        identifiers: [
          { system: 'urn:b', value: '2' },
          { system: 'urn:a', value: '1' },
        ],
      });
      const created = await repos.inClinic(clinicId, (r) => r.patients.create(input));
      expect(created).toMatchObject({
        family: 'Okafor',
        given: ['Ada', 'Ngozi'],
        birthDate: '1970-01-01',
        revision: 1,
      });
      // Identifiers come back in a stable order (system, then value), whatever order they went in.
      expect(created.identifiers).toEqual([
        { system: 'urn:a', value: '1' },
        { system: 'urn:b', value: '2' },
      ]);
      expect(await repos.inClinic(clinicId, (r) => r.patients.get(created.id))).toEqual(created);
    });

    it('records an unstated sex as unknown, and a birth date may be absent', async () => {
      const { repos, seedClinic } = get();
      const clinicId = await seedClinic();
      const created = await repos.inClinic(clinicId, (r) =>
        r.patients.create(newPatient('Nobody', [], { sex: null, birthDate: null })),
      );
      expect(created).toMatchObject({ sex: 'unknown', birthDate: null, given: [] });
    });

    it('updates from the current revision; a stale revision changes nothing; an unknown id is undefined', async () => {
      const { repos, seedClinic } = get();
      const clinicId = await seedClinic();
      const created = await repos.inClinic(clinicId, (r) => r.patients.create(newPatient('Hartley', ['Ben'])));
      const change = newPatient('Hartley-Smith', ['Benjamin'], {
        identifiers: [{ system: MRN, value: 'NEW-1' }],
        birthDate: '1969-11-18',
        sex: 'male',
      });
      const updated = await repos.inClinic(clinicId, (r) => r.patients.update(created.id, 1, change));
      expect(updated).toEqual({ ...change, id: created.id, revision: 2 });
      expect(await repos.inClinic(clinicId, (r) => r.patients.update(created.id, 1, newPatient('Lost', [])))).toBe(
        'stale',
      );
      expect(await repos.inClinic(clinicId, (r) => r.patients.get(created.id))).toEqual(updated);
      expect(await repos.inClinic(clinicId, (r) => r.patients.update(randomUUID(), 1, change))).toBeUndefined();
      expect(await repos.inClinic(clinicId, (r) => r.patients.update('not-an-id', 1, change))).toBeUndefined();
      expect(await repos.inClinic(clinicId, (r) => r.patients.get('not-an-id'))).toBeUndefined();
    });

    it('searches by the start of the family name or of any given name, ignoring case', async () => {
      const { names } = await inNewClinic([
        newPatient('Smith', ['Ann']),
        newPatient('Smithers', ['Waylon']),
        newPatient('Jones', ['Marie', 'Smita']),
        newPatient('Brown', ['Anna']),
        newPatient('Osmith', ['Zed']),
      ]);
      expect(await names({ name: 'SMI' })).toEqual(['Jones', 'Smith', 'Smithers']);
      expect(await names({ name: 'ann' })).toEqual(['Brown', 'Smith']);
      expect(await names({ name: '  smithe ' })).toEqual(['Smithers']);
      expect(await names({ name: 'mith' })).toEqual([]);
      expect(await names({ name: '%' })).toEqual([]);
      expect(await names({ name: '_mith' })).toEqual([]);
    });

    it('searches by an identifier value exactly and by birth date, and combines filters', async () => {
      const { names } = await inNewClinic([
        newPatient('Kim', ['David'], { identifiers: [{ system: MRN, value: 'KW-1004' }], birthDate: '1951-02-14' }),
        newPatient('Kimura', ['Aiko'], { identifiers: [{ system: MRN, value: 'KW-10040' }], birthDate: '1951-02-14' }),
        newPatient('Lee', ['Min'], { birthDate: '1980-05-05' }),
      ]);
      expect(await names({ identifier: 'KW-1004' })).toEqual(['Kim']);
      expect(await names({ identifier: 'kw-1004' })).toEqual([]);
      expect(await names({ birthDate: '1951-02-14' })).toEqual(['Kim', 'Kimura']);
      expect(await names({ birthDate: '1951-02-14', name: 'kimu' })).toEqual(['Kimura']);
      expect(await names({ birthDate: '1951-02-30' })).toEqual([]);
      expect(await names({})).toEqual(['Kim', 'Kimura', 'Lee']);
    });

    it('pages through five patients two at a time: three pages, no duplicates, the same every time', async () => {
      const { created, search } = await inNewClinic([
        newPatient('Page', ['Eve']),
        newPatient('Page', ['Ann']),
        newPatient('Pagett', ['Cy']),
        newPatient('page', ['Bo']),
        newPatient('Page', ['Ann']),
      ]);
      const walk = async () => {
        const pages: string[][] = [];
        let cursor: string | undefined;
        for (;;) {
          const page = await search({ name: 'pag', limit: 2, cursor });
          pages.push(page.items.map((p) => p.id));
          if (page.next === null) break;
          cursor = page.next;
        }
        return pages;
      };
      const pages = await walk();
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
      expect(new Set(pages.flat()).size).toBe(5);
      expect(await walk()).toEqual(pages);
      const byId = new Map(created.map((p) => [p.id, p]));
      const order = pages.flat().map((id) => `${byId.get(id)?.family.toLowerCase()} ${byId.get(id)?.given[0]}`);
      expect(order).toEqual(['page Ann', 'page Ann', 'page Bo', 'page Eve', 'pagett Cy']);
      // The two "Page Ann" are ordered by id.
      expect([pages[0]?.[0], pages[0]?.[1]]).toEqual([pages[0]?.[0], pages[0]?.[1]].sort());
      const exact = await search({ name: 'pagett', limit: 1 });
      expect(exact.next).toBeNull();
    });

    it('refuses a cursor it did not give', async () => {
      const { search } = await inNewClinic([newPatient('Cursor', ['Case'])]);
      await expect(search({ cursor: 'bm90LWEtY3Vyc29y' })).rejects.toThrow(/cursor/);
    });
  });
}
