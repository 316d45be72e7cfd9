// The in-memory twin of the follow-up stores (follow-up-ports.ts), one FollowUpData per clinic.
import { FOLLOW_UP_URGENCIES } from '@knotwork/core';
import type {
  ClinicTask,
  FollowUpAnswer,
  FollowUpLink,
  FollowUpLinkLookup,
  FollowUpStore,
  NewOutboxMessage,
  OutboxStore,
  OutcomeReader,
  ProcedureFacts,
  TaskStore,
} from './follow-up-ports.js';
import type { ClinicData } from '../memory-visit-stores.js';
import type { LinkTokens } from './link-tokens.js';

export interface FollowUpData {
  links: FollowUpLink[];
  /** Token hash -> link id. */
  hashes: Map<string, string>;
  answers: FollowUpAnswer[];
  tasks: ClinicTask[];
  outbox: (NewOutboxMessage & { readonly id: string; status: 'queued' | 'sent' | 'failed' })[];
}

export const emptyFollowUpData = (): FollowUpData => ({
  links: [],
  hashes: new Map(),
  answers: [],
  tasks: [],
  outbox: [],
});

export const copyFollowUpData = (d: FollowUpData): FollowUpData => ({
  links: [...d.links],
  hashes: new Map(d.hashes),
  answers: [...d.answers],
  tasks: [...d.tasks],
  outbox: d.outbox.map((m) => ({ ...m })),
});

export function restoreFollowUpData(d: FollowUpData, saved: FollowUpData): void {
  d.links = saved.links;
  d.hashes = saved.hashes;
  d.answers = saved.answers;
  d.tasks = saved.tasks;
  d.outbox = saved.outbox;
}

const byDue = (a: FollowUpLink, b: FollowUpLink) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1);
const byTime = (a: FollowUpAnswer, b: FollowUpAnswer) => a.submittedAt - b.submittedAt || (a.id < b.id ? -1 : 1);

export function memoryFollowUpStore(
  data: FollowUpData,
  deps: {
    readonly newId: () => string;
    readonly tokens: LinkTokens;
    readonly hasVisit: (visitId: string, patientId: string) => boolean;
  },
): FollowUpStore {
  return {
    schedule: (ref, points) => {
      if (!deps.hasVisit(ref.visitId, ref.patientId)) return Promise.reject(new Error('visit is not of this clinic'));
      if (data.links.some((l) => l.visitId === ref.visitId)) return Promise.resolve('exists' as const);
      const links = points.map((p): FollowUpLink => ({
        id: deps.newId(),
        patientId: ref.patientId,
        visitId: ref.visitId,
        noteId: ref.noteId,
        pointId: p.pointId,
        label: p.label,
        signedAt: ref.signedAt,
        dueAt: p.dueAt,
        expiresAt: p.expiresAt,
        asksPeg: p.asksPeg,
        status: 'pending',
      }));
      data.links = [...data.links, ...links];
      for (const l of links) data.hashes.set(deps.tokens.hashOf(deps.tokens.tokenFor(l.id)), l.id);
      return Promise.resolve([...links].sort(byDue));
    },
    get: (id) => Promise.resolve(data.links.find((l) => l.id === id)),
    ofVisit: (visitId) => Promise.resolve(data.links.filter((l) => l.visitId === visitId).sort(byDue)),
    ofPatient: (patientId) => Promise.resolve(data.links.filter((l) => l.patientId === patientId).sort(byDue)),
    tokenOf: (id) => deps.tokens.tokenFor(id),
    addAnswer: (answer) => {
      const link = data.links.find((l) => l.id === answer.followUpId);
      if (!link) return Promise.reject(new Error('follow-up is not of this clinic'));
      const stored: FollowUpAnswer = { ...answer, id: deps.newId() };
      data.answers = [...data.answers, stored];
      data.links = data.links.map((l) => (l.id === link.id ? { ...l, status: 'answered' } : l));
      return Promise.resolve(stored);
    },
    answersOf: (id) => Promise.resolve(data.answers.filter((a) => a.followUpId === id).sort(byTime)),
    answersOfPatient: (id) => Promise.resolve(data.answers.filter((a) => a.patientId === id).sort(byTime)),
  };
}

const urgencyRank = (t: ClinicTask) => FOLLOW_UP_URGENCIES.indexOf(t.urgency);

