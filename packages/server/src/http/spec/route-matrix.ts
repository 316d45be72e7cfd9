// The route x role matrix: for every route of the app (CDS Hooks, docs and the clinic API), who may
// call it, and a request that a permitted caller would make. auth/route-matrix.test.ts walks it for
// every caller and checks it against what the routes declare; api/bodies.test.ts sends bad bodies
// along the same requests.
import type { InjectOptions } from 'fastify';
import type { ApiScope } from '../../app/auth/api-scopes.js';
import type { Role } from '../../app/auth/auth-ports.js';
import { ALLERGIC_ID, CLEAN_ID, PASSWORD, ROLE_EMAIL, type ClinicRig } from './clinic-app.js';
import { completeNote, RECORD_OF_PLAN, signConsent } from './procedure-fixtures.js';
import { FHIR_ROWS } from './fhir-matrix-rows.js';
import { CLINIC } from './test-app.js';

/** 'public': anyone; 'cds': a registered EHR's JWT; roles: signed-in users with one of them. */
export type Who = 'public' | 'cds' | readonly Role[];

export interface Prepared {
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface Row {
  readonly who: Who;
  /** The scopes with which an API token may call the route too; absent: tokens get 401. */
  readonly scopes?: readonly ApiScope[];
  /** The status a permitted caller gets; when absent, anything but 401, 403 and 5xx. */
  readonly ok?: number;
  readonly prepare?: (rig: ClinicRig, ids: MatrixIds) => Promise<Prepared> | Prepared;
}

export interface MatrixIds {
  readonly visitId: string;
  readonly screenId: string;
  readonly criticalCard: string;
}

const EVERYONE: readonly Role[] = ['clinician', 'nurse', 'clinic-admin'];
const CLINICAL: readonly Role[] = ['clinician', 'nurse'];
const plan = {
  sites: [{ muscle: 'trapezius-upper', side: 'left' }],
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 2 }],
};

const ADMIN: readonly Role[] = ['clinic-admin'];

/** A fresh account (created by the admin) to deactivate, reactivate or reset. */
async function freshUser(rig: ClinicRig, action: string): Promise<Prepared> {
  const email = `matrix.${Math.random().toString(36).slice(2)}@clinic-a.example`;
  const body = { email, displayName: 'Matrix', role: 'nurse', password: PASSWORD };
  const r = await rig.call('clinic-admin', 'POST', '/api/users', body);
  return { url: `/api/users/${r.json<{ id: string }>().id}/${action}` };
}

/** Accounts, the caller's own account, API tokens and the audit log. */
const ADMIN_ROWS: Readonly<Record<string, Row>> = {
  'GET /api/users': { who: ADMIN, ok: 200 },
  'POST /api/users': {
    who: ADMIN,
    ok: 201,
    prepare: () => ({
      url: '',
      body: {
        email: `m.${Math.random().toString(36).slice(2)}@clinic-a.example`,
        displayName: 'M',
        role: 'nurse',
        password: PASSWORD,
      },
    }),
  },
  'POST /api/users/:id/deactivate': { who: ADMIN, ok: 200, prepare: (rig) => freshUser(rig, 'deactivate') },
  'POST /api/users/:id/reactivate': { who: ADMIN, ok: 200, prepare: (rig) => freshUser(rig, 'reactivate') },
  'POST /api/users/:id/reset-password': { who: ADMIN, ok: 200, prepare: (rig) => freshUser(rig, 'reset-password') },
  // A wrong current password: every role reaches the use case (400), and no password changes.
  'POST /api/account/password': {
    who: EVERYONE,
    ok: 400,
    prepare: () => ({ url: '', body: { currentPassword: 'not the password', newPassword: 'another long password' } }),
  },
  'POST /api/account/totp': { who: EVERYONE, ok: 200 },
  'POST /api/account/totp/confirm': { who: EVERYONE, ok: 400, prepare: () => ({ url: '', body: { code: '000000' } }) },
  'DELETE /api/account/totp': { who: EVERYONE, ok: 200, prepare: () => ({ url: '', body: { password: PASSWORD } }) },
  'GET /api/tokens': { who: ADMIN, ok: 200 },
  'POST /api/tokens': {
    who: ADMIN,
    ok: 201,
    prepare: () => ({ url: '', body: { name: 'matrix', scopes: ['patients:read'] } }),
  },
  'DELETE /api/tokens/:id': {
    who: ADMIN,
    ok: 200,
    prepare: async (rig) => {
      const r = await rig.call('clinic-admin', 'POST', '/api/tokens', { name: 'to revoke', scopes: ['charts:read'] });
      return { url: `/api/tokens/${r.json<{ id: string }>().id}` };
    },
  },
  'GET /api/audit': { who: ADMIN, ok: 200 },
};

