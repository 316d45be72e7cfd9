// The follow-up stores on the database (follow_ups, follow_up_answers, clinic_tasks,
// outbox_messages), each in the request's withClinic transaction; and the one lookup that runs
// before a clinic is known: a link by its token's hash, on the system connection (one prepared
// statement returning the clinic id and link id only, as sessions and API tokens are found). The
// public form then works in withClinic for that clinic, under row-level security like any request.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Database, KnotworkTx } from '../../db/index.js';
import { internalsOf, type Statement } from '../../db/database-internals.js';
import { clinicTasks, followUpAnswers, followUps, outboxMessages } from '../../db/schema.js';
import type {
  ClinicTask,
  FollowUpAnswer,
  FollowUpLink,
  FollowUpLinkLookup,
  FollowUpStore,
  OutboxStore,
  OutcomeReader,
  ProcedureFacts,
  TaskStore,
} from '../follow-ups/follow-up-ports.js';
import type { LinkTokens } from '../follow-ups/link-tokens.js';
import type { NewId } from './options.js';
import { epochMsOrNull, isUuid, onlyRow } from './rows.js';

function linkOf(r: typeof followUps.$inferSelect): FollowUpLink {
  return {
    id: r.id,
    patientId: r.patientId,
    visitId: r.visitId,
    noteId: r.noteId,
    pointId: r.pointId,
    label: r.label,
    signedAt: r.signedAt.getTime(),
    dueAt: r.dueAt.getTime(),
    expiresAt: r.expiresAt.getTime(),
    asksPeg: r.asksPeg,
    status: r.status,
  };
}

function answerOf(r: typeof followUpAnswers.$inferSelect): FollowUpAnswer {
  return {
    id: r.id,
    followUpId: r.followUpId,
    patientId: r.patientId,
    visitId: r.visitId,
    submittedAt: r.submittedAt.getTime(),
    painNrs: r.painNrs,
    reliefPct: r.reliefPct,
    peg:
      r.pegPain === null || r.pegEnjoyment === null || r.pegActivity === null
        ? null
        : { pain: r.pegPain, enjoyment: r.pegEnjoyment, activity: r.pegActivity },
    pgic: r.pgic,
    sideEffects: r.sideEffects,
    redFlags: r.redFlags,
    comment: r.comment,
  };
}

