// Patient search (name prefix, identifier, birth date), one page at a time. The search is audited
// with the criteria used (not their values) and the ids of the patients it disclosed.
import { auditAs, type Actor } from '../actor.js';
import type { ClinicRepositories, PatientQuery, PatientSummary } from '../ports.js';

export async function searchPatients(
  input: { readonly query: PatientQuery; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'patients' | 'audit'>,
): Promise<{ readonly items: readonly PatientSummary[]; readonly next: string | null }> {
  const { query, actor, at } = input;
  const page = await repos.patients.search(query);
  const criteria = (['name', 'identifier', 'birthDate', 'cursor'] as const).filter((k) => query[k] !== undefined);
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'patient.search',
      entity: null,
      patientId: null,
      outcome: 'success',
      detail: { criteria, limit: query.limit, returned: page.items.map((p) => p.id) },
    }),
  );
  return page;
}
