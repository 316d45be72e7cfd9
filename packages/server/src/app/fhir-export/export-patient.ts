// Patient/{id}/$everything (issue 5 item 1): every resource of the patient's record as FHIR R4,
// audited as `patient.fhir.everything` in the same transaction as the read, like the chart read.
import type { Resource } from '@medplum/fhirtypes';
import { patientResources } from '../../fhir/export/patient-resources.js';
import type { ExportContext } from '../../fhir/export/patient-record.js';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import { loadPatientRecord, type RecordRepos } from './load-patient-record.js';

export async function exportPatient(
  input: { readonly patientId: string; readonly actor: Actor; readonly at: number; readonly context: ExportContext },
  repos: RecordRepos & Pick<ClinicRepositories, 'audit'>,
): Promise<{ readonly ok: true; readonly resources: readonly Resource[] } | UseCaseFailure> {
  const { patientId, actor, at } = input;
  const record = await loadPatientRecord(patientId, repos);
  const action = 'patient.fhir.everything';
  const entity = `Patient/${patientId}`;
  if (!record) {
    await repos.audit.record(
      auditAs(actor, at, { action, entity, patientId: null, outcome: 'failed', detail: { reason: 'not-found' } }),
    );
    return { ok: false, code: 'not-found', detail: `no patient ${patientId} in this clinic` };
  }
  const resources = patientResources(record, input.context);
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
  await repos.audit.record(auditAs(actor, at, { action, entity, patientId, outcome: 'success', detail: counts }));
  return { ok: true, resources };
}
