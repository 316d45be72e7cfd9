// CDS Hooks discovery (SCREENING.md section 1): the one service, its hook and a prefetch template
// for each key of section 2, built from the catalogue so the codes asked for are the codes read.
import { catalogue, PREFETCH_KEYS, type PrefetchKey } from '@knotwork/core';

export const TPI_SERVICE_ID = 'tpi-screening';
export const CDS_SERVICES_PATH = '/cds-services';
export const TPI_SERVICE_PATH = `${CDS_SERVICES_PATH}/${TPI_SERVICE_ID}`;

const PATIENT = '{{context.patientId}}';

/** Every LOINC code a screening rule reads (weight, temperature, INR, platelets, pregnancy status). */
export function observationCodes(): string[] {
  const codes = Object.values(catalogue.observations).flatMap((o) => o.loinc as readonly string[]);
  return [...new Set(codes)];
}

// MedicationStatement cannot join MedicationRequest in one portable FHIR query, so the template asks
// for MedicationRequests; the engine also reads MedicationStatements a client puts in the Bundle.
export function prefetchTemplates(): Record<PrefetchKey, string> {
  const templates = {
    patient: `Patient/${PATIENT}`,
    conditions: `Condition?patient=${PATIENT}`,
    allergies: `AllergyIntolerance?patient=${PATIENT}`,
    medications: `MedicationRequest?patient=${PATIENT}&status=active,on-hold`,
    observations: `Observation?patient=${PATIENT}&code=${observationCodes().join(',')}`,
    medicationAdministrations: `MedicationAdministration?patient=${PATIENT}`,
  } satisfies Record<PrefetchKey, string>;
  // The object literal is checked against the key list; this keeps the order of PREFETCH_KEYS.
  return Object.fromEntries(PREFETCH_KEYS.map((k) => [k, templates[k]])) as Record<PrefetchKey, string>;
}

export interface CdsServiceDescription {
  readonly hook: string;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly prefetch: Readonly<Record<string, string>>;
}

export function discoveryDocument(): { services: CdsServiceDescription[] } {
  return {
    services: [
      {
        hook: 'order-sign',
        id: TPI_SERVICE_ID,
        title: 'Knotwork TPI screening',
        description:
          'Screens a planned trigger point injection (CPT 20552/20553) for contraindications, local ' +
          'anaesthetic dose limits and precautions. Called on order-sign; order-select is also accepted. ' +
          'A prefetch key left out is read as unknown, not as normal.',
        prefetch: prefetchTemplates(),
      },
    ],
  };
}
