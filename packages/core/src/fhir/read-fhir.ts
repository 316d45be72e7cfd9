// Defensive readers for FHIR JSON that arrives from an EHR: any shape may be wrong, and a reader
// returns "nothing" rather than throwing, so a malformed part is reported by the rule that needed it.

export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export interface Coding {
  readonly system: string | undefined;
  readonly code: string | undefined;
  readonly display: string | undefined;
}

export function codings(concept: unknown): Coding[] {
  const out: Coding[] = [];
  for (const c of arr(obj(concept)?.['coding'])) {
    const o = obj(c);
    if (o) out.push({ system: str(o['system']), code: str(o['code']), display: str(o['display']) });
  }
  return out;
}

/** The words a person wrote about a concept: every coding's display and the text. */
export function conceptTexts(concept: unknown): string[] {
  const out: string[] = [];
  for (const c of codings(concept)) if (c.display) out.push(c.display);
  const text = str(obj(concept)?.['text']);
  if (text) out.push(text);
  return out;
}

/** A short human label for a concept, for card details and traces. */
export function conceptLabel(concept: unknown): string {
  const o = obj(concept);
  const text = str(o?.['text']);
  if (text) return text;
  for (const c of codings(concept)) {
    if (c.display) return c.display;
  }
  const first = codings(concept)[0];
  return first?.code ? `${first.code}` : '(not coded)';
}

/** The code of a status CodeableConcept such as Condition.clinicalStatus. */
export function statusCode(concept: unknown): string | undefined {
  for (const c of arr(obj(concept)?.['coding'])) {
    const code = obj(c)?.['code'];
    if (typeof code === 'string' && code) return code;
  }
  return undefined;
}

export interface Entry {
  readonly resource: Json;
  readonly path: string;
  readonly fullUrl: string | undefined;
}

/** The resources of a Bundle, each with its JSON path for facts and errors. */
export function bundleEntries(bundle: unknown, path: string): Entry[] {
  const out: Entry[] = [];
  arr(obj(bundle)?.['entry']).forEach((e, i) => {
    const entry = obj(e);
    const resource = obj(entry?.['resource']);
    if (resource) out.push({ resource, path: `${path}.entry[${i}].resource`, fullUrl: str(entry?.['fullUrl']) });
  });
  return out;
}

export function resourceType(resource: Json): string | undefined {
  return str(resource['resourceType']);
}
