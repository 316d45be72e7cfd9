// "Allergies reviewed" and "medicines reconciled": each stamps the patient's record with the time
// (the clinical clock) and the user, so the record tells "no known allergies, reviewed on <date>"
// from "never asked", and a screen built from it sends the list instead of leaving it out as
// missing data. Audited as `allergies.review` and `medicines.reconcile`.
import type { ChartAllergy } from '../../fhir/chart.js';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';

interface ReviewInput {
  readonly patientId: string;
  /** The clinical "now" (epoch ms) the review is stamped with. */
  readonly reviewedAt: number;
  readonly actor: Actor;
  readonly at: number;
}

export interface Reviewed {
  readonly ok: true;
  readonly at: string;
  readonly by: string;
}

/** An allergy that still counts: active, neither refuted nor entered in error. */
export const isActiveAllergy = (a: ChartAllergy): boolean =>
  a.clinicalStatus === 'active' && a.verificationStatus !== 'refuted' && a.verificationStatus !== 'entered-in-error';

const notFound = (patientId: string): UseCaseFailure => ({
  ok: false,
  code: 'not-found',
  detail: `no patient ${patientId} in this clinic`,
});

/**
 * `noKnownAllergies` must agree with the list: true with an active allergy recorded, or false with
 * none, is refused (409), so "no known allergies" is always something a person said.
 */
export async function reviewAllergies(
  input: ReviewInput & { readonly noKnownAllergies: boolean },
  repos: Pick<ClinicRepositories, 'charts' | 'records' | 'audit'>,
): Promise<(Reviewed & { readonly noKnownAllergies: boolean; readonly active: number }) | UseCaseFailure> {
  const { patientId, noKnownAllergies, actor, at } = input;
  const audit = (outcome: 'success' | 'failed', known: boolean, detail: Record<string, unknown>) =>
    repos.audit.record(
      auditAs(actor, at, {
        action: 'allergies.review',
        entity: `Patient/${patientId}`,
        patientId: known ? patientId : null,
        outcome,
        detail: { noKnownAllergies, ...detail },
      }),
    );
  const chart = await repos.charts.loadChart(patientId);
  if (!chart) {
    await audit('failed', false, { reason: 'not-found' });
    return notFound(patientId);
  }
  const active = chart.allergies.filter(isActiveAllergy).length;
  if (noKnownAllergies === active > 0) {
    await audit('failed', true, { reason: 'contradicts-record', active });
    const recorded =
      active === 1 ? '1 active allergy is recorded: mark it' : `${active} active allergies are recorded: mark them`;
    const detail = noKnownAllergies
      ? `${recorded} resolved, refuted or entered in error first`
      : 'no active allergy is recorded: record them first, or review with noKnownAllergies true';
    return { ok: false, code: 'conflict', detail };
  }
  await repos.records.stamp(patientId, 'allergies', { at: input.reviewedAt, by: actor.userId });
  await audit('success', true, { active });
  return { ok: true, at: new Date(input.reviewedAt).toISOString(), by: actor.userId, noKnownAllergies, active };
}

/** The medicine list, as recorded, is what the patient takes (an empty list included). */
export async function reconcileMedicines(
  input: ReviewInput,
  repos: Pick<ClinicRepositories, 'records' | 'audit'>,
): Promise<Reviewed | UseCaseFailure> {
  const { patientId, actor, at } = input;
  const stamped = await repos.records.stamp(patientId, 'medicines', { at: input.reviewedAt, by: actor.userId });
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'medicines.reconcile',
      entity: `Patient/${patientId}`,
      patientId: stamped ? patientId : null,
      outcome: stamped ? 'success' : 'failed',
      ...(stamped ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  return stamped ? { ok: true, at: new Date(input.reviewedAt).toISOString(), by: actor.userId } : notFound(patientId);
}