/** A fresh patient (registered by a clinician) to replace under If-Match "1". */
async function freshPatient(rig: ClinicRig): Promise<string> {
  const r = await rig.call('clinician', 'POST', '/api/patients', { family: 'Matrix' });
  return r.json<{ id: string }>().id;
}

/** What a permitted caller records of each kind (POST), and replaces it with (PUT). */
const ENTRY_BODIES: Readonly<Record<string, unknown>> = {
  conditions: { icd10: 'M79.18', display: 'Myalgia, other site' },
  allergies: { substance: { kind: 'text', text: 'Elastoplast' }, type: 'intolerance' },
  medicines: { display: 'Paracetamol 1 g' },
  observations: { loinc: '29463-7', value: { quantity: 80, unit: 'kg' }, at: '2026-11-27T09:00:00Z' },
  'earlier-administrations': { injectate: 'triamcinolone-40', volumeMl: 1, at: '2026-09-14' },
};

/** A fresh entry (recorded by a clinician) to replace or mark entered in error under If-Match "1". */
async function freshEntry(rig: ClinicRig, segment: string): Promise<string> {
  const url = `/api/patients/${ALLERGIC_ID}/${segment}`;
  const r = await rig.call('clinician', 'POST', url, ENTRY_BODIES[segment]);
  return `${url}/${r.json<{ id: string }>().id}`;
}

/** The rows of one kind of entry: POST, PUT when it has one, and DELETE (entered in error). */
function entryRows(segment: string, replaceable: boolean): Record<string, Row> {
  const path = `/api/patients/:id/${segment}`;
  const change = (body?: unknown) => async (rig: ClinicRig) => ({
    url: await freshEntry(rig, segment),
    ...(body === undefined ? {} : { body }),
    headers: { 'if-match': '"1"' },
  });
  return {
    [`POST ${path}`]: { who: CLINICAL, ok: 201, prepare: () => ({ url: '', body: ENTRY_BODIES[segment] }) },
    ...(replaceable
      ? { [`PUT ${path}/:entryId`]: { who: CLINICAL, ok: 200, prepare: change(ENTRY_BODIES[segment]) } }
      : {}),
    [`DELETE ${path}/:entryId`]: { who: CLINICAL, ok: 200, prepare: change() },
  };
}

/** A plan with trigger-point findings, for PUT /api/visits/:id/plan. */
export const PLAN_BODY = {
  sites: [
    {
      muscle: 'trapezius-upper',
      side: 'left',
      findings: { tautBand: true, localTwitch: true, referredPain: false, jumpSign: false },
    },
  ],
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 2 }],
};

