// The in-memory twin of Repositories: every clinic's data in maps, for use-case and HTTP tests
// and for the repository contract suite. `inClinic` shows one clinic's rows only, like row-level
// security does in the database.
import { DEFAULT_POLICY, type ScreeningPolicy } from '@knotwork/core';
import { memoryAuditSink, type AuditEvent } from '../audit-event.js';
import type { Chart } from '../fhir/chart.js';
import type { CdsClient } from '../http/deps.js';
import type { SessionRecord, UserRecord } from './auth/auth-ports.js';
import { memorySessionStore, memoryUserStore } from './auth/memory-auth-stores.js';
import type {
  ClinicRepositories,
  NewPatient,
  PatientQuery,
  PatientStore,
  PatientSummary,
  Repositories,
  Visit,
  VisitStore,
} from './ports.js';
import { memoryScreenStore } from './visits/visit-ports.js';

interface ClinicData {
  readonly patients: Map<string, PatientSummary>;
  readonly charts: Map<string, Chart>;
  readonly visits: Map<string, Visit>;
  readonly screens: ReturnType<typeof memoryScreenStore>;
  policy: ScreeningPolicy;
}

export interface MemoryRepositories extends Repositories {
  readonly audit: AuditEvent[];
  readonly users: Map<string, UserRecord>;
  readonly sessions: Map<string, SessionRecord>;
  readonly cdsClients: Map<string, CdsClient>;
  /** Seeds a chart (and its patient) into a clinic. */
  addChart(clinicId: string, chart: Chart): void;
  setPolicy(clinicId: string, policy: ScreeningPolicy): void;
}

function matches(p: PatientSummary, q: PatientQuery): boolean {
  const name = q.name?.trim().toLowerCase();
  if (name && !(p.family.toLowerCase().startsWith(name) || p.given.some((g) => g.toLowerCase().startsWith(name))))
    return false;
  if (q.identifier && !p.identifiers.some((i) => i.value === q.identifier)) return false;
  if (q.birthDate && p.birthDate !== q.birthDate) return false;
  return true;
}

/** Family, given, id: a stable order for pages; the cursor is the last item's key. */
function sortKey(p: PatientSummary): string {
  return `${p.family.toLowerCase()}\u0000${p.given.join(' ').toLowerCase()}\u0000${p.id}`;
}

function patientStore(data: ClinicData, newId: () => string): PatientStore {
  return {
    search: (q) => {
      const all = [...data.patients.values()]
        .filter((p) => matches(p, q))
        .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
      const after = q.cursor ? Buffer.from(q.cursor, 'base64url').toString('utf8') : undefined;
      const rest = after === undefined ? all : all.filter((p) => sortKey(p) > after);
      const items = rest.slice(0, q.limit);
      const last = items.at(-1);
      const next = rest.length > q.limit && last ? Buffer.from(sortKey(last), 'utf8').toString('base64url') : null;
      return Promise.resolve({ items, next });
    },
    get: (id) => Promise.resolve(data.patients.get(id)),
    create: (p: NewPatient) => {
      const created: PatientSummary = { ...p, id: newId(), revision: 1 };
      data.patients.set(created.id, created);
      return Promise.resolve(created);
    },
    update: (id, expectedRevision, change) => {
      const current = data.patients.get(id);
      if (!current) return Promise.resolve(undefined);
      if (current.revision !== expectedRevision) return Promise.resolve('stale' as const);
      const updated: PatientSummary = { ...change, id, revision: current.revision + 1 };
      data.patients.set(id, updated);
      return Promise.resolve(updated);
    },
  };
}

function visitStore(data: ClinicData, newId: () => string): VisitStore {
  return {
    create: (v) => {
      const visit: Visit = { ...v, id: newId(), status: 'in-progress' };
      data.visits.set(visit.id, visit);
      return Promise.resolve(visit);
    },
    get: (id) => Promise.resolve(data.visits.get(id)),
  };
}

export function memoryRepositories(options: { newId?: () => string } = {}): MemoryRepositories {
  let n = 0;
  const newId = options.newId ?? (() => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
  const clinics = new Map<string, ClinicData>();
  const clinic = (clinicId: string): ClinicData => {
    let data = clinics.get(clinicId);
    if (!data) {
      data = {
        patients: new Map(),
        charts: new Map(),
        visits: new Map(),
        screens: memoryScreenStore(),
        policy: DEFAULT_POLICY,
      };
      clinics.set(clinicId, data);
    }
    return data;
  };
  const auditSink = memoryAuditSink();
  const users = memoryUserStore();
  const sessions = memorySessionStore();
  const cdsClients = new Map<string, CdsClient>();

  return {
    audit: auditSink.events,
    users: users.users,
    sessions: sessions.sessions,
    cdsClients,
    addChart: (clinicId, chart) => {
      const data = clinic(clinicId);
      const { patient } = chart;
      data.patients.set(patient.id, {
        id: patient.id,
        identifiers: patient.identifiers,
        family: patient.family,
        given: patient.given,
        birthDate: patient.birthDate ?? null,
        sex: patient.sex ?? null,
        revision: 1,
      });
      data.charts.set(patient.id, chart);
    },
    setPolicy: (clinicId, policy) => {
      clinic(clinicId).policy = policy;
    },
    inClinic: async (clinicId, work) => {
      const data = clinic(clinicId);
      const repos: ClinicRepositories = {
        clinicId,
        patients: patientStore(data, newId),
        visits: visitStore(data, newId),
        charts: {
          loadChart: (patientId) => {
            const chart = data.charts.get(patientId);
            const patient = data.patients.get(patientId);
            if (chart) return Promise.resolve(chart);
            if (!patient) return Promise.resolve(undefined);
            return Promise.resolve({
              patient: { ...patient, birthDate: patient.birthDate ?? undefined, sex: patient.sex ?? undefined },
              allergiesReviewedAt: null,
              medicationsReconciledAt: null,
              conditions: [],
              allergies: [],
              medicines: [],
              observations: [],
              administrations: [],
            });
          },
        },
        policies: { currentPolicy: () => Promise.resolve(data.policy) },
        screens: data.screens,
        audit: { record: (e) => auditSink.record({ ...e, clinicId }) },
      };
      return work(repos);
    },
    system: {
      users,
      sessions,
      cdsClients: { find: (issuer) => Promise.resolve(cdsClients.get(issuer)) },
      audit: auditSink,
    },
  };
}