export function followUpStore(tx: KnotworkTx, clinicId: string, tokens: LinkTokens, newId: NewId): FollowUpStore {
  return {
    schedule: async (ref, points) => {
      const [existing] = await tx
        .select({ id: followUps.id })
        .from(followUps)
        .where(eq(followUps.visitId, ref.visitId))
        .limit(1);
      if (existing) return 'exists';
      if (points.length === 0) return [];
      const rows = points.map((p) => {
        const id = newId?.() ?? randomUUID();
        return {
          id,
          clinicId,
          patientId: ref.patientId,
          visitId: ref.visitId,
          noteId: ref.noteId,
          pointId: p.pointId,
          label: p.label,
          signedAt: new Date(ref.signedAt),
          dueAt: new Date(p.dueAt),
          asksPeg: p.asksPeg,
          tokenHash: tokens.hashOf(tokens.tokenFor(id)),
          expiresAt: new Date(p.expiresAt),
        };
      });
      // Of two signatures racing, the visit-and-point key lets one schedule in.
      const inserted = await tx.insert(followUps).values(rows).onConflictDoNothing().returning();
      if (inserted.length === 0) return 'exists';
      return inserted.map(linkOf).sort((a, b) => a.dueAt - b.dueAt);
    },
    get: async (id) => {
      if (!isUuid(id)) return undefined;
      const [row] = await tx.select().from(followUps).where(eq(followUps.id, id));
      return row ? linkOf(row) : undefined;
    },
    ofVisit: async (visitId) =>
      isUuid(visitId)
        ? (await tx.select().from(followUps).where(eq(followUps.visitId, visitId)).orderBy(asc(followUps.dueAt))).map(
            linkOf,
          )
        : [],
    ofPatient: async (patientId) =>
      isUuid(patientId)
        ? (
            await tx
              .select()
              .from(followUps)
              .where(and(eq(followUps.clinicId, clinicId), eq(followUps.patientId, patientId)))
              .orderBy(asc(followUps.dueAt), asc(followUps.id))
          ).map(linkOf)
        : [],
    tokenOf: (id) => tokens.tokenFor(id),
    addAnswer: async (a) => {
      const row = onlyRow(
        await tx
          .insert(followUpAnswers)
          .values({
            id: newId?.(),
            clinicId,
            followUpId: a.followUpId,
            patientId: a.patientId,
            visitId: a.visitId,
            submittedAt: new Date(a.submittedAt),
            painNrs: a.painNrs,
            reliefPct: a.reliefPct,
            pegPain: a.peg?.pain ?? null,
            pegEnjoyment: a.peg?.enjoyment ?? null,
            pegActivity: a.peg?.activity ?? null,
            pgic: a.pgic,
            sideEffects: [...a.sideEffects],
            redFlags: [...a.redFlags],
            comment: a.comment,
          })
          .returning(),
        'follow-up answer',
      );
      await tx
        .update(followUps)
        .set({ status: 'answered' })
        .where(and(eq(followUps.id, a.followUpId), ne(followUps.status, 'answered')));
      return answerOf(row);
    },
    answersOf: async (id) =>
      isUuid(id)
        ? (
            await tx
              .select()
              .from(followUpAnswers)
              .where(eq(followUpAnswers.followUpId, id))
              .orderBy(asc(followUpAnswers.submittedAt), asc(followUpAnswers.id))
          ).map(answerOf)
        : [],
    answersOfPatient: async (id) =>
      isUuid(id)
        ? (
            await tx
              .select()
              .from(followUpAnswers)
              .where(and(eq(followUpAnswers.clinicId, clinicId), eq(followUpAnswers.patientId, id)))
              .orderBy(asc(followUpAnswers.submittedAt), asc(followUpAnswers.id))
          ).map(answerOf)
        : [],
  };
}

function taskOf(r: typeof clinicTasks.$inferSelect): ClinicTask {
  return {
    id: r.id,
    kind: r.kind,
    urgency: r.urgency,
    patientId: r.patientId,
    visitId: r.visitId,
    answerId: r.answerId,
    summary: r.summary,
    detail: r.detail,
    status: r.status,
    createdAt: r.createdAt.getTime(),
    revision: r.revision,
    acknowledgedBy: r.acknowledgedBy,
    acknowledgedAt: epochMsOrNull(r.acknowledgedAt),
    resolvedBy: r.resolvedBy,
    resolvedAt: epochMsOrNull(r.resolvedAt),
  };
}

const URGENCY_ORDER = sql`case ${clinicTasks.urgency} when 'emergency' then 0 when 'urgent' then 1 else 2 end`;

