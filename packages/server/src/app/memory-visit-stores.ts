// The in-memory twin's visits, screens, plans and notes for one clinic (see memory-repositories.ts).
import type { Chart } from '../fhir/chart.js';
import type { ProcedureData } from './memory-procedure-stores.js';
import type { StoredBaseline } from './visits/baseline-ports.js';
import type { PatientSummary, Visit, VisitStore } from './ports.js';
import type { MemorySettingsVersion } from './settings/memory-settings-stores.js';
import type { NoteStore, StoredNote } from './visits/note-ports.js';
import type { PlanStore, StoredPlan } from './visits/plan-ports.js';
import type { memoryScreenStore, ScreenStore } from './visits/visit-ports.js';

export interface ClinicData {
  readonly patients: Map<string, PatientSummary>;
  readonly charts: Map<string, Chart>;
  readonly visits: Map<string, Visit>;
  readonly screens: ReturnType<typeof memoryScreenStore>;
  /** Each visit's plan, by visit id. */
  readonly plans: Map<string, StoredPlan>;
  /** Every procedure note version, by id. */
  readonly notes: Map<string, StoredNote>;
  /** Administrations, complications and consents. */
  readonly procedures: ProcedureData;
  /** Each visit's baseline, by visit id. */
  readonly baselines: Map<string, StoredBaseline>;
  /** Every version of the clinic's settings, oldest first; empty: the defaults. */
  readonly policyVersions: MemorySettingsVersion[];
}

/** What the database's composite foreign keys refuse: a row pointing outside its clinic. */
const refused = (what: string) => Promise.reject(new Error(`${what} is not of this clinic`));

export function visitStore(data: ClinicData, newId: () => string, isClinicUser: (id: string) => boolean): VisitStore {
  return {
    create: (v) => {
      if (!data.patients.has(v.patientId)) return refused(`patient ${v.patientId}`);
      if (!isClinicUser(v.startedBy)) return refused(`user ${v.startedBy}`);
      const visit: Visit = { ...v, id: newId(), status: 'in-progress', endedAt: null, endReason: null, revision: 1 };
      data.visits.set(visit.id, visit);
      return Promise.resolve(visit);
    },
    get: (id) => Promise.resolve(data.visits.get(id)),
    ofPatient: (patientId) =>
      Promise.resolve(
        // Latest first; visits started at the same time, the one created last first (as the database orders them).
        [...data.visits.values()]
          .filter((v) => v.patientId === patientId)
          .reverse()
          .sort((a, b) => b.startedAt - a.startedAt),
      ),
    end: (id, expectedRevision, end) => {
      const visit = data.visits.get(id);
      if (!visit) return Promise.resolve(undefined);
      if (visit.revision !== expectedRevision || visit.status !== 'in-progress') return Promise.resolve('stale');
      const ended: Visit = {
        ...visit,
        status: end.status,
        endedAt: end.endedAt,
        endReason: end.reason,
        revision: visit.revision + 1,
      };
      data.visits.set(id, ended);
      return Promise.resolve(ended);
    },
  };
}

export function screenStore(data: ClinicData, isClinicUser: (id: string) => boolean): ScreenStore {
  const { screens } = data;
  return {
    save: (s) => {
      if (!data.patients.has(s.patientId)) return refused(`patient ${s.patientId}`);
      if (!data.visits.has(s.visitId)) return refused(`visit ${s.visitId}`);
      if (!isClinicUser(s.screenedBy)) return refused(`user ${s.screenedBy}`);
      return screens.save(s);
    },
    find: (id) => screens.find(id),
    saveOverride: (o) => {
      if (!screens.screens.has(o.screenId)) return refused(`screen ${o.screenId}`);
      if (!isClinicUser(o.userId)) return refused(`user ${o.userId}`);
      return screens.saveOverride(o);
    },
    overridesOf: (screenId) => screens.overridesOf(screenId),
  };
}