/** A fresh visit of the allergic patient (started by a clinician), optionally with its plan. */
async function freshVisit(rig: ClinicRig, withPlan: boolean): Promise<string> {
  const visit = await rig.call('clinician', 'POST', `/api/patients/${ALLERGIC_ID}/visits`);
  const visitId = visit.json<{ id: string }>().id;
  if (withPlan) {
    await rig.call('clinician', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
  }
  return visitId;
}

/** PLAN_BODY as the screen route takes it (sites without findings). */
export const SCREEN_OF_PLAN = {
  sites: PLAN_BODY.sites.map(({ muscle, side }) => ({ muscle, side })),
  products: PLAN_BODY.products,
};

/**
 * A fresh procedure note (a clinician's), of a visit of the patient with nothing critical: planned,
 * screened when `stage` asks for it, started, and signed for 'signed'. Answers the note's URL.
 */
async function freshNote(rig: ClinicRig, stage: 'draft' | 'screened' | 'signed'): Promise<string> {
  const visit = await rig.call('clinician', 'POST', `/api/patients/${CLEAN_ID}/visits`);
  const visitId = visit.json<{ id: string }>().id;
  await rig.call('clinician', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
  if (stage !== 'draft') await rig.call('clinician', 'POST', `/api/visits/${visitId}/screens`, SCREEN_OF_PLAN);
  const note = await rig.call('clinician', 'POST', `/api/visits/${visitId}/note`);
  const url = `/api/notes/${note.json<{ id: string }>().id}`;
  if (stage === 'draft') return url;
  const etag = await completeNote(rig, visitId, url);
  if (stage === 'signed') await rig.call('clinician', 'POST', `${url}/sign`, undefined, { 'if-match': etag });
  return url;
}

/** A fresh complication (recorded by a clinician) of the matrix visit, to mark entered in error. */
async function freshComplication(rig: ClinicRig, visitId: string): Promise<string> {
  const r = await rig.call('clinician', 'POST', `/api/visits/${visitId}/complications`, COMPLICATION_BODY);
  return r.json<{ id: string }>().id;
}

const COMPLICATION_BODY = {
  type: 'vasovagal',
  severity: 'mild',
  onset: '2026-11-27T10:05:00Z',
  action: 'Laid supine, legs raised; recovered in 2 minutes',
  note: null,
};

/** The first follow-up link's token of a freshly signed note (the twin derives it). */
async function freshLinkToken(rig: ClinicRig): Promise<string> {
  const noteId = (await freshNote(rig, 'signed')).split('/').at(-1) ?? '';
  return rig.repos.inClinic(CLINIC, async (r) => {
    const [link] = await r.followUps.ofVisit((await r.notes.get(noteId))?.visitId ?? '');
    return link ? r.followUps.tokenOf(link.id) : '';
  });
}

const FOLLOW_UP_ANSWERS = { painNrs: 3, reliefPct: 50, sideEffects: [], redFlags: ['fainting'], pgic: 3 };

/** A fresh open task (a red flag answered on a fresh link). */
async function freshTask(rig: ClinicRig): Promise<string> {
  await rig.call('anonymous', 'POST', `/api/follow-up/${await freshLinkToken(rig)}/answers`, FOLLOW_UP_ANSWERS);
  return rig.repos.inClinic(CLINIC, async (r) => (await r.tasks.list('open')).find((t) => t.revision === 1)?.id ?? '');
}

/** Issue 6: the patient's follow-up form (public, token only) and the clinic's tasks. */
const FOLLOW_UP_ROWS: Readonly<Record<string, Row>> = {
  'GET /api/follow-up/:token': {
    who: 'public',
    ok: 200,
    prepare: async (rig) => ({ url: `/api/follow-up/${await freshLinkToken(rig)}` }),
  },
  'POST /api/follow-up/:token/answers': {
    who: 'public',
    ok: 201,
    prepare: async (rig) => ({
      url: `/api/follow-up/${await freshLinkToken(rig)}/answers`,
      body: FOLLOW_UP_ANSWERS,
    }),
  },
  'GET /api/tasks': { who: EVERYONE, ok: 200 },
  'GET /api/patients/:id/outcomes': { who: CLINICAL, ok: 200 },
  'GET /api/dashboard/outcomes': { who: EVERYONE, ok: 200 },
  'GET /api/dashboard/outcomes.csv': { who: EVERYONE, ok: 200 },
  'GET /api/settings/eligibility-pack': { who: EVERYONE, ok: 200 },
  'PUT /api/settings/eligibility-pack': {
    who: ADMIN,
    ok: 200,
    prepare: async (rig) => {
      const current = await rig.call('clinic-admin', 'GET', '/api/settings/eligibility-pack');
      return { url: '', body: { packId: 'evicore-cmm-202' }, headers: { 'if-match': String(current.headers.etag) } };
    },
  },
  'POST /api/tasks/:id/acknowledge': {
    who: EVERYONE,
    ok: 200,
    prepare: async (rig) => ({ url: `/api/tasks/${await freshTask(rig)}/acknowledge`, headers: { 'if-match': '"1"' } }),
  },
  'POST /api/tasks/:id/resolve': {
    who: EVERYONE,
    ok: 200,
    prepare: async (rig) => ({ url: `/api/tasks/${await freshTask(rig)}/resolve`, headers: { 'if-match': '"1"' } }),
  },
};

export const MATRIX: Readonly<Record<string, Row>> = {
  'GET /api/docs': { who: 'public' },
  'HEAD /api/docs/': { who: 'public' },
  'GET /api/docs/static/index.html': { who: 'public', ok: 302 },
  'GET /api/docs/static/swagger-initializer.js': { who: 'public', ok: 200 },
  'GET /api/docs/json': { who: 'public', ok: 200 },
  'GET /api/docs/yaml': { who: 'public', ok: 200 },
  'GET /api/docs/static/*': { who: 'public', ok: 200, prepare: () => ({ url: '/api/docs/static/swagger-ui.css' }) },
  'GET /api/openapi.json': { who: 'public', ok: 200 },
  'GET /api/education': {
    who: 'public',
    ok: 200,
    prepare: () => ({ url: '/api/education?muscles=trapezius-upper,rhomboids&injectates=lidocaine-1pct' }),
  },
  'GET /cds-services': { who: 'public', ok: 200 },
  'POST /cds-services/tpi-screening': { who: 'cds', ok: 400, prepare: () => ({ url: '', body: { hook: 'x' } }) },
  'POST /cds-services/tpi-screening/feedback': {
    who: 'cds',
    ok: 200,
    prepare: () => ({
      url: '',
      body: { feedback: [{ card: 'c1', outcome: 'accepted', outcomeTimestamp: '2026-11-27T10:00:00Z' }] },
    }),
  },
  'POST /api/session': {
    who: 'public',
    ok: 200,
    prepare: () => ({ url: '', body: { email: ROLE_EMAIL.nurse, password: PASSWORD } }),
  },
  'GET /api/session': { who: EVERYONE, ok: 200 },
  'DELETE /api/session': { who: EVERYONE, ok: 204 },
  'GET /api/patients': { who: EVERYONE, scopes: ['patients:read'], ok: 200 },
  'POST /api/patients': { who: EVERYONE, ok: 201, prepare: () => ({ url: '', body: { family: 'Matrix' } }) },
  'GET /api/patients/:id': { who: EVERYONE, scopes: ['patients:read'], ok: 200 },
  'PUT /api/patients/:id': {
    who: EVERYONE,
    ok: 200,
    prepare: async (rig) => ({
      url: `/api/patients/${await freshPatient(rig)}`,
      body: { family: 'Matrix', given: ['Changed'] },
      headers: { 'if-match': '"1"' },
    }),
  },
  'GET /api/patients/:id/chart': { who: CLINICAL, scopes: ['charts:read'], ok: 200 },
  // An EHR's FHIR import: the first call creates the patient, the others find it unchanged.
  'POST /fhir/R4': {
    who: CLINICAL,
    scopes: ['charts:write'],
    ok: 200,
    prepare: () => ({
      url: '/fhir/R4',
      body: {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            fullUrl: 'urn:uuid:matrix-patient',
            resource: {
              resourceType: 'Patient',
              identifier: [{ system: 'urn:oid:2.16.840.1.113883.19.5', value: 'MATRIX-1' }],
              name: [{ family: 'Matrix', given: ['Imported'] }],
            },
          },
        ],
      },
    }),
  },
  ...entryRows('conditions', true),
  ...entryRows('allergies', true),
  ...entryRows('medicines', true),
  ...entryRows('observations', false),
  ...entryRows('earlier-administrations', false),
  'POST /api/patients/:id/allergies/reviewed': {
    who: CLINICAL,
    ok: 200,
    // Ben Hartley has an active allergy: the list as recorded is complete.
    prepare: () => ({ url: '', body: { noKnownAllergies: false } }),
  },
  'POST /api/patients/:id/medicines/reconciled': { who: CLINICAL, ok: 200 },
  'POST /api/patients/:id/visits': { who: CLINICAL, ok: 201 },
  'GET /api/patients/:id/visits': { who: CLINICAL, ok: 200 },
  'GET /api/visits/:id': { who: CLINICAL, ok: 200 },
  'POST /api/visits/:id/end': {
    who: CLINICAL,
    ok: 200,
    prepare: async (rig) => ({
      url: `/api/visits/${await freshVisit(rig, false)}/end`,
      body: { outcome: 'stopped', reason: 'critical allergy card not overridden' },
      headers: { 'if-match': '"1"' },
    }),
  },
  'POST /api/visits/:id/screens': { who: CLINICAL, ok: 201, prepare: (_, ids) => ({ url: vurl(ids), body: plan }) },
  'POST /api/visits/:id/plan/screen': { who: CLINICAL, ok: 201 },
  'PUT /api/visits/:id/plan': {
    who: CLINICAL,
    ok: 201,
    prepare: async (rig) => ({
      url: `/api/visits/${await freshVisit(rig, false)}/plan`,
      body: PLAN_BODY,
      headers: { 'if-none-match': '*' },
    }),
  },
  'PUT /api/visits/:id/plan/screened': {
    who: CLINICAL,
    ok: 201,
    prepare: async (rig) => ({
      url: `/api/visits/${await freshVisit(rig, false)}/plan/screened`,
      body: PLAN_BODY,
      headers: { 'if-none-match': '*' },
    }),
  },
  'GET /api/visits/:id/plan': {
    who: CLINICAL,
    ok: 200,
    prepare: async (rig) => ({ url: `/api/visits/${await freshVisit(rig, true)}/plan` }),
  },
  'POST /api/visits/:id/note': {
    who: CLINICAL,
    ok: 201,
    prepare: async (rig) => ({ url: `/api/visits/${await freshVisit(rig, true)}/note` }),
  },
  'GET /api/visits/:id/notes': { who: CLINICAL, ok: 200 },
  'GET /api/visits/:id/consent-form': { who: CLINICAL, ok: 200 },
  'POST /api/visits/:id/consents': {
    who: CLINICAL,
    ok: 201,
    prepare: async (rig, ids) => {
      const form = await rig.call('clinician', 'GET', `/api/visits/${ids.visitId}/consent-form`);
      const formVersion = form.json<{ form: { version: string } }>().form.version;
      return {
        url: '',
        body: {
          formVersion,
          signerKind: 'patient',
          signerName: 'Ada',
          signatureKind: 'typed-name',
          signatureData: 'Ada',
        },
      };
    },
  },
  'GET /api/visits/:id/consents': {
    who: CLINICAL,
    ok: 200,
    prepare: async (rig, ids) => {
      await signConsent(rig, ids.visitId, 'clinician');
      return { url: '' };
    },
  },
  'POST /api/visits/:id/complications': {
    who: CLINICAL,
    ok: 201,
    prepare: () => ({ url: '', body: COMPLICATION_BODY }),
  },
  'GET /api/visits/:id/complications': { who: CLINICAL, ok: 200 },
  'POST /api/complications/:id/entered-in-error': {
    who: CLINICAL,
    ok: 200,
    prepare: async (rig, ids) => ({
      url: `/api/complications/${await freshComplication(rig, ids.visitId)}/entered-in-error`,
      headers: { 'if-match': '"1"' },
    }),
  },
  'GET /api/visits/:id/administrations': { who: CLINICAL, ok: 200 },
  'GET /api/visits/:id/consents/:consentId/pdf': {
    who: CLINICAL,
    ok: 200,
    prepare: async (rig, ids) => {
      const consent = await signConsent(rig, ids.visitId, 'clinician');
      return { url: `/api/visits/${ids.visitId}/consents/${consent.id}/pdf` };
    },
  },
  'GET /api/notes/:id/pdf': {
    who: CLINICAL,
    ok: 200,
    prepare: async (rig) => ({ url: `${await freshNote(rig, 'signed')}/pdf` }),
  },
  'GET /api/visits/:id/discharge/pdf': { who: CLINICAL, ok: 200 },
  'GET /api/visits/:id/last-checklist': { who: CLINICAL, ok: 200 },
  'GET /api/reference/complication-types': { who: CLINICAL, ok: 200 },
  'GET /api/reference/icd10cm': {
    who: EVERYONE,
    ok: 200,
    prepare: () => ({ url: '/api/reference/icd10cm?q=myalgia&limit=5' }),
  },
  'GET /api/visits/:id/baseline': {
    who: CLINICAL,
    ok: 200,
    prepare: async (rig, ids) => {
      const url = `/api/visits/${ids.visitId}/baseline`;
      const body = { indication: { icd10: 'M79.18', display: 'Myalgia' }, painNrs: 6 };
      await rig.call('clinician', 'PUT', url, body, { 'if-none-match': '*' });
      return { url };
    },
  },
  'PUT /api/visits/:id/baseline': {
    who: CLINICAL,
    ok: 201,
    prepare: async (rig) => ({
      url: `/api/visits/${await freshVisit(rig, false)}/baseline`,
      body: { indication: { icd10: 'M79.18', display: 'Myalgia' }, painNrs: 6 },
      headers: { 'if-none-match': '*' },
    }),
  },
  'POST /api/visits/:id/dose': {
    who: CLINICAL,
    ok: 200,
    prepare: () => ({ url: '', body: { products: [{ injectate: 'lidocaine-1pct', volumeMl: 5 }] } }),
  },
  'GET /api/notes/:id/coding': {
    who: CLINICAL,
    ok: 200,
    prepare: async (rig) => ({ url: `${await freshNote(rig, 'draft')}/coding` }),
  },
  'GET /api/visits/:id/discharge': { who: CLINICAL, ok: 200 },
  'POST /api/consent-forms': { who: CLINICAL, ok: 200, prepare: () => ({ url: '', body: SCREEN_OF_PLAN }) },
  'POST /api/patients/:id/documented-visits': {
    who: ['clinician'],
    ok: 201,
    prepare: async (rig) => {
      const form = await rig.call('clinician', 'POST', '/api/consent-forms', SCREEN_OF_PLAN);
      const formVersion = form.json<{ version: string }>().version;
      return {
        url: `/api/patients/${CLEAN_ID}/documented-visits`,
        body: {
          plan: PLAN_BODY,
          consent: {
            formVersion,
            signerKind: 'patient',
            signerName: 'Ada',
            signatureKind: 'typed-name',
            signatureData: 'Ada',
          },
          note: RECORD_OF_PLAN,
        },
      };
    },
  },
  'PUT /api/notes/:id': {
    who: CLINICAL,
    ok: 200,
    prepare: async (rig) => ({
      url: await freshNote(rig, 'draft'),
      body: { findings: 'Two taut bands, local twitch', painNrs: 2 },
      headers: { 'if-match': '"1"' },
    }),
  },
  'POST /api/notes/:id/sign': {
    who: ['clinician'],
    ok: 200,
    prepare: async (rig) => ({ url: `${await freshNote(rig, 'screened')}/sign`, headers: { 'if-match': '"2"' } }),
  },
  'POST /api/notes/:id/amendments': {
    who: ['clinician'],
    ok: 201,
    prepare: async (rig) => ({
      url: `${await freshNote(rig, 'signed')}/amendments`,
      body: { reason: 'Wrong side recorded for site 1' },
    }),
  },
  'GET /api/screens/:id': { who: CLINICAL, ok: 200, prepare: (_, ids) => ({ url: `/api/screens/${ids.screenId}` }) },
  'POST /api/screens/:id/overrides': {
    who: ['clinician'],
    ok: 201,
    prepare: (_, ids) => ({
      url: `/api/screens/${ids.screenId}/overrides`,
      body: { cardUuid: ids.criticalCard, reasonCode: 'other', comment: 'matrix' },
    }),
  },
  'GET /api/settings': { who: EVERYONE, ok: 200 },
  'GET /api/settings/follow-up-schedule': { who: EVERYONE, ok: 200 },
  'GET /api/settings/observation-time': { who: EVERYONE, ok: 200 },
  'PUT /api/settings/follow-up-schedule': {
    who: ADMIN,
    ok: 200,
    prepare: async (rig) => {
      const current = await rig.call('clinic-admin', 'GET', '/api/settings/follow-up-schedule');
      const body = { points: [{ id: 'day-1', label: 'Day 1', after: 'P1D' }] };
      return { url: '', body, headers: { 'if-match': String(current.headers.etag) } };
    },
  },
  'PUT /api/settings/observation-time': {
    who: ADMIN,
    ok: 200,
    prepare: async (rig) => {
      const current = await rig.call('clinic-admin', 'GET', '/api/settings/observation-time');
      return { url: '', body: { minutes: 20 }, headers: { 'if-match': String(current.headers.etag) } };
    },
  },
  'GET /api/settings/screening-policy': { who: ['clinic-admin'], ok: 200 },
  'PUT /api/settings/screening-policy': {
    who: ['clinic-admin'],
    ok: 200,
    prepare: async (rig) => {
      const current = await rig.call('clinic-admin', 'GET', '/api/settings/screening-policy');
      return { url: '', body: { values: {} }, headers: { 'if-match': String(current.headers.etag) } };
    },
  },
  ...ADMIN_ROWS,
  ...FHIR_ROWS,
  ...FOLLOW_UP_ROWS,
};

