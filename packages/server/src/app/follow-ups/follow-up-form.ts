// The patient's follow-up form behind a link's token (issue 6 item 3): read it, send answers. No
// account: the token is the only key, so every token that does not open a form now (malformed,
// unknown, forged, expired) gets the same 'not-found' with the same words, and nothing about the
// link, the patient or the clinic. The token is hashed and the link found by its hash before any
// clinic is known (system lookup: clinic id and link id only); everything else runs in that
// clinic's transaction under row-level security, audited with the patient as the actor
// (actorKind 'patient').
//
// A red flag answered yes (and fever or redness among the side effects: "contact clinic same day")
// tells the patient at once what to do, in the reference's words of urgency (core red-flags.ts),
// and, in the answer's transaction: an urgent clinic task, its audit row, and an email to the
// clinic's clinicians and admins queued in the outbox (sent after commit by the outbox worker). The
// email names no patient: it says a task is waiting and how urgent it is.
import {
  catalogue,
  drugKind,
  mostUrgent,
  redFlagAdvice,
  redFlagQuestions,
  SIDE_EFFECTS,
  type FollowUpUrgency,
  type RedFlagAdvice,
  type RedFlagQuestion,
  type Side,
} from '@knotwork/core';
import type { AuditEvent } from '../../audit-event.js';
import type { UseCaseFailure } from '../actor.js';
import type { ClinicRepositories, Repositories } from '../ports.js';
import type { FollowUpLink, Peg } from './follow-up-ports.js';
import { tokenHash } from './link-tokens.js';

/** A link token: 32 bytes of base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The one answer for every token that does not open a form. */
export const NO_FORM: UseCaseFailure = { ok: false, code: 'not-found', detail: 'no follow-up form at this link' };

export interface FollowUpFormView {
  readonly dueAt: number;
  readonly expiresAt: number;
  readonly procedureDate: number;
  readonly label: string;
  readonly sites: readonly { readonly muscle: string; readonly name: string; readonly side: Side }[];
  readonly products: readonly { readonly injectate: string; readonly name: string; readonly steroid: boolean }[];
  readonly baseline: { readonly painNrs: number | null; readonly peg: Peg | null };
  readonly asksPeg: boolean;
  readonly sideEffects: readonly { readonly id: string; readonly text: string }[];
  readonly redFlags: readonly RedFlagQuestion[];
  readonly entries: readonly { readonly submittedAt: number }[];
}

export interface FollowUpAnswersInput {
  readonly painNrs: number;
  readonly reliefPct: number;
  readonly peg?: Peg | undefined;
  readonly sideEffects: readonly string[];
  readonly redFlags: readonly string[];
  readonly pgic: number;
  readonly comment?: string | undefined;
}

interface Who {
  readonly token: string;
  readonly at: number;
  readonly from: string | null;
}

type Opened = { readonly clinicId: string; readonly followUpId: string };

async function open(token: string, repos: Repositories): Promise<Opened | undefined> {
  if (!TOKEN.test(token)) return undefined;
  return repos.system.followUpLinks.find(tokenHash(token));
}

const patientEvent = (
  clinicId: string,
  link: FollowUpLink,
  who: Who,
  event: Pick<AuditEvent, 'action' | 'outcome'> & Pick<Partial<AuditEvent>, 'detail' | 'entity'>,
): AuditEvent => ({
  clinicId,
  actor: link.patientId,
  actorKind: 'patient',
  entity: `FollowUp/${link.id}`,
  patientId: link.patientId,
  at: who.at,
  from: who.from,
  ...event,
});

/** The link, if it opens a form now; an expired link is audited (the clinic may want to know). */
async function usableLink(
  r: ClinicRepositories,
  opened: Opened,
  who: Who,
  action: string,
): Promise<FollowUpLink | undefined> {
  const link = await r.followUps.get(opened.followUpId);
  if (!link) return undefined;
  if (who.at > link.expiresAt) {
    await r.audit.record(
      patientEvent(opened.clinicId, link, who, { action, outcome: 'denied', detail: { reason: 'expired' } }),
    );
    return undefined;
  }
  return link;
}

async function procedureOf(r: ClinicRepositories, link: FollowUpLink) {
  const given = await r.procedures.administrationsOf(link.visitId);
  const muscles = new Map<string, { muscle: string; name: string; side: Side }>();
  for (const a of given) {
    const key = `${a.muscle}/${a.side}`;
    const name = catalogue.muscles.find((m) => m.code === a.muscle)?.display ?? a.muscle;
    if (!muscles.has(key)) muscles.set(key, { muscle: a.muscle, name, side: a.side });
  }
  const drugs = [...new Set(given.map((a) => a.injectate))];
  const products = drugs.map((code) => {
    const product = catalogue.injectates.find((i) => i.code === code);
    return {
      injectate: code,
      name: product?.display ?? code,
      steroid: product ? drugKind(product) === 'corticosteroid' : false,
    };
  });
  return { sites: [...muscles.values()], products, drugs };
}

