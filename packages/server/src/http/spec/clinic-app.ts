// The clinic API on the in-memory repositories, for `fastify.inject` tests: three users of clinic A
// (one per role) and a clinician of clinic B, two charts, a wall clock the test moves, a sign-in
// helper per role and request helpers that carry the cookie and the CSRF token.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { API_SCOPES } from '../../app/auth/api-scopes.js';
import type { Role, UserRecord } from '../../app/auth/auth-ports.js';
import { hashPassword } from '../../app/auth/passwords.js';
import { tokenHash } from '../../app/auth/session-token.js';
import { memoryRepositories, type MemoryRepositories } from '../../app/memory-repositories.js';
import { fixedClock } from '../../clock.js';
import type { Chart } from '../../fhir/chart.js';
import type { AppDeps } from '../deps.js';
import { buildTestApp, CLINIC, signToken, type TestRig } from './test-app.js';

export const CLINIC_B = 'clinic-b';
export const PASSWORD = 'quiet trapezius morning';
export const AS_OF = Date.parse('2026-11-27T10:00:00Z');
export const ROLE_EMAIL: Readonly<Record<Role, string>> = {
  clinician: 'dr.lee@clinic-a.example',
  nurse: 'nurse.ito@clinic-a.example',
  'clinic-admin': 'admin@clinic-a.example',
};
export const OTHER_CLINICIAN = 'dr.ross@clinic-b.example';

/** Ben Hartley: a lidocaine allergy (a critical drug-allergy card for any lidocaine product). */
export const ALLERGIC_ID = '7d1c7a52-6f55-4c1e-9a63-1f0d2b8e4a01';
/** Ada Okafor: a clean screen. */
export const CLEAN_ID = '7d1c7a52-6f55-4c1e-9a63-1f0d2b8e4a02';
/** A patient of clinic B. */
export const OTHER_CLINIC_ID = '7d1c7a52-6f55-4c1e-9a63-1f0d2b8e4a03';

const iso = (daysAgo: number) => new Date(AS_OF - daysAgo * 86_400_000).toISOString();

function chart(id: string, mrn: string, family: string, given: string, allergic: boolean): Chart {
  return {
    patient: { id, identifiers: [{ system: 'urn:knotwork:mrn', value: mrn }], family, given: [given] },
    allergiesReviewedAt: iso(2),
    medicationsReconciledAt: iso(2),
    conditions: [
      {
        id: `${mrn}-c1`,
        icd10: 'M79.18',
        display: 'Myalgia, other site',
        clinicalStatus: 'active',
        verificationStatus: 'confirmed',
      },
    ],
    allergies: allergic
      ? [
          {
            id: `${mrn}-a1`,
            substance: { kind: 'ingredient', code: 'lidocaine', text: 'Lidocaine' },
            type: 'allergy',
            criticality: 'high',
            clinicalStatus: 'active',
            verificationStatus: 'confirmed',
          },
        ]
      : [],
    medicines: [],
    observations: [
      {
        id: `${mrn}-o1`,
        loinc: '29463-7',
        value: { quantity: 80, unit: 'kg' },
        at: iso(7),
        status: 'final',
      },
    ],
    administrations: [],
  };
}

let hash: Promise<string> | undefined;

function user(id: string, clinicId: string, email: string, role: Role, passwordHash: string): UserRecord {
  return {
    id,
    clinicId,
    email,
    displayName: email.split('@')[0] ?? email,
    role,
    passwordHash,
    active: true,
    failedLogins: 0,
    lockedUntil: null,
    totpSecret: null,
    mustChangePassword: false,
  };
}

export interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly response: LightMyRequestResponse;
}

export type Caller = 'anonymous' | Role | 'cds-client' | 'api-token';
export const CALLERS: readonly Caller[] = [
  'anonymous',
  'clinician',
  'nurse',
  'clinic-admin',
  'cds-client',
  'api-token',
];
/** Clinic A's API token with every scope, the `api-token` caller's. */
export const API_TOKEN = 'kwt_matrix-token-with-every-scope';

