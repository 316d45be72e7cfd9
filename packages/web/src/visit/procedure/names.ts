// Display names for the catalogue codes a note records (the shared vocabulary in @knotwork/core).
import { catalogue } from '@knotwork/core';

const muscles = new Map<string, string>(catalogue.muscles.map((m) => [m.code, m.display]));
const injectates = new Map<string, string>(catalogue.injectates.map((i) => [i.code, i.display]));

export const muscleName = (code: string): string => muscles.get(code) ?? code;
export const productName = (code: string): string => injectates.get(code) ?? code;
export const SIDE_WORDS = { left: 'left', right: 'right', both: 'both sides' } as const;

/** A field's element id from an API issue path: `$.sites[0].administrations[1].expiry` -> `note-sites-0-administrations-1-expiry`. */
export function fieldIdOf(path: string): string {
  return (
    'note-' +
    path
      .replace(/^\$\.?/, '')
      .replace(/\[(\d+)\]/g, '-$1')
      .replace(/\./g, '-')
  );
}