export async function readFollowUpForm(
  input: Who,
  repos: Repositories,
): Promise<{ readonly ok: true; readonly form: FollowUpFormView } | UseCaseFailure> {
  const opened = await open(input.token, repos);
  if (!opened) return NO_FORM;
  return repos.inClinic(opened.clinicId, async (r) => {
    const link = await usableLink(r, opened, input, 'follow-up.read');
    if (!link) return NO_FORM;
    const [procedure, baseline, answers] = await Promise.all([
      procedureOf(r, link),
      r.baselines.ofVisit(link.visitId),
      r.followUps.answersOf(link.id),
    ]);
    await r.audit.record(patientEvent(opened.clinicId, link, input, { action: 'follow-up.read', outcome: 'success' }));
    return {
      ok: true,
      form: {
        dueAt: link.dueAt,
        expiresAt: link.expiresAt,
        procedureDate: link.signedAt,
        label: link.label,
        sites: procedure.sites,
        products: procedure.products,
        baseline: { painNrs: baseline?.painNrs ?? null, peg: baseline?.peg ?? null },
        asksPeg: link.asksPeg,
        sideEffects: SIDE_EFFECTS,
        redFlags: redFlagQuestions({ sites: procedure.sites, drugs: procedure.drugs }),
        entries: answers.map((a) => ({ submittedAt: a.submittedAt })),
      },
    };
  });
}

const URGENCY_WORDS: Record<FollowUpUrgency, string> = {
  emergency: 'EMERGENCY',
  urgent: 'Urgent',
  soon: 'Same day',
};

export async function answerFollowUp(
  input: Who & { readonly answers: FollowUpAnswersInput },
  repos: Repositories,
): Promise<
  | {
      readonly ok: true;
      readonly id: string;
      readonly redFlags: readonly RedFlagAdvice[];
      readonly taskId: string | null;
    }
  | UseCaseFailure
> {
  const opened = await open(input.token, repos);
  if (!opened) return NO_FORM;
  return repos.inClinic(opened.clinicId, async (r) => {
    const link = await usableLink(r, opened, input, 'follow-up.answer');
    if (!link) return NO_FORM;
    const a = input.answers;
    if (link.asksPeg && a.peg === undefined) {
      return {
        ok: false,
        code: 'validation-failed',
        detail: 'this follow-up asks the PEG items: send peg with pain, enjoyment and activity',
        issues: [{ path: 'peg', message: 'required at this follow-up (PEG asked)', code: 'missing' }],
      };
    }
    const advice = redFlagAdvice(a.redFlags, a.sideEffects);
    const answer = await r.followUps.addAnswer({
      followUpId: link.id,
      patientId: link.patientId,
      visitId: link.visitId,
      submittedAt: input.at,
      painNrs: a.painNrs,
      reliefPct: a.reliefPct,
      peg: link.asksPeg || a.peg !== undefined ? (a.peg ?? null) : null,
      pgic: a.pgic,
      sideEffects: [...new Set(a.sideEffects)],
      redFlags: advice.map((f) => f.id),
      comment: a.comment ?? null,
    });
    const urgency = mostUrgent(advice);
    let taskId: string | null = null;
    if (urgency !== undefined) {
      const summary = `${URGENCY_WORDS[urgency]}: the patient reported ${advice.map((f) => f.text.toLowerCase()).join('; ')} (${link.label} follow-up)`;
      const task = await r.tasks.create({
        kind: 'red-flag',
        urgency,
        patientId: link.patientId,
        visitId: link.visitId,
        answerId: answer.id,
        summary,
        detail: { redFlags: advice },
        at: input.at,
      });
      taskId = task.id;
      await r.audit.record(
        patientEvent(opened.clinicId, link, input, {
          action: 'task.create',
          entity: `Task/${task.id}`,
          outcome: 'success',
          detail: { urgency, redFlags: advice.map((f) => f.id) },
        }),
      );
      const recipients = (await r.users.list()).filter(
        (u) => u.active && (u.role === 'clinician' || u.role === 'clinic-admin'),
      );
      for (const user of recipients) {
        await r.outbox.enqueue({
          channel: 'email',
          recipient: user.email,
          subject: `[Knotwork] ${URGENCY_WORDS[urgency]} follow-up task`,
          body: [
            `A patient's follow-up answers raised a red flag (${urgency}).`,
            `The patient was told: ${advice[0]?.advice ?? ''}`,
            'Open the task list in Knotwork to see who it is and acknowledge it.',
            '(This email names no patient on purpose.)',
          ].join('\n\n'),
          about: `Task/${task.id}`,
          at: input.at,
        });
      }
    }
    await r.audit.record(
      patientEvent(opened.clinicId, link, input, {
        action: 'follow-up.answer',
        entity: `QuestionnaireResponse/${answer.id}`,
        outcome: 'success',
        detail: { followUpId: link.id, redFlags: advice.map((f) => f.id), taskId },
      }),
    );
    return { ok: true, id: answer.id, redFlags: advice, taskId };
  });
}