export function memoryTaskStore(
  data: FollowUpData,
  deps: { readonly newId: () => string; readonly isClinicUser: (id: string) => boolean },
): TaskStore {
  return {
    create: (t) => {
      const { at, ...rest } = t;
      const task: ClinicTask = {
        ...rest,
        id: deps.newId(),
        status: 'open',
        createdAt: at,
        revision: 1,
        acknowledgedBy: null,
        acknowledgedAt: null,
        resolvedBy: null,
        resolvedAt: null,
      };
      data.tasks = [...data.tasks, task];
      return Promise.resolve(task);
    },
    get: (id) => Promise.resolve(data.tasks.find((t) => t.id === id)),
    list: (status) =>
      Promise.resolve(
        data.tasks
          .filter((t) => status === 'all' || t.status !== 'resolved')
          .sort((a, b) => urgencyRank(a) - urgencyRank(b) || b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1)),
      ),
    setStatus: (id, expectedRevision, change) => {
      const task = data.tasks.find((t) => t.id === id);
      if (!task) return Promise.resolve(undefined);
      if (!deps.isClinicUser(change.by)) return Promise.reject(new Error('user is not of this clinic'));
      if (task.revision !== expectedRevision) return Promise.resolve('stale' as const);
      const updated: ClinicTask = {
        ...task,
        status: change.status,
        revision: task.revision + 1,
        ...(change.status === 'acknowledged'
          ? { acknowledgedBy: change.by, acknowledgedAt: change.at }
          : { resolvedBy: change.by, resolvedAt: change.at }),
      };
      data.tasks = data.tasks.map((t) => (t.id === id ? updated : t));
      return Promise.resolve(updated);
    },
  };
}

export function memoryOutboxStore(data: FollowUpData, newId: () => string): OutboxStore {
  return {
    enqueue: (m) => {
      data.outbox = [...data.outbox, { ...m, id: newId(), status: 'queued' }];
      return Promise.resolve();
    },
  };
}

export function memoryFollowUpLinkLookup(clinics: () => Iterable<[string, FollowUpData]>): FollowUpLinkLookup {
  return {
    find: (hash) => {
      for (const [clinicId, data] of clinics()) {
        const followUpId = data.hashes.get(hash);
        if (followUpId !== undefined) return Promise.resolve({ clinicId, followUpId });
      }
      return Promise.resolve(undefined);
    },
  };
}

/** The twin of db-repositories/follow-ups.ts outcomeReader, over the clinic's maps. */
export function memoryOutcomeReader(clinic: ClinicData, data: FollowUpData): OutcomeReader {
  return {
    facts: (q) => {
      const firsts = [...clinic.notes.values()].filter(
        (n) =>
          n.version === 1 &&
          n.status !== 'draft' &&
          n.signedAt !== null &&
          (q.patientId === undefined || n.patientId === q.patientId) &&
          (q.from === undefined || (n.signedAt ?? 0) >= q.from) &&
          (q.to === undefined || (n.signedAt ?? 0) < q.to) &&
          (q.clinician === undefined || n.signedBy === q.clinician),
      );
      firsts.sort((a, b) => (a.signedAt ?? 0) - (b.signedAt ?? 0) || (a.visitId < b.visitId ? -1 : 1));
      const pointOf = new Map(data.links.map((l) => [l.id, l.pointId]));
      return Promise.resolve(
        firsts.map((n): ProcedureFacts => {
          const baseline = clinic.baselines.get(n.visitId);
          const given = clinic.procedures.administrations
            .filter((a) => a.visitId === n.visitId)
            .sort((a, b) => (a.id < b.id ? -1 : 1));
          const sites = new Map(given.map((g) => [`${g.muscle}/${g.side}`, { muscle: g.muscle, side: g.side }]));
          return {
            visitId: n.visitId,
            noteId: n.id,
            patientId: n.patientId,
            signedAt: n.signedAt ?? 0,
            signedBy: n.signedBy,
            indication: baseline ? baseline.indication : null,
            baseline: baseline ? { painNrs: baseline.painNrs, peg: baseline.peg } : null,
            sites: [...sites.values()],
            injectates: [...new Set(given.map((g) => g.injectate))],
            answers: data.answers
              .filter((a) => a.visitId === n.visitId)
              .sort(byTime)
              .map((a) => ({ ...a, pointId: pointOf.get(a.followUpId) ?? null })),
            complications: clinic.procedures.complications
              .filter((c) => c.visitId === n.visitId && c.status !== 'entered-in-error')
              .sort((a, b) => Date.parse(a.onset) - Date.parse(b.onset) || (a.id < b.id ? -1 : 1))
              .map((c) => ({ type: c.type, at: new Date(Date.parse(c.onset)).toISOString() })),
          };
        }),
      );
    },
  };
}
