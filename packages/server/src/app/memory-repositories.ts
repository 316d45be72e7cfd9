// The in-memory twin of Repositories: every clinic's data in maps, for use-case and HTTP tests
// and for the repository contract suite. `inClinic` shows one clinic's rows only, like row-level
// security does in the database.
import { DEFAULT_POLICY, type ScreeningPolicy } from '@knotwork/core';
import { memoryAuditSink, type AuditEvent } from '../audit-event.js';
import type { Chart, ChartPatient } from '../fhir/chart.js';
import type { CdsClient } from '../http/deps.js';
import type { ApiTokenRecord } from './admin/admin-ports.js';
import {
  memoryApiTokenLookup,
  memoryApiTokenStore,
  memoryAuditReader,
  memoryClinicUserStore,
  type AdminState,
} from './admin/memory-admin-stores.js';
import type { SessionRecord, UserRecord } from './auth/auth-ports.js';
import { memorySessionStore, memoryUserStore } from './auth/memory-auth-stores.js';
import { InvalidCursorError } from './db-repositories/invalid-cursor.js';
import type {
  ClinicRepositories,
  NewPatient,
  PatientQuery,
  PatientStore,
  PatientSummary,
  Repositories,
} from './ports.js';
import { emptyChart, memoryRecordStore, storedChart } from './records/memory-record-store.js';
import { memoryImportLinkStore, type ImportLink } from './fhir-import/import-link-ports.js';
import {
  memoryAftercareSettingsStore,
  memoryEligibilityPackStore,
  memoryPolicySettingsStore,
} from './settings/memory-settings-stores.js';
import { memoryScreenStore } from './visits/visit-ports.js';
import {
  copyProcedureData,
  emptyProcedureData,
  procedureStore,
  restoreProcedureData,
} from './memory-procedure-stores.js';
import { memoryBaselineStore } from './memory-baseline-store.js';
import { noteStore, planStore, screenStore, visitStore, type ClinicData } from './memory-visit-stores.js';
import { memoryVisitDocumentation } from './memory-visit-documentation.js';
import { memoryFhirExportReader } from './fhir-export/fhir-export-ports.js';
import {
  copyFollowUpData,
  emptyFollowUpData,
  memoryFollowUpLinkLookup,
  memoryFollowUpStore,
  memoryOutboxStore,
  memoryOutcomeReader,
  memoryTaskStore,
  restoreFollowUpData,
  type FollowUpData,
} from './follow-ups/memory-follow-up-stores.js';
import { ephemeralLinkKey, linkTokens } from './follow-ups/link-tokens.js';

export interface MemoryRepositories extends Repositories {
  readonly audit: AuditEvent[];
  readonly users: Map<string, UserRecord>;
  readonly sessions: Map<string, SessionRecord>;
  readonly cdsClients: Map<string, CdsClient>;
  readonly apiTokens: Map<string, ApiTokenRecord>;
  /** Clinics whose demo logins are allowed (the database's clinics.is_demo). */
  readonly demoClinics: Set<string>;
  /** Seeds a chart (and its patient) into a clinic. */
  addChart(clinicId: string, chart: Chart): void;
  setPolicy(clinicId: string, policy: ScreeningPolicy): void;
  /** Every clinic's stored rows as JSON, to show that a refused request wrote nothing. */
  snapshot(): string;
}

/**
 * As the database stores a patient (db-repositories/patient-rows.ts): given names one word each,
 * an unstated sex as 'unknown', identifiers by system then value.
 */
function normalised(p: NewPatient): NewPatient {
  return {
    identifiers: [...p.identifiers].sort((a, b) =>
      a.system !== b.system ? (a.system < b.system ? -1 : 1) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0,
    ),
    family: p.family,
    given: p.given.flatMap((g) => g.split(/\s+/)).filter((g) => g.length > 0),
    birthDate: p.birthDate,
    sex: p.sex ?? 'unknown',
  };
}

const chartPatient = (p: PatientSummary): ChartPatient => ({
  id: p.id,
  identifiers: p.identifiers,
  family: p.family,
  given: p.given,
  birthDate: p.birthDate ?? undefined,
  sex: p.sex ?? undefined,
});

/** A cursor this twin gave is a sort key: three parts. */
function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key.split('\u0000').length !== 3) throw new InvalidCursorError();
  return key;
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
      const after = q.cursor ? decodeCursor(q.cursor) : undefined;
      const rest = after === undefined ? all : all.filter((p) => sortKey(p) > after);
      const items = rest.slice(0, q.limit);
      const last = items.at(-1);
      const next = rest.length > q.limit && last ? Buffer.from(sortKey(last), 'utf8').toString('base64url') : null;
      return Promise.resolve({ items, next });
    },
    get: (id) => Promise.resolve(data.patients.get(id)),
    create: (p: NewPatient) => {
      const created: PatientSummary = { ...normalised(p), id: newId(), revision: 1 };
      data.patients.set(created.id, created);
      return Promise.resolve(created);
    },
    update: (id, expectedRevision, change) => {
      const current = data.patients.get(id);
      if (!current) return Promise.resolve(undefined);
      if (current.revision !== expectedRevision) return Promise.resolve('stale' as const);
      const updated: PatientSummary = { ...normalised(change), id, revision: current.revision + 1 };
      data.patients.set(id, updated);
      return Promise.resolve(updated);
    },
  };
}

