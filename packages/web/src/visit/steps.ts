// The visit's steps, in order: one flow with a visible step list, resumable at any step (the step
// is in the URL: /visits/:id/:step). Each step is a component of its own under visit/, registered
// in step-components.tsx; until it is built, a placeholder says what it will do.

export const VISIT_STEPS = [
  {
    id: 'indication',
    title: 'Indication and baseline',
    summary: 'Diagnosis, pain NRS and PEG before the procedure.',
  },
  {
    id: 'review',
    title: 'History review',
    summary: 'Allergies reviewed, medicines reconciled, earlier injections.',
  },
  {
    id: 'plan',
    title: 'Plan',
    summary: 'Sites on the body map with findings and products; the live dose meter.',
  },
  {
    id: 'screening',
    title: 'Screening',
    summary: 'The server’s cards for this plan, with why; a critical card blocks signing until overridden.',
  },
  { id: 'consent', title: 'Consent', summary: 'Generated from the plan and signed on screen.' },
  {
    id: 'procedure',
    title: 'Procedure note',
    summary: 'Time-out, each site’s product, volume, lot and expiry, needle, aspiration, twitch, tolerance.',
  },
  { id: 'sign', title: 'Sign', summary: 'Codes with their reasons, then the signature; amendments after.' },
  { id: 'discharge', title: 'Discharge', summary: 'Observation timer and aftercare.' },
] as const;

export type VisitStep = (typeof VISIT_STEPS)[number];
export type VisitStepId = VisitStep['id'];

export function stepById(id: string | undefined): VisitStep | undefined {
  return VISIT_STEPS.find((s) => s.id === id);
}
