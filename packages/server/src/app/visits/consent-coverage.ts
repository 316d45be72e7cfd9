// Does a signed consent cover what is planned? The newest consent of the visit must name every
// planned site (muscle and side; a consent for both sides covers either) and every planned
// product; otherwise the note cannot be signed until a consent for the current plan is signed.
import type { StoredPlan } from './plan-ports.js';
import type { StoredConsent } from './procedure-ports.js';

export function consentGaps(
  consents: readonly StoredConsent[],
  plan: Pick<StoredPlan, 'sites' | 'products'>,
): { readonly code: 'consent-missing' | 'consent-incomplete'; readonly message: string }[] {
  const consent = consents.at(-1);
  if (!consent) return [{ code: 'consent-missing', message: 'no consent is signed for this visit' }];
  const covered = (muscle: string, side: string) =>
    consent.form.sites.some((s) => s.muscle === muscle && (s.side === side || s.side === 'both'));
  const gaps: string[] = [];
  for (const site of plan.sites) {
    const sides = site.side === 'both' ? ['left', 'right'] : [site.side];
    if (!sides.every((side) => covered(site.muscle, side))) gaps.push(`${site.muscle} (${site.side})`);
  }
  const drugs = new Set(consent.form.drugs.map((d) => d.injectate));
  for (const p of plan.products) if (!drugs.has(p.injectate)) gaps.push(p.injectate);
  return gaps.length === 0
    ? []
    : [
        {
          code: 'consent-incomplete',
          message: `the signed consent does not cover ${gaps.join(', ')}: sign a consent for the current plan`,
        },
      ];
}
