// What still blocks signing, as the server's 409 signing-blocked detail lists it ("cannot sign
// yet: a; b; c"), each with the step of the visit where it is put right. The server decides what
// blocks; this only routes each item to a step by what it names.
import type { VisitStepId } from '../steps';

export interface Blocker {
  readonly text: string;
  readonly step: VisitStepId;
}

export function stepFor(text: string): VisitStepId {
  // The time-out (which names consent among its checks) is ticked in the procedure note.
  if (/time-out/i.test(text)) return 'procedure';
  if (/consent/i.test(text)) return 'consent';
  if (/no screen|critical card|screen the visit/i.test(text)) return 'screening';
  if (/has no plan/i.test(text)) return 'plan';
  return 'procedure';
}

export function blockersOf(detail: string): Blocker[] {
  const list = detail.replace(/^cannot sign yet:\s*/i, '');
  return list
    .split(/;\s+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((text) => ({ text, step: stepFor(text) }));
}
