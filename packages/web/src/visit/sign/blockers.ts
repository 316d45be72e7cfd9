// What still blocks signing, as the server's 409 signing-blocked problem lists it in its `blockers`
// extension member: each item's words, its stable code and the visit step where it is put right.
// The server decides what blocks and where it is fixed; this only shows it.
import type { ApiProblem } from '../../api/problem';
import { stepById, type VisitStepId } from '../steps';

export interface Blocker {
  readonly code: string;
  readonly text: string;
  readonly step: VisitStepId;
}

export function blockersOf(problem: ApiProblem): Blocker[] {
  const items = problem.blockers.map((b) => ({
    code: b.code,
    text: b.message,
    // A step this app does not know (a newer server) still lands in the procedure note.
    step: stepById(b.step)?.id ?? 'procedure',
  }));
  // A refusal without the list (never from this server) is still shown, as one item.
  return items.length > 0 ? items : [{ code: problem.code, text: problem.detail, step: 'procedure' }];
}
