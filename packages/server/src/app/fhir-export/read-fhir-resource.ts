// GET /fhir/R4/{type}/{id}: one exported resource, built from its patient's record exactly as
// $everything builds it, so the two never disagree. The owner is found by the id's entity (a
// visit's pain scores are `pain-pre-<visit>` and `pain-post-<note>`); audited as
// `patient.fhir.read` with the resource read, or failed when there is none in this clinic.
import type { Resource } from '@medplum/fhirtypes';
import { painObservationId } from '../../fhir/export/observation.js';
import { patientResources, type ExportedType } from '../../fhir/export/patient-resources.js';
import type { ExportContext } from '../../fhir/export/patient-record.js';
import { exportPractitioners } from '../../fhir/export/practitioner.js';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { OwnedEntity } from './fhir-export-ports.js';
import { loadPatientRecord, peopleOf, type RecordRepos } from './load-patient-record.js';

type Repos = RecordRepos & Pick<ClinicRepositories, 'audit' | 'fhirExport' | 'patients'>;

/** Where to look for the patient of a resource of this type and id. */
function ownerOf(type: ExportedType, id: string): { entity: OwnedEntity; id: string }[] | 'patient' | 'none' {
  switch (type) {
    case 'Patient':
      return 'patient';
    case 'Practitioner':
      return 'none';
    case 'Condition':
      return [{ entity: 'condition', id }];
    case 'AllergyIntolerance':
      return [{ entity: 'allergy', id }];
    case 'MedicationStatement':
      return [{ entity: 'medicine', id }];
    case 'Observation': {
      const pre = painObservationId('pre', '');
      const post = painObservationId('post', '');
      if (id.startsWith(pre)) return [{ entity: 'visit', id: id.slice(pre.length) }];
      if (id.startsWith(post)) return [{ entity: 'note', id: id.slice(post.length) }];
      return [{ entity: 'observation', id }];
    }
    case 'Encounter':
      return [{ entity: 'visit', id }];
    case 'Procedure':
    case 'Provenance':
      return [{ entity: 'note', id }];
    case 'MedicationAdministration':
      return [
        { entity: 'administration', id },
        { entity: 'earlier-administration', id },
      ];
    case 'Consent':
    case 'DocumentReference':
      return [{ entity: 'consent', id }];
    case 'AdverseEvent':
      return [{ entity: 'complication', id }];
  }
}

export async function readFhirResource(
  input: {
    readonly type: ExportedType;
    readonly id: string;
    readonly actor: Actor;
    readonly at: number;
    readonly context: ExportContext;
  },
  repos: Repos,
): Promise<{ readonly ok: true; readonly resource: Resource } | UseCaseFailure> {
  const { type, id, actor, at } = input;
  const entity = `${type}/${id}`;
  const resource = await find(input, repos);
  const patientId = resource?.patientId ?? null;
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'patient.fhir.read',
      entity,
      patientId,
      outcome: resource ? 'success' : 'failed',
      ...(resource ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  if (!resource) return { ok: false, code: 'not-found', detail: `no ${entity} in this clinic` };
  return { ok: true, resource: resource.resource };
}

async function find(
  input: { readonly type: ExportedType; readonly id: string; readonly context: ExportContext },
  repos: Repos,
): Promise<{ resource: Resource; patientId: string | null } | undefined> {
  const { type, id } = input;
  const where = ownerOf(type, id);
  if (where === 'none') {
    const people = await peopleOf([id], repos);
    if (!people.has(id)) return undefined;
    const [resource] = exportPractitioners(people, [id]);
    return resource ? { resource, patientId: null } : undefined;
  }
  let patientId: string | undefined;
  if (where === 'patient') patientId = id;
  else {
    for (const w of where) {
      patientId = await repos.fhirExport.patientOf(w.entity, w.id);
      if (patientId) break;
    }
  }
  if (!patientId) return undefined;
  const record = await loadPatientRecord(patientId, repos);
  if (!record) return undefined;
  const resource = patientResources(record, input.context).find((r) => r.resourceType === type && r.id === id);
  return resource ? { resource, patientId } : undefined;
}
