// Consent for a visit's TPI (issue 3 item 2, issue 4 item 3): the form is generated from the
// visit's current plan by the core (consentForm: procedure, sites, drugs, benefits, the risks
// this plan carries, alternatives). Recording a signature names the form version the patient was
// shown; if the plan has changed since, the form has too and the signature is refused (409), so a
// stored consent always says exactly what was shown. Consents are never changed or deleted.
// Audited as consent.read and consent.create.
import { consentForm, type ConsentForm } from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { StoredPlan } from './plan-ports.js';
import type { NewConsent, StoredConsent } from './procedure-ports.js';
import { endedVisitConflict } from './ended-visit.js';

type Repos = Pick<ClinicRepositories, 'visits' | 'plans' | 'procedures' | 'audit'>;
interface Who {
  readonly actor: Actor;
  readonly at: number;
}

async function audit(
  repos: Repos,
  who: Who,
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

/** The form made from a plan (pure), or why it cannot be made (a conflict: the plan is stored). */
export function formOfPlan(
  plan: Pick<StoredPlan, 'sites' | 'products'>,
): { readonly ok: true; readonly form: ConsentForm } | UseCaseFailure {
  const made = consentForm(plan);
  if (made.ok) return { ok: true, form: made.form };
  return {
    ok: false,
    code: 'conflict',
    detail: `the plan cannot make a consent form: ${made.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
  };
}

/**
 * Whether a signature can be kept for a form (pure): the signature's own checks (a
 * representative's relationship, a typed name that is the signer's, a drawn one as a PNG data URL),
 * then the form version the patient was shown must be this form's.
 */
export function checkConsentSignature(form: ConsentForm, signature: ConsentSignature): UseCaseFailure | undefined {
  const issues = signatureIssues(signature);
  if (issues.length > 0) {
    return { ok: false, code: 'validation-failed', detail: issues.map((i) => i.message).join('; '), issues };
  }
  if (signature.formVersion !== form.version) {
    return {
      ok: false,
      code: 'conflict',
      detail: `the plan changed since the form was shown (shown ${signature.formVersion}, now ${form.version}): show the new form and sign again`,
    };
  }
  return undefined;
}

/** The visit's current plan and the form made from it, or why there is none. */
async function formOfVisit(
  repos: Repos,
  visitId: string,
): Promise<
  { ok: true; patientId: string; plan: StoredPlan; form: ConsentForm } | (UseCaseFailure & { patientId: string | null })
> {
  const visit = await repos.visits.get(visitId);
  if (!visit) return { ok: false, code: 'not-found', detail: `no visit ${visitId} in this clinic`, patientId: null };
  const plan = await repos.plans.ofVisit(visitId);
  if (!plan) {
    return {
      ok: false,
      code: 'conflict',
      detail: `visit ${visitId} has no plan: plan it first`,
      patientId: visit.patientId,
    };
  }
  const made = formOfPlan(plan);
  if (!made.ok) return { ...made, patientId: visit.patientId };
  return { ok: true, patientId: visit.patientId, plan, form: made.form };
}

export async function readConsentForm(
  input: { readonly visitId: string } & Who,
  repos: Repos,
): Promise<{ readonly ok: true; readonly form: ConsentForm; readonly planRevision: number } | UseCaseFailure> {
  const r = await formOfVisit(repos, input.visitId);
  if (!r.ok) {
    const { patientId, ...failure } = r;
    await audit(repos, input, 'consent.read', input.visitId, patientId, failure);
    return failure;
  }
  await audit(repos, input, 'consent.read', input.visitId, r.patientId);
  return { ok: true, form: r.form, planRevision: r.plan.revision };
}

export interface ConsentSignature {
  /** The version of the form the patient was shown (GET .../consent-form). */
  readonly formVersion: string;
  readonly signerKind: NewConsent['signerKind'];
  readonly signerName: string;
  readonly signerRelationship: string | null;
  readonly signatureKind: NewConsent['signatureKind'];
  readonly signatureData: string;
}

function signatureIssues(s: ConsentSignature): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (s.signerKind === 'representative' && !s.signerRelationship?.trim()) {
    issues.push({ path: 'signerRelationship', message: "a representative's relationship to the patient is required" });
  }
  if (s.signatureKind === 'typed-name' && s.signatureData.trim().toLowerCase() !== s.signerName.trim().toLowerCase()) {
    issues.push({
      path: 'signatureData',
      message: "a typed signature must be the signer's name as given in signerName",
    });
  }
  if (s.signatureKind === 'image' && !/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(s.signatureData)) {
    issues.push({ path: 'signatureData', message: 'a drawn signature must be a data:image/png;base64 URL' });
  }
  return issues;
}

export async function recordConsent(
  input: { readonly visitId: string; readonly signature: ConsentSignature } & Who,
  repos: Repos,
): Promise<{ readonly ok: true; readonly consent: StoredConsent } | UseCaseFailure> {
  const r = await formOfVisit(repos, input.visitId);
  const fail = async (failure: UseCaseFailure, patientId: string | null) => {
    await audit(repos, input, 'consent.create', input.visitId, patientId, failure);
    return failure;
  };
  if (!r.ok) {
    const { patientId, ...failure } = r;
    return fail(failure, patientId);
  }
  const visit = await repos.visits.get(input.visitId);
  const ended = visit && endedVisitConflict(visit, 'recording a consent');
  if (ended) return fail(ended, r.patientId);
  const refused = checkConsentSignature(r.form, input.signature);
  if (refused) return fail(refused, r.patientId);
  const s = input.signature;
  const consent = await repos.procedures.addConsent({
    signerKind: s.signerKind,
    signerName: s.signerName,
    signerRelationship: s.signerRelationship,
    signatureKind: s.signatureKind,
    signatureData: s.signatureData,
    visitId: input.visitId,
    patientId: r.patientId,
    form: r.form,
    planRevision: r.plan.revision,
    signedAt: input.at,
    witnessedBy: input.actor.userId,
  });
  await audit(repos, input, 'consent.create', input.visitId, r.patientId);
  return { ok: true, consent };
}

export async function listConsents(
  input: { readonly visitId: string } & Who,
  repos: Repos,
): Promise<{ readonly ok: true; readonly consents: readonly StoredConsent[] } | UseCaseFailure> {
  const visit = await repos.visits.get(input.visitId);
  if (!visit) {
    const failure: UseCaseFailure = {
      ok: false,
      code: 'not-found',
      detail: `no visit ${input.visitId} in this clinic`,
    };
    await audit(repos, input, 'consent.read', input.visitId, null, failure);
    return failure;
  }
  const consents = await repos.procedures.consentsOf(input.visitId);
  await audit(repos, input, 'consent.read', input.visitId, visit.patientId);
  return { ok: true, consents };
}
