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
const CLINICIAN: readonly Role[] = ['clinician'];
const ASYNC = { prefer: 'respond-async' };

/** A Bulk Data export started by the clinician: its status URL (without the public base). */
async function startExport(rig: ClinicRig): Promise<string> {
  const r = await rig.call('clinician', 'GET', '/fhir/R4/$export?_type=Patient', undefined, ASYNC);
  return String(r.headers['content-location']).replace(/^https?:\/\/[^/]+/, '');
}

/** The first file of a finished export (polled until done). */
async function exportedFile(rig: ClinicRig): Promise<string> {
  const status = await startExport(rig);
  for (let i = 0; i < 500; i++) {
    const r = await rig.call('clinician', 'GET', status);
    if (r.statusCode === 200) {
      const url = r.json<{ output: { url: string }[] }>().output[0]?.url ?? '';
      return url.replace(/^https?:\/\/[^/]+/, '');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the export did not finish');
}
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
  'GET /fhir/R4/$export': {
    who: CLINICIAN,
    scopes: ['charts:read'],
    ok: 202,
    prepare: () => ({ url: '', headers: ASYNC }),
  },
  // Running (202) or done (200): either is the permitted answer.
  'GET /fhir/R4/$export-status/:jobId': {
    who: CLINICIAN,
    scopes: ['charts:read'],
    prepare: async (rig) => ({ url: await startExport(rig) }),
  },
  'DELETE /fhir/R4/$export-status/:jobId': {
    who: CLINICIAN,
    scopes: ['charts:read'],
    ok: 202,
    prepare: async (rig) => ({ url: await startExport(rig) }),
  },
  'GET /fhir/R4/$export-file/:jobId/:file': {
    who: CLINICIAN,
    scopes: ['charts:read'],
    ok: 200,
    prepare: async (rig) => ({ url: await exportedFile(rig) }),
  },
  ...Object.fromEntries(EXPORTED_TYPES.map((type) => [`GET /fhir/R4/${type}/:id`, readRow(type)])),
};