export function planStore(data: ClinicData, newId: () => string, isClinicUser: (id: string) => boolean): PlanStore {
  const content = (c: Pick<StoredPlan, 'sites' | 'products'>) => ({
    sites: c.sites.map((s) => ({ muscle: s.muscle, side: s.side, findings: { ...s.findings } })),
    products: c.products.map((p) => ({ injectate: p.injectate, volumeMl: p.volumeMl })),
  });
  return {
    ofVisit: (visitId) => Promise.resolve(data.plans.get(visitId)),
    create: (p) => {
      if (!data.visits.has(p.visitId)) return refused(`visit ${p.visitId}`);
      if (!data.patients.has(p.patientId)) return refused(`patient ${p.patientId}`);
      if (!isClinicUser(p.by)) return refused(`user ${p.by}`);
      if (data.plans.has(p.visitId)) return Promise.resolve('exists' as const);
      const plan: StoredPlan = {
        id: newId(),
        visitId: p.visitId,
        patientId: p.patientId,
        revision: 1,
        screenId: null,
        ...content(p),
      };
      data.plans.set(plan.visitId, plan);
      return Promise.resolve(plan);
    },
    update: (id, expectedRevision, change) => {
      const current = [...data.plans.values()].find((p) => p.id === id);
      if (!current || current.revision !== expectedRevision) return Promise.resolve('stale' as const);
      const plan: StoredPlan = { ...current, ...content(change), revision: current.revision + 1, screenId: null };
      data.plans.set(plan.visitId, plan);
      return Promise.resolve(plan);
    },
    markScreened: (id, revision, screenId) => {
      const current = [...data.plans.values()].find((p) => p.id === id);
      if (!current || current.revision !== revision) return Promise.resolve(false);
      if (!data.screens.screens.has(screenId)) return refused(`screen ${screenId}`);
      data.plans.set(current.visitId, { ...current, screenId });
      return Promise.resolve(true);
    },
  };
}

/** Notes as the database keeps them: a signed or amended version is never changed (its trigger). */
export function noteStore(data: ClinicData, newId: () => string, isClinicUser: (id: string) => boolean): NoteStore {
  const change = (id: string, expectedRevision: number, next: (n: StoredNote) => StoredNote) => {
    const current = data.notes.get(id);
    if (!current) return Promise.resolve('stale' as const);
    if (current.status !== 'draft') return Promise.resolve('locked' as const);
    if (current.revision !== expectedRevision) return Promise.resolve('stale' as const);
    const changed = { ...next(current), revision: current.revision + 1 };
    data.notes.set(id, changed);
    return Promise.resolve(changed);
  };
  return {
    get: (id) => Promise.resolve(data.notes.get(id)),
    ofVisit: (visitId) =>
      Promise.resolve(
        [...data.notes.values()].filter((n) => n.visitId === visitId).sort((a, b) => a.version - b.version),
      ),
    insert: (n) => {
      if (!data.visits.has(n.visitId)) return refused(`visit ${n.visitId}`);
      if (!data.patients.has(n.patientId)) return refused(`patient ${n.patientId}`);
      if (!isClinicUser(n.by)) return refused(`user ${n.by}`);
      if ((n.version === 1) !== (n.previousVersionId === null) || (n.version > 1 && n.amendmentReason === null)) {
        return Promise.reject(new Error('an amendment names its previous version and a reason'));
      }
      if ([...data.notes.values()].some((x) => x.visitId === n.visitId && x.version === n.version)) {
        return Promise.resolve('exists' as const);
      }
      const note: StoredNote = {
        id: newId(),
        visitId: n.visitId,
        patientId: n.patientId,
        version: n.version,
        status: 'draft',
        content: structuredClone(n.content),
        revision: 1,
        createdBy: n.by,
        signedBy: null,
        signedAt: null,
        amendmentReason: n.amendmentReason,
        previousVersionId: n.previousVersionId,
      };
      data.notes.set(note.id, note);
      return Promise.resolve(note);
    },
    edit: (id, expectedRevision, content) =>
      change(id, expectedRevision, (n) => ({ ...n, content: structuredClone(content) })),
    sign: (id, expectedRevision, s) => {
      if (!isClinicUser(s.by)) return refused(`user ${s.by}`);
      return change(id, expectedRevision, (n) => ({ ...n, status: s.status, signedBy: s.by, signedAt: s.at }));
    },
  };
}

/** A copy of a clinic's rows, to put back when its work fails (as a transaction rolls back). */
