// Marking a chart entry entered in error (DELETE on the entry, If-Match its revision): never a
// deletion, the server keeps the row with that status and audits the reason given here. The action
// asks for a reason and a confirmation in a dialog; entries already entered in error are hidden
// behind "Show entered in error" and, once shown, struck through and labelled in words.
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { RecordSegment } from '../api/endpoints';
import { ApiProblem } from '../api/problem';
import { useSession } from '../session/session-context';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useSubmit } from '../ui/use-submit';
import { useChartActions } from './chart-actions';

export interface MarkableEntry {
  readonly id: string;
  readonly revision?: number;
}

/** The entries to list: all but those entered in error, unless they are asked for too. */
export function useEnteredInError<T>(all: readonly T[], isEnteredInError: (entry: T) => boolean) {
  const [show, setShow] = useState(false);
  const hidden = all.filter(isEnteredInError).length;
  const list = show ? all : all.filter((e) => !isEnteredInError(e));
  const toggle =
    hidden === 0 ? null : (
      <Button size="sm" variant="ghost" aria-pressed={show} onClick={() => setShow((s) => !s)}>
        {show ? 'Hide entered in error' : `Show entered in error (${hidden})`}
      </Button>
    );
  return { list, toggle };
}

/** How an entry entered in error reads in a list: struck through, and said in words. */
export function EnteredInErrorMark({ children }: { readonly children: ReactNode }) {
  return (
    <>
      <s className="entry-struck">{children}</s> <span className="badge badge-neutral">Entered in error</span>
    </>
  );
}

export function EnteredInErrorAction({
  segment,
  entry,
  label,
}: {
  readonly segment: RecordSegment;
  readonly entry: MarkableEntry;
  /** What the entry is, in words ("Myalgia, other site"). */
  readonly label: string;
}) {
  const { api } = useSession();
  const { patientId, saved } = useChartActions();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { problem, busy, run } = useSubmit();
  const id = useId();
  const opener = useRef<HTMLButtonElement>(null);
  if (entry.revision === undefined) return null;
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const revision = entry.revision;

  async function submit(event: FormEvent) {
    event.preventDefault();
    let stale = false;
    const ok = await run(async () => {
      try {
        await api.enterInError(patientId, segment, entry.id, revision, reason.trim());
      } catch (error) {
        stale = error instanceof ApiProblem && error.status === 412;
        throw error;
      }
    });
    if (ok) {
      close();
      setReason('');
      await saved(`${label}: marked entered in error`);
    } else if (stale) await saved('The chart was read again: the entry had changed');
  }

  return (
    <>
      <Button
        ref={opener}
        size="sm"
        variant="ghost"
        aria-label={`Mark ${label} entered in error`}
        onClick={() => setOpen(true)}
      >
        Entered in error…
      </Button>
      {open && (
        <Dialog
          open
          onClose={close}
          labelledBy={`${id}-title`}
          title={`Mark “${label}” entered in error?`}
          description="It will no longer count in the chart or in screening. The entry is kept, struck through, with your reason in the audit log; it cannot be changed afterwards."
        >
          <form className="form" onSubmit={(e) => void submit(e)} aria-label="Entered in error">
            {problem && (
              <>
                <ProblemAlert problem={problem} />
                {problem.status === 412 && (
                  <p className="field-hint">
                    Someone changed this entry after you opened the chart. Close this, check the entry as it is now, and
                    mark it again if it is still wrong.
                  </p>
                )}
              </>
            )}
            <div className="field">
              <label className="field-label" htmlFor={`${id}-reason`}>
                Reason
              </label>
              <p className="field-hint" id={`${id}-hint`}>
                For example: recorded on the wrong patient, wrong code, duplicate.
              </p>
              <textarea
                id={`${id}-reason`}
                className="input textarea"
                rows={2}
                maxLength={500}
                required
                aria-describedby={`${id}-hint`}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            <div className="form-actions">
              <Button type="submit" variant="danger" busy={busy} disabled={reason.trim() === ''}>
                Mark entered in error
              </Button>
              <Button variant="ghost" onClick={close}>
                Cancel
              </Button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}
