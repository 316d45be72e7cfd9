// Stopping a visit (the procedure not done), at any step: a button in the visit header opens a
// dialog asking why (a common reason offered, any words up to 500 characters); the server records
// the visit as cancelled with the reason. The native <dialog> traps focus, closes on Escape and
// gives focus back to the button.
import { useId, useState, type FormEvent } from 'react';
import type { Visit } from '../../api/types';
import { useSession } from '../../session/session-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSubmit } from '../../ui/use-submit';

export const STOP_REASONS = [
  'Critical allergy card not overridden',
  'Patient declined',
  'Patient unwell on the day',
] as const;

export function StopVisitButton({ visit, onEnded }: { readonly visit: Visit; readonly onEnded: (v: Visit) => void }) {
  const { api } = useSession();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { problem, busy, run } = useSubmit();
  if (visit.status !== 'in-progress') return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    let ended: Visit | undefined;
    const ok = await run(async () => {
      ended = await api.endVisit(visit, { outcome: 'stopped', reason: reason.trim() });
    });
    if (ok && ended) {
      setOpen(false);
      onEnded(ended);
    }
  }

  const ids = { reason: `${id}-reason` };
  return (
    <>
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Stop the visit
      </Button>
      <Dialog
        open={open}
        title="Stop the visit"
        description="The procedure is not done. The visit is kept, marked stopped, with your reason."
        labelledBy={`${id}-title`}
        onClose={() => setOpen(false)}
      >
        <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Stop the visit">
          <ProblemAlert problem={problem} fields={ids} />
          <TextField
            id={ids.reason}
            label="Why is the visit stopped?"
            hint="Pick a common reason or say it in your words (up to 500 characters)."
            list={`${id}-reasons`}
            maxLength={500}
            required
            autoComplete="off"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            errors={problem?.issuesAt('reason')}
          />
          <datalist id={`${id}-reasons`}>
            {STOP_REASONS.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          <div className="dialog-footer">
            <Button variant="ghost" type="button" onClick={() => setOpen(false)}>
              Keep the visit going
            </Button>
            <Button variant="danger" type="submit" disabled={busy || reason.trim() === ''}>
              Stop the visit
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
