// Finishing the visit at discharge: offered once every item of the checklist before the patient
// leaves is ticked; the server finishes the visit only when its note is signed (else it says so).
import type { Visit } from '../../api/types';
import { useSession } from '../../session/session-context';
import { Button } from '../../ui/Button';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSubmit } from '../../ui/use-submit';
import './visit-end.css';

export function FinishVisit({
  visit,
  checklistDone,
  onEnded,
}: {
  readonly visit: Visit;
  readonly checklistDone: boolean;
  readonly onEnded?: ((visit: Visit) => void) | undefined;
}) {
  const { api } = useSession();
  const { problem, busy, run } = useSubmit();
  if (visit.status !== 'in-progress') return null;

  async function finish() {
    let ended: Visit | undefined;
    const ok = await run(async () => {
      ended = await api.endVisit(visit, { outcome: 'completed' });
    });
    if (ok && ended) onEnded?.(ended);
  }

  return (
    <section className="record-block" aria-labelledby="finish-visit-title">
      <h3 id="finish-visit-title" className="record-subtitle">
        Finish the visit
      </h3>
      <ProblemAlert problem={problem} />
      {checklistDone ? (
        <p className="muted">The patient is ready to leave: finishing records the discharge time.</p>
      ) : (
        <p className="muted" id="finish-visit-why">
          Tick every item before the patient leaves to finish the visit.
        </p>
      )}
      <Button
        variant="primary"
        onClick={() => void finish()}
        disabled={!checklistDone || busy}
        aria-describedby={checklistDone ? undefined : 'finish-visit-why'}
      >
        Finish the visit
      </Button>
    </section>
  );
}