export function taskStore(tx: KnotworkTx, clinicId: string, newId: NewId): TaskStore {
  return {
    create: async (t) =>
      taskOf(
        onlyRow(
          await tx
            .insert(clinicTasks)
            .values({
              id: newId?.(),
              clinicId,
              kind: t.kind,
              urgency: t.urgency,
              patientId: t.patientId,
              visitId: t.visitId,
              answerId: t.answerId,
              summary: t.summary,
              detail: t.detail ?? null,
              createdAt: new Date(t.at),
              updatedAt: new Date(t.at),
            })
            .returning(),
          'clinic task',
        ),
      ),
    get: async (id) => {
      if (!isUuid(id)) return undefined;
      const [row] = await tx.select().from(clinicTasks).where(eq(clinicTasks.id, id));
      return row ? taskOf(row) : undefined;
    },
    list: async (status) =>
      (
        await tx
          .select()
          .from(clinicTasks)
          .where(
            status === 'all'
              ? eq(clinicTasks.clinicId, clinicId)
              : and(eq(clinicTasks.clinicId, clinicId), ne(clinicTasks.status, 'resolved')),
          )
          .orderBy(URGENCY_ORDER, desc(clinicTasks.createdAt), asc(clinicTasks.id))
      ).map(taskOf),
    setStatus: async (id, expectedRevision, change) => {
      if (!isUuid(id)) return undefined;
      const at = new Date(change.at);
      const [row] = await tx
        .update(clinicTasks)
        .set({
          status: change.status,
          revision: sql`${clinicTasks.revision} + 1`,
          updatedAt: at,
          ...(change.status === 'acknowledged'
            ? { acknowledgedBy: change.by, acknowledgedAt: at }
            : { resolvedBy: change.by, resolvedAt: at }),
        })
        .where(and(eq(clinicTasks.id, id), eq(clinicTasks.revision, expectedRevision)))
        .returning();
      if (row) return taskOf(row);
      const [exists] = await tx.select({ id: clinicTasks.id }).from(clinicTasks).where(eq(clinicTasks.id, id));
      return exists ? 'stale' : undefined;
    },
  };
}

export function outboxStore(tx: KnotworkTx, clinicId: string): OutboxStore {
  return {
    enqueue: async (m) => {
      await tx.insert(outboxMessages).values({
        clinicId,
        channel: m.channel,
        recipient: m.recipient,
        subject: m.subject,
        body: m.body,
        about: m.about,
        createdAt: new Date(m.at),
      });
    },
  };
}

const LINK_BY_HASH: Statement = {
  name: 'knotwork_follow_up_by_hash',
  text: 'select clinic_id, id from follow_ups where token_hash = $1',
};

export function followUpLinkLookup(database: Database): FollowUpLinkLookup {
  const { systemQuery } = internalsOf(database);
  return {
    find: async (hash) => {
      if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
      const [row] = await systemQuery<{ clinic_id: string; id: string }>(LINK_BY_HASH, [hash]);
      return row ? { clinicId: row.clinic_id, followUpId: row.id } : undefined;
    },
  };
}

interface FactRow {
  visit_id: string;
  note_id: string;
  patient_id: string;
  signed_at: Date | string;
  signed_by: string | null;
  indication_icd10: string | null;
  indication_display: string | null;
  pain_nrs: number | null;
  peg_pain: number | null;
  peg_enjoyment: number | null;
  peg_activity: number | null;
}

const ms = (v: Date | string) => (v instanceof Date ? v.getTime() : Date.parse(v));

/**
 * The signed procedures and everything their outcomes need, in four statements (procedures, then
 * the administrations, answers and complications of those procedures, each by the same filter).
 */