export interface ClinicRig extends TestRig {
  readonly repos: MemoryRepositories;
  /** Moves the wall clock (sessions, audit times, JWT checks). */
  advance(ms: number): void;
  signIn(role: string, password?: string): Promise<Session>;
  /** A request as a signed-in session (cookie and CSRF token unless `csrf` says otherwise). */
  as(
    session: Session,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    more?: { csrf?: string | null; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  /** A request as any caller, signing in roles once and a fresh JWT for the CDS client. */
  call(
    caller: Caller,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Forgets the signed-in sessions `call` keeps (after signing out). */
  forget(caller: Caller): void;
}

export async function buildClinicApp(overrides: Partial<AppDeps> = {}): Promise<ClinicRig> {
  const passwordHash = await (hash ??= hashPassword(PASSWORD));
  const repos = memoryRepositories();
  const users: UserRecord[] = [
    user('u-clinician', CLINIC, ROLE_EMAIL.clinician, 'clinician', passwordHash),
    user('u-nurse', CLINIC, ROLE_EMAIL.nurse, 'nurse', passwordHash),
    user('u-admin', CLINIC, ROLE_EMAIL['clinic-admin'], 'clinic-admin', passwordHash),
    user('u-other', CLINIC_B, OTHER_CLINICIAN, 'clinician', passwordHash),
  ];
  for (const u of users) repos.users.set(u.id, u);
  repos.apiTokens.set('t-all', {
    id: 't-all',
    clinicId: CLINIC,
    name: 'every scope',
    tokenHash: tokenHash(API_TOKEN),
    scopes: API_SCOPES,
    createdBy: 'u-admin',
    createdAt: AS_OF,
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    revokedBy: null,
  });
  repos.addChart(CLINIC, chart(ALLERGIC_ID, 'KW-1002', 'Hartley', 'Ben', true));
  repos.addChart(CLINIC, chart(CLEAN_ID, 'KW-1001', 'Okafor', 'Ada', false));
  repos.addChart(CLINIC_B, chart(OTHER_CLINIC_ID, 'KW-9001', 'Berg', 'Ida', false));
  let now = Date.now();
  const rig = await buildTestApp({
    repos,
    clock: fixedClock(AS_OF),
    wallClock: () => now,
    loginRateLimit: { max: 1000, timeWindow: '1 minute' },
    ...overrides,
  });

  const signIn = async (role: string, password = PASSWORD): Promise<Session> => {
    const email = Object.hasOwn(ROLE_EMAIL, role) ? ROLE_EMAIL[role as Role] : role;
    const response = await rig.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
    const setCookie = [response.headers['set-cookie'] ?? []].flat()[0] ?? '';
    const body = response.statusCode === 200 ? response.json<{ csrfToken: string }>() : { csrfToken: '' };
    return { cookie: setCookie.split(';')[0] ?? '', csrfToken: body.csrfToken, response };
  };
  const inject = (method: InjectOptions['method'], url: string, body: unknown, headers: Record<string, string>) =>
    rig.app.inject({
      method,
      url,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const as: ClinicRig['as'] = (session, method, url, body, more = {}) => {
    const csrf = more.csrf === undefined ? session.csrfToken : more.csrf;
    return inject(method, url, body, {
      cookie: session.cookie,
      ...(csrf === null ? {} : { 'x-csrf-token': csrf }),
      ...more.headers,
    });
  };
  const sessions = new Map<Caller, Session>();
  const call: ClinicRig['call'] = async (caller, method, url, body, headers = {}) => {
    if (caller === 'anonymous') return inject(method, url, body, headers);
    if (caller === 'api-token') return inject(method, url, body, { authorization: `Bearer ${API_TOKEN}`, ...headers });
    if (caller === 'cds-client') {
      return inject(method, url, body, { authorization: `Bearer ${await signToken({ now })}`, ...headers });
    }
    let session = sessions.get(caller);
    if (!session) sessions.set(caller, (session = await signIn(caller)));
    return as(session, method, url, body, { headers });
  };
  return {
    ...rig,
    repos,
    advance: (ms) => void (now += ms),
    signIn,
    as,
    call,
    forget: (caller) => void sessions.delete(caller),
  };
}
