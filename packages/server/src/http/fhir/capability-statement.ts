// GET /fhir/R4/metadata: the CapabilityStatement of exactly what the server does in FHIR R4 (issue
// 5 item 4): read of each exported type, Patient/$everything, the clinic-level Bulk Data $export
// (FHIR Bulk Data Access IG), and the import of transaction and collection Bundles (POST /fhir/R4,
// answered as a transaction-response or batch-response). Nothing else is claimed.
import type { CapabilityStatement } from '@medplum/fhirtypes';
import { EXPORTED_TYPES } from '../../fhir/export/patient-resources.js';

/** What POST /fhir/R4 (http/fhir/import-route.ts) takes in: its resources are created or updated. */
const IMPORTED_TYPES = [
  'Patient',
  'Condition',
  'AllergyIntolerance',
  'MedicationStatement',
  'MedicationRequest',
  'Observation',
];

export function capabilityStatement(
  publicBaseUrl: string,
  software: { version: string; date: string },
): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: software.date,
    kind: 'instance',
    software: { name: 'Knotwork', version: software.version },
    implementation: { description: 'Knotwork trigger point injection service', url: `${publicBaseUrl}/fhir/R4` },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    instantiates: ['http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data'],
    rest: [
      {
        mode: 'server',
        security: {
          description:
            'A signed-in clinician or nurse (session cookie), or an API token with the charts:read scope for reads ' +
            'and exports (charts:write for the import). The Bulk Data export is for clinicians and tokens.',
        },
        resource: EXPORTED_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' as const }],
          ...(type === 'Patient'
            ? {
                operation: [
                  { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
                ],
              }
            : {}),
        })),
        // Only as a whole Bundle (POST /fhir/R4): there is no create or update of one resource.
        interaction: [
          { code: 'transaction', documentation: `POST a transaction Bundle of ${IMPORTED_TYPES.join(', ')}` },
          { code: 'batch', documentation: 'POST a collection Bundle of the same: answered as a batch-response' },
        ],
        operation: [{ name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' }],
      },
    ],
  };
}
