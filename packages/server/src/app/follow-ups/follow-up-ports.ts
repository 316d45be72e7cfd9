// The storage of issue 6 as the use cases see it: a signed note's follow-up links, the patient's
// answers, the clinic's tasks and the outbox. The database implements them in
// ../db-repositories/follow-ups.ts, the twin in memory-follow-up-stores.ts; one contract suite
// (../spec/contract-follow-ups.ts) runs against both.
import type { FollowUpUrgency, ScheduledFollowUp } from '@knotwork/core';

export interface FollowUpLink {
  readonly id: string;
  readonly patientId: string;
  readonly visitId: string;
  readonly noteId: string;
  readonly pointId: string;
  readonly label: string;
  /** Epoch milliseconds. */
  readonly signedAt: number;
  readonly dueAt: number;
  readonly expiresAt: number;
  readonly asksPeg: boolean;
  readonly status: 'pending' | 'answered';
}

export interface Peg {
  readonly pain: number;
  readonly enjoyment: number;
  readonly activity: number;
}

export interface NewFollowUpAnswer {
  readonly followUpId: string;
  readonly patientId: string;
  readonly visitId: string;
  readonly submittedAt: number;
  readonly painNrs: number;
  readonly reliefPct: number;
  readonly peg: Peg | null;
  readonly pgic: number;
  readonly sideEffects: readonly string[];
  readonly redFlags: readonly string[];
  readonly comment: string | null;
}

export interface FollowUpAnswer extends NewFollowUpAnswer {
  readonly id: string;
}

export interface FollowUpStore {
  /**
   * Writes the visit's links (ids and token hashes made here) unless the visit has links already
   * (an amendment's signature): then 'exists' and nothing is written.
   */
  schedule(
    ref: { readonly visitId: string; readonly patientId: string; readonly noteId: string; readonly signedAt: number },
    points: readonly ScheduledFollowUp[],
  ): Promise<readonly FollowUpLink[] | 'exists'>;
  get(id: string): Promise<FollowUpLink | undefined>;
  /** Oldest due first. */
  ofVisit(visitId: string): Promise<readonly FollowUpLink[]>;
  ofPatient(patientId: string): Promise<readonly FollowUpLink[]>;
  /** The link's token (never stored: derived from the link's id with the server's link key). */
  tokenOf(id: string): string;
  addAnswer(answer: NewFollowUpAnswer): Promise<FollowUpAnswer>;
  /** Oldest first. */
  answersOf(followUpId: string): Promise<readonly FollowUpAnswer[]>;
  answersOfPatient(patientId: string): Promise<readonly FollowUpAnswer[]>;
}

export type TaskStatus = 'open' | 'acknowledged' | 'resolved';

export interface NewClinicTask {
  readonly kind: 'red-flag';
  readonly urgency: FollowUpUrgency;
  readonly patientId: string;
  readonly visitId: string;
  readonly answerId: string | null;
  readonly summary: string;
  readonly detail: unknown;
  readonly at: number;
}

export interface ClinicTask extends Omit<NewClinicTask, 'at'> {
  readonly id: string;
  readonly status: TaskStatus;
  readonly createdAt: number;
  readonly revision: number;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: number | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: number | null;
}

export interface TaskStore {
  create(task: NewClinicTask): Promise<ClinicTask>;
  get(id: string): Promise<ClinicTask | undefined>;
  /** Most urgent first, then newest; 'open' leaves out the resolved ones. */
  list(status: 'open' | 'all'): Promise<readonly ClinicTask[]>;
  /** Conditional on the revision read. */
  setStatus(
    id: string,
    expectedRevision: number,
    change: { readonly status: 'acknowledged' | 'resolved'; readonly by: string; readonly at: number },
  ): Promise<ClinicTask | 'stale' | undefined>;
}

export interface NewOutboxMessage {
  readonly channel: 'email' | 'sms';
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  /** What caused it (`Task/<id>`). */
  readonly about: string | null;
  readonly at: number;
}

export interface OutboxStore {
  /** Queued in the caller's transaction: sent only if that commits. */
  enqueue(message: NewOutboxMessage): Promise<void>;
}

/** Before the clinic is known: the link with that token hash, its clinic and id only. */
export interface FollowUpLinkLookup {
  find(tokenHash: string): Promise<{ readonly clinicId: string; readonly followUpId: string } | undefined>;
}

/** What the outcome of one signed procedure is computed from (@knotwork/core procedureOutcome). */
export interface ProcedureFacts {
  readonly visitId: string;
  /** The first signed version (its signature is the procedure's time). */
  readonly noteId: string;
  readonly patientId: string;
  readonly signedAt: number;
  readonly signedBy: string | null;
  readonly indication: { readonly icd10: string; readonly display: string } | null;
  readonly baseline: { readonly painNrs: number; readonly peg: Peg | null } | null;
  readonly sites: readonly { readonly muscle: string; readonly side: string }[];
  readonly injectates: readonly string[];
  /** Oldest first, with the schedule point of the link each came through. */
  readonly answers: readonly (FollowUpAnswer & { readonly pointId: string | null })[];
  /** The clinician's complications (entered-in-error left out). */
  readonly complications: readonly { readonly type: string; readonly at: string }[];
}

export interface OutcomeFactsQuery {
  readonly patientId?: string;
  /** Signed at or after / before (epoch ms). */
  readonly from?: number;
  readonly to?: number;
  readonly clinician?: string;
}

export interface OutcomeReader {
  /** The clinic's signed procedures matching the query, oldest first. */
  facts(query: OutcomeFactsQuery): Promise<readonly ProcedureFacts[]>;
}
