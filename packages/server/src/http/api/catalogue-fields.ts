// Plan fields checked against the catalogue's codes, shared by the plan and the screen bodies, so
// a wrong code is a 400 naming its path (`$.sites[1].muscle`) wherever it is sent.
import { catalogue } from '@knotwork/core';
import { z } from 'zod';

const codes = (list: readonly { readonly code: string }[]) => list.map((c) => c.code) as [string, ...string[]];

export const MuscleCode = z.enum(codes(catalogue.muscles), { error: 'not a muscle code of the catalogue' });
export const Side = z.enum(['left', 'right', 'both']);
export const InjectateCode = z.enum(codes(catalogue.injectates), { error: 'not an injectate code of the catalogue' });

/** A planned product: a catalogue injectate and its total volume for the session. */
export const PlannedProduct = z.strictObject({
  injectate: InjectateCode,
  volumeMl: z.number().positive().max(100),
});

export const PlannedProducts = z.array(PlannedProduct).min(1).max(10);

/** Sites of one plan: at least one, at most 30. */
export function plannedSites<T extends z.ZodType>(site: T) {
  return z.array(site).min(1).max(30);
}