function saveState(data: ClinicData) {
  return {
    patients: new Map(data.patients),
    charts: new Map(data.charts),
    visits: new Map(data.visits),
    plans: new Map(data.plans),
    notes: new Map(data.notes),
    procedures: copyProcedureData(data.procedures),
    baselines: new Map(data.baselines),
    screens: new Map(data.screens.screens),
    overrides: [...data.screens.overrides],
    policyVersions: [...data.policyVersions],
  };
}

function restoreState(data: ClinicData, saved: ReturnType<typeof saveState>): void {
  const refill = <K, V>(map: Map<K, V>, from: Map<K, V>) => {
    map.clear();
    for (const [k, v] of from) map.set(k, v);
  };
  refill(data.patients, saved.patients);
  refill(data.charts, saved.charts);
  refill(data.visits, saved.visits);
  refill(data.plans, saved.plans);
  refill(data.notes, saved.notes);
  restoreProcedureData(data.procedures, saved.procedures);
  refill(data.baselines, saved.baselines);
  refill(data.screens.screens, saved.screens);
  data.screens.overrides.splice(0, data.screens.overrides.length, ...saved.overrides);
  data.policyVersions.splice(0, data.policyVersions.length, ...saved.policyVersions);
}

export function memoryRepositories(
  options: { newId?: () => string; followUpKey?: Uint8Array } = {},
): MemoryRepositories {
  const tokens = linkTokens(options.followUpKey ?? ephemeralLinkKey());
  const followUpData = new Map<string, FollowUpData>();
  const followUpsOf = (clinicId: string): FollowUpData => {
    let d = followUpData.get(clinicId);
    if (!d) followUpData.set(clinicId, (d = emptyFollowUpData()));
    return d;
  };
  let n = 0;
  const newId = options.newId ?? (() => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
  const clinics = new Map<string, ClinicData>();
  // FHIR import links by clinic (kept apart from ClinicData; rolled back with it in inClinic).
  const importLinks = new Map<string, Map<string, ImportLink & { readonly patientId: string }>>();
  const clinic = (clinicId: string): ClinicData => {
    let data = clinics.get(clinicId);
    if (!data) {
      data = {
        patients: new Map(),
        charts: new Map(),
        visits: new Map(),
        screens: memoryScreenStore(),
        plans: new Map(),
        notes: new Map(),
        procedures: emptyProcedureData(),
        baselines: new Map(),
        policyVersions: [],
      };
      clinics.set(clinicId, data);
    }
    return data;
  };
  const auditSink = memoryAuditSink();
  const users = memoryUserStore();
  const sessions = memorySessionStore();
  const cdsClients = new Map<string, CdsClient>();
  const admin: AdminState = {
    users: users.users,
    sessions: sessions.sessions,
    pendingTotp: new Map(),
    apiTokens: new Map(),
    demoClinics: new Set(),
    audit: auditSink.events,
  };
  // The accounts, sessions and tokens a clinic's work changes, to put back when it fails.
  const adminMaps = [admin.users, admin.sessions, admin.pendingTotp, admin.apiTokens] as Map<string, unknown>[];

  const repositories: MemoryRepositories = {
    audit: auditSink.events,
    users: users.users,
    sessions: sessions.sessions,
    cdsClients,
    apiTokens: admin.apiTokens,
    demoClinics: admin.demoClinics,
    addChart: (clinicId, chart) => {
      const data = clinic(clinicId);
      const { patient } = chart;
      const summary: PatientSummary = {
        ...normalised({ ...patient, birthDate: patient.birthDate ?? null, sex: patient.sex ?? null }),
        id: patient.id,
        revision: 1,
      };
      data.patients.set(patient.id, summary);
      data.charts.set(patient.id, storedChart(chart));
    },
    setPolicy: (clinicId, policy) => {
      const versions = clinic(clinicId).policyVersions;
      const settingsVersion = (versions.at(-1)?.settingsVersion ?? 0) + 1;
      versions.push({ settingsVersion, policy, changedAt: null, changedBy: null, reason: 'seeded' });
    },
    snapshot: () =>
      JSON.stringify(
        [...clinics].map(([id, d]) => ({
          id,
          patients: [...d.patients],
          charts: [...d.charts],
          visits: [...d.visits],
          plans: [...d.plans],
          notes: [...d.notes],
          procedures: d.procedures,
          baselines: [...d.baselines],
          screens: [...d.screens.screens],
          overrides: d.screens.overrides,
          policyVersions: d.policyVersions,
          followUps: followUpData.get(id) ?? emptyFollowUpData(),
        })),
      ),
    // One clinic's rows only, as row-level security shows them. Work that throws leaves nothing
    // behind, audit events included, as a rolled-back transaction (this assumes one clinic's work
    // does not overlap in time, which the database's transactions need not).
    inClinic: async (clinicId, work) => {
      const data = clinic(clinicId);
      const saved = saveState(data);
      const links = importLinks.get(clinicId) ?? new Map<string, ImportLink & { readonly patientId: string }>();
      importLinks.set(clinicId, links);
      const savedLinks = new Map(links);
      const followUps = followUpsOf(clinicId);
      const savedFollowUps = copyFollowUpData(followUps);
      const savedAdmin = adminMaps.map((m) => new Map(m));
      const recorded: AuditEvent[] = [];
      const isClinicUser = (id: string) => users.users.get(id)?.clinicId === clinicId;
      const repos: ClinicRepositories = {
        clinicId,
        patients: patientStore(data, newId),
        visits: visitStore(data, newId, isClinicUser),
        charts: {
          loadChart: (patientId) => {
            const patient = data.patients.get(patientId);
            if (!patient) return Promise.resolve(undefined);
            // The chart shows the patient as updated since it was seeded.
            const chart = data.charts.get(patientId) ?? emptyChart(chartPatient(patient));
            // Our own administrations (from signed notes) first, latest first, as the database reads them.
            const own = data.procedures.administrations
              .filter((a) => a.patientId === patientId)
              .sort((a, b) => b.administeredAt - a.administeredAt || (a.id < b.id ? -1 : 1))
              .map((a) => ({
                id: a.id,
                injectate: a.injectate,
                volumeMl: a.volumeMl,
                at: new Date(a.administeredAt).toISOString(),
                status: 'completed' as const,
              }));
            return Promise.resolve({
              ...chart,
              patient: chartPatient(patient),
              // Newest first, then by id, as the database reads them.
              observations: [...chart.observations].sort(
                (a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
              ),
              administrations: [...own, ...chart.administrations],
            });
          },
        },
        records: memoryRecordStore({
          charts: data.charts,
          patient: (id) => {
            const patient = data.patients.get(id);
            return patient && chartPatient(patient);
          },
          isClinicUser,
          newId,
        }),
        importLinks: memoryImportLinkStore(links),
        policies: { currentPolicy: () => Promise.resolve(data.policyVersions.at(-1)?.policy ?? DEFAULT_POLICY) },
        policySettings: memoryPolicySettingsStore(data.policyVersions),
        aftercareSettings: memoryAftercareSettingsStore(data.policyVersions),
        eligibilityPack: memoryEligibilityPackStore(data.policyVersions),
        screens: screenStore(data, isClinicUser),
        plans: planStore(data, newId, isClinicUser),
        notes: noteStore(data, newId, isClinicUser),
        procedures: procedureStore(data.procedures, {
          newId,
          isClinicUser,
          hasVisit: (visitId, patientId) => data.visits.get(visitId)?.patientId === patientId,
        }),
        visitDocumentation: memoryVisitDocumentation(data, {
          isClinicUser,
          patient: (id) => {
            const patient = data.patients.get(id);
            return patient && chartPatient(patient);
          },
          audit: { record: (event) => repos.audit.record(event) },
        }),
        // `repos` is complete by the time the export reads a chart through it.
        fhirExport: memoryFhirExportReader(data, (patientId) => repos.charts.loadChart(patientId)),
        baselines: memoryBaselineStore(
          data.baselines,
          (visitId, patientId) => data.visits.get(visitId)?.patientId === patientId,
          isClinicUser,
        ),
        followUps: memoryFollowUpStore(followUps, {
          newId,
          tokens,
          hasVisit: (visitId, patientId) => data.visits.get(visitId)?.patientId === patientId,
        }),
        tasks: memoryTaskStore(followUps, { newId, isClinicUser }),
        outbox: memoryOutboxStore(followUps, newId),
        outcomes: memoryOutcomeReader(data, followUps),
        users: memoryClinicUserStore(admin, clinicId, newId),
        apiTokens: memoryApiTokenStore(admin, clinicId, newId),
        auditLog: memoryAuditReader(admin, clinicId),
        audit: {
          record: (e) => {
            const event = { ...e, clinicId };
            recorded.push(event);
            return auditSink.record(event);
          },
        },
      };
      try {
        return await work(repos);
      } catch (error) {
        restoreState(data, saved);
        links.clear();
        for (const [k, v] of savedLinks) links.set(k, v);
        restoreFollowUpData(followUps, savedFollowUps);
        adminMaps.forEach((map, i) => {
          map.clear();
          for (const [k, v] of savedAdmin[i] ?? []) map.set(k, v);
        });
        for (const event of recorded) {
          const at = auditSink.events.indexOf(event);
          if (at >= 0) auditSink.events.splice(at, 1);
        }
        throw error;
      }
    },
    system: {
      users,
      sessions,
      cdsClients: { find: (issuer) => Promise.resolve(cdsClients.get(issuer)) },
      apiTokens: memoryApiTokenLookup(admin),
      followUpLinks: memoryFollowUpLinkLookup(() => followUpData),
      audit: auditSink,
    },
    // Nothing to batch in memory: a read is inClinic.
    readInClinic: (clinicId, work) => repositories.inClinic(clinicId, work),
  };
  return repositories;
}
