// A visit's indication and baseline (issue 4 item 3): read, and saved with If-None-Match for the
// first save and If-Match after (the stale write changes nothing). The indication must be a
// well-formed ICD-10-CM code; whether it is one of the catalogue's TPI indications is answered
// with it, not refused (the coding step names a code that is not). Audited as baseline.read and
// baseline.save.
import { catalogue, compileCatalogue, normaliseIcd10 } from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { BaselineContent, StoredBaseline } from './baseline-ports.js';

type Repos = Pick<ClinicRepositories, 'visits' | 'baselines' | 'audit'>;
const compiled = compileCatalogue(catalogue);
const ICD10 = /^[A-TV-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;

export interface BaselineView extends StoredBaseline {
  /** The mean of the three PEG items, to one decimal; null without the PEG. */
  readonly pegScore: number | null;
  /** The indication is in the catalogue's TPI indication set. */
  readonly isTpiIndication: boolean;
}

export function baselineView(b: StoredBaseline): BaselineView {
  const peg = b.peg;
  return {
    ...b,
    pegScore: peg === null ? null : Math.round(((peg.pain + peg.enjoyment + peg.activity) / 3) * 10) / 10,
    isTpiIndication: compiled.icd10SetsOf(b.indication.icd10).includes('indication'),
  };
}

async function audit(
  repos: Repos,
  who: { actor: Actor; at: number },
  action: string,
  visitId: string,
  patientId: string | null,
  failure?: UseCaseFailure,
) {
  await repos.audit.record(
    auditAs(who.actor, who.at, {
      action,
      entity: `Encounter/${visitId}`,
      patientId,
      outcome: failure ? 'failed' : 'success',
      ...(failure ? { detail: { reason: failure.code } } : {}),
    }),
  );
}

export async function readBaseline(
  input: { readonly visitId: string; readonly actor: Actor; readonly at: number },
  repos: Repos,
): Promise<{ readonly ok: true; readonly baseline: BaselineView } | UseCaseFailure> {
  const visit = await repos.visits.get(input.visitId);
  const baseline = visit ? await repos.baselines.ofVisit(input.visitId) : undefined;
  const failure: UseCaseFailure | undefined = !visit
    ? { ok: false, code: 'not-found', detail: `no visit ${input.visitId} in this clinic` }
    : !baseline
      ? { ok: false, code: 'not-found', detail: `visit ${input.visitId} has no baseline yet` }
      : undefined;
  await audit(repos, input, 'baseline.read', input.visitId, visit?.patientId ?? null, failure);
  return failure ?? { ok: true, baseline: baselineView(baseline as StoredBaseline) };
}

export async function saveBaseline(
  input: {
    readonly visitId: string;
    /** 'new' (If-None-Match: *) or the revisions If-Match names. */
    readonly expect: 'new' | readonly number[];
    readonly content: BaselineContent;
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Repos,
): Promise<{ readonly ok: true; readonly baseline: BaselineView; readonly created: boolean } | UseCaseFailure> {
  const visit = await repos.visits.get(input.visitId);
  const fail = async (failure: UseCaseFailure) => {
    await audit(repos, input, 'baseline.save', input.visitId, visit?.patientId ?? null, failure);
    return failure;
  };
  if (!visit) return fail({ ok: false, code: 'not-found', detail: `no visit ${input.visitId} in this clinic` });
  const icd10 = input.content.indication.icd10.trim().toUpperCase();
  if (!ICD10.test(icd10)) {
    return fail({
      ok: false,
      code: 'validation-failed',
      detail: `"${input.content.indication.icd10}" is not an ICD-10-CM code`,
      issues: [{ path: 'indication.icd10', message: 'not an ICD-10-CM code (e.g. M79.18)' }],
    });
  }
  const current = await repos.baselines.ofVisit(input.visitId);
  const expected = input.expect === 'new' ? 0 : (current?.revision ?? -1);
  if (input.expect === 'new' ? current !== undefined : !current || !input.expect.includes(current.revision)) {
    return fail({
      ok: false,
      code: 'precondition-failed',
      detail: current
        ? `the baseline changed since you read it: it is at revision ${current.revision}`
        : `visit ${input.visitId} has no baseline yet: create it with If-None-Match: *`,
    });
  }
  const normalised = normaliseIcd10(icd10);
  const dotted = normalised.length > 3 ? `${normalised.slice(0, 3)}.${normalised.slice(3)}` : normalised;
  const saved = await repos.baselines.save(
    {
      ...input.content,
      indication: { icd10: dotted, display: input.content.indication.display.trim() },
      visitId: input.visitId,
      patientId: visit.patientId,
      by: input.actor.userId,
      at: input.at,
    },
    expected,
  );
  if (saved === 'stale') {
    return fail({ ok: false, code: 'precondition-failed', detail: 'the baseline changed since you read it' });
  }
  await audit(repos, input, 'baseline.save', input.visitId, visit.patientId);
  return { ok: true, baseline: baselineView(saved), created: input.expect === 'new' };
}