export function outcomeReader(tx: KnotworkTx): OutcomeReader {
  return {
    facts: async (q) => {
      if ((q.patientId !== undefined && !isUuid(q.patientId)) || (q.clinician !== undefined && !isUuid(q.clinician))) {
        return [];
      }
      const conditions = [sql`n.version = 1`, sql`n.status <> 'draft'`];
      if (q.patientId !== undefined) conditions.push(sql`n.patient_id = ${q.patientId}`);
      if (q.from !== undefined) conditions.push(sql`n.signed_at >= ${new Date(q.from).toISOString()}::timestamptz`);
      if (q.to !== undefined) conditions.push(sql`n.signed_at < ${new Date(q.to).toISOString()}::timestamptz`);
      if (q.clinician !== undefined) conditions.push(sql`n.signed_by = ${q.clinician}`);
      const where = sql.join(conditions, sql` and `);
      const chosen = sql`select n.visit_id from procedure_notes n where ${where}`;
      const rows = <R>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: R[] }).rows) as R[];
      const [procedures, given, answers, complications] = await Promise.all([
        tx.execute(sql`select n.visit_id, n.id as note_id, n.patient_id, n.signed_at, n.signed_by,
            b.indication_icd10, b.indication_display, b.pain_nrs, b.peg_pain, b.peg_enjoyment, b.peg_activity
          from procedure_notes n left join visit_baselines b on b.visit_id = n.visit_id
          where ${where} order by n.signed_at, n.visit_id`),
        tx.execute(sql`select visit_id, muscle_code as muscle, side, product_code as injectate from administrations
          where visit_id in (${chosen}) order by visit_id, id`),
        tx.execute(sql`select a.*, f.point_id from follow_up_answers a join follow_ups f on f.id = a.follow_up_id
          where a.visit_id in (${chosen}) order by a.submitted_at, a.id`),
        tx.execute(sql`select visit_id, type_code, onset_at from complications
          where status <> 'entered-in-error' and visit_id in (${chosen}) order by onset_at, id`),
      ]);
      type Given = { visit_id: string; muscle: string; side: string; injectate: string | null };
      type Answer = Record<string, unknown> & { visit_id: string; point_id: string | null };
      type Complication = { visit_id: string; type_code: string; onset_at: Date | string };
      const by = <T extends { visit_id: string }>(list: T[]) => {
        const map = new Map<string, T[]>();
        for (const r of list) {
          const at = map.get(r.visit_id);
          if (at) at.push(r);
          else map.set(r.visit_id, [r]);
        }
        return map;
      };
      const givenBy = by(rows<Given>(given));
      const answersBy = by(rows<Answer>(answers));
      const complicationsBy = by(rows<Complication>(complications));
      return rows<FactRow>(procedures).map((p): ProcedureFacts => {
        const sites = new Map<string, { muscle: string; side: string }>();
        for (const g of givenBy.get(p.visit_id) ?? [])
          sites.set(`${g.muscle}/${g.side}`, { muscle: g.muscle, side: g.side });
        return {
          visitId: p.visit_id,
          noteId: p.note_id,
          patientId: p.patient_id,
          signedAt: ms(p.signed_at),
          signedBy: p.signed_by,
          indication:
            p.indication_icd10 === null ? null : { icd10: p.indication_icd10, display: p.indication_display ?? '' },
          baseline:
            p.pain_nrs === null
              ? null
              : {
                  painNrs: p.pain_nrs,
                  peg:
                    p.peg_pain === null || p.peg_enjoyment === null || p.peg_activity === null
                      ? null
                      : { pain: p.peg_pain, enjoyment: p.peg_enjoyment, activity: p.peg_activity },
                },
          sites: [...sites.values()],
          injectates: [
            ...new Set((givenBy.get(p.visit_id) ?? []).flatMap((g) => (g.injectate === null ? [] : [g.injectate]))),
          ],
          answers: (answersBy.get(p.visit_id) ?? []).map((a) => ({
            ...answerOfRaw(a),
            pointId: a.point_id,
          })),
          complications: (complicationsBy.get(p.visit_id) ?? []).map((c) => ({
            type: c.type_code,
            at: new Date(ms(c.onset_at)).toISOString(),
          })),
        };
      });
    },
  };
}

function answerOfRaw(a: Record<string, unknown>): FollowUpAnswer {
  const num = (k: string) => (a[k] === null || a[k] === undefined ? null : Number(a[k]));
  const list = (k: string) => {
    const v = a[k];
    return (typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as string[];
  };
  const pain = num('peg_pain');
  const enjoyment = num('peg_enjoyment');
  const activity = num('peg_activity');
  return {
    id: String(a['id']),
    followUpId: String(a['follow_up_id']),
    patientId: String(a['patient_id']),
    visitId: String(a['visit_id']),
    submittedAt: ms(a['submitted_at'] as Date | string),
    painNrs: Number(a['pain_nrs']),
    reliefPct: Number(a['relief_pct']),
    peg: pain === null || enjoyment === null || activity === null ? null : { pain, enjoyment, activity },
    pgic: Number(a['pgic']),
    sideEffects: list('side_effects'),
    redFlags: list('red_flags'),
    comment: (a['comment'] as string | null) ?? null,
  };
}