const vurl = (ids: MatrixIds) => `/api/visits/${ids.visitId}/screens`;

/** The row of a route: HEAD routes share their GET's row unless they have their own. */
export function rowOf(method: string, url: string): Row | undefined {
  return MATRIX[`${method} ${url}`] ?? (method === 'HEAD' ? MATRIX[`GET ${url}`] : undefined);
}

/** A concrete request for a route: the row's, or the route's URL with the matrix's ids. */
export async function requestFor(
  rig: ClinicRig,
  ids: MatrixIds,
  method: string,
  url: string,
): Promise<Prepared & { method: InjectOptions['method'] }> {
  const prepared = (await rowOf(method, url)?.prepare?.(rig, ids)) ?? { url: '' };
  const concrete = url
    .replace('/api/patients/:id', `/api/patients/${ALLERGIC_ID}`)
    .replace('/api/visits/:id', `/api/visits/${ids.visitId}`);
  return { ...prepared, url: prepared.url || concrete, method: method as InjectOptions['method'] };
}

/** Seeds a visit with a plan and a screen that has a critical card, as a clinician. */
export async function matrixIds(rig: ClinicRig): Promise<MatrixIds> {
  const visit = await rig.call('clinician', 'POST', `/api/patients/${ALLERGIC_ID}/visits`);
  const visitId = visit.json<{ id: string }>().id;
  await rig.call('clinician', 'PUT', `/api/visits/${visitId}/plan`, PLAN_BODY, { 'if-none-match': '*' });
  const screen = await rig.call('clinician', 'POST', vurl({ visitId, screenId: '', criticalCard: '' }), plan);
  const { screenId, cards } = screen.json<{ screenId: string; cards: { uuid: string; indicator: string }[] }>();
  const criticalCard = cards.find((c) => c.indicator === 'critical')?.uuid ?? '';
  return { visitId, screenId, criticalCard };
}
