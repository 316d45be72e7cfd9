// The FHIR routes' rows of the route x role matrix (route-matrix.ts): the public CapabilityStatement,
// and $everything and each type's read (clinicians, nurses, API tokens with charts:read) on the
// resources of a patient with a whole TPI history (fhir-fixtures.ts).
import type { Bundle } from '@medplum/fhirtypes';
import type { Role } from '../../app/auth/auth-ports.js';
import { EXPORTED_TYPES } from '../../fhir/export/patient-resources.js';
import type { ClinicRig } from './clinic-app.js';
import { everythingOf, fullHistory } from './fhir-fixtures.js';
import type { Row } from './route-matrix.js';

const CLINICAL: readonly Role[] = ['clinician', 'nurse'];
const bundles = new WeakMap<ClinicRig, Promise<Bundle>>();

async function bundleOf(rig: ClinicRig): Promise<Bundle> {
  let bundle = bundles.get(rig);
  if (!bundle) {
    bundle = fullHistory(rig).then((h) => everythingOf(rig, h.patientId));
    bundles.set(rig, bundle);
  }
  return bundle;
}

function readRow(type: string): Row {
  return {
    who: CLINICAL,
    scopes: ['charts:read'],
    ok: 200,
    prepare: async (rig) => {
      const entry = (await bundleOf(rig)).entry?.find((e) => e.resource?.resourceType === type);
      return { url: `/fhir/R4/${type}/${entry?.resource?.id ?? 'missing'}` };
    },
  };
}

export const FHIR_ROWS: Readonly<Record<string, Row>> = {
  'GET /fhir/R4/metadata': { who: 'public', ok: 200 },
  'GET /fhir/R4/Patient/:id/$everything': {
    who: CLINICAL,
    scopes: ['charts:read'],
    ok: 200,
    prepare: async (rig) => ({ url: `/fhir/R4/Patient/${(await fullHistory(rig)).patientId}/$everything` }),
  },
  ...Object.fromEntries(EXPORTED_TYPES.map((type) => [`GET /fhir/R4/${type}/:id`, readRow(type)])),
};
