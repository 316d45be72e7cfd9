// The warning before the server ends an idle session (GET /api/session's idleTimeoutSeconds): two
// minutes before, a dialog says so and "Stay signed in" makes a request, which slides the server's
// idle timer. The page behind stays mounted, so nothing typed is lost; if the warning is missed,
// the next request meets the sign-in dialog (ReauthDialog) and is retried after it.
//
// The server slides the idle timer at most once a minute (TOUCH_EVERY_MS in sign-in.ts), so the
// session may end up to a minute before "last request + idle timeout": the warning allows for it.
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';

export const SERVER_TOUCH_SLACK_MS = 60_000;
export const WARN_BEFORE_MS = 120_000;

export interface IdleWarningProps {
  readonly idleTimeoutSeconds: number;
  /** When the app last heard from the server (epoch ms, the browser's clock). */
  readonly lastActivity: number;
  /** Makes a request that keeps the session (resolves once answered). */
  readonly onStay: () => Promise<unknown>;
  readonly onSignOut: () => void;
  /** The browser's clock (a parameter for tests). */
  readonly now?: () => number;
}

/** When the session may end, allowing for the server's touch slack (epoch ms). */
export function idleEndOf(lastActivity: number, idleTimeoutSeconds: number): number {
  return lastActivity + idleTimeoutSeconds * 1000 - SERVER_TOUCH_SLACK_MS;
}

export function IdleWarning({ idleTimeoutSeconds, lastActivity, onStay, onSignOut, now = Date.now }: IdleWarningProps) {
  const id = useId();
  const end = idleEndOf(lastActivity, idleTimeoutSeconds);
  // A short idle timeout still gets a warning: at most half of it.
  const lead = Math.min(WARN_BEFORE_MS, (idleTimeoutSeconds * 1000) / 2);
  const [clock, setClock] = useState(now);
  const [busy, setBusy] = useState(false);
  const open = clock >= end - lead && clock < end;
  // Focus goes back where it was (the field being typed in) when the warning closes.
  const before = useRef<Element | null>(null);
  useEffect(() => {
    if (open) before.current = document.activeElement;
    else if (before.current instanceof HTMLElement) {
      before.current.focus();
      before.current = null;
    }
  }, [open]);

  // Wake at the warning, then every 15 s while it shows (the minutes left), and at the end.
  useEffect(() => {
    const at = now();
    const next = at < end - lead ? end - lead : at < end ? Math.min(end, at + 15_000) : undefined;
    if (next === undefined) return;
    const timer = setTimeout(() => setClock(now()), Math.max(0, next - at));
    return () => clearTimeout(timer);
  }, [clock, end, lead, now]);

  async function stay() {
    setBusy(true);
    try {
      await onStay();
    } catch {
      // The session had already ended: the next request opens the sign-in dialog, nothing is lost.
    } finally {
      setBusy(false);
      setClock(now());
    }
  }

  const minutes = Math.max(1, Math.ceil((end - clock) / 60_000));
  if (!open) return null;
  return (
    <Dialog
      open
      labelledBy={`${id}-title`}
      onClose={() => void stay()}
      title={`You will be signed out in ${minutes} minute${minutes === 1 ? '' : 's'}`}
      description="You have not used Knotwork for a while. What you typed stays on the page either way; stay signed in to keep working without signing in again."
    >
      <div className="form-actions">
        <Button variant="primary" busy={busy} autoFocus onClick={() => void stay()}>
          Stay signed in
        </Button>
        <Button variant="ghost" onClick={onSignOut}>
          Sign out
        </Button>
      </div>
    </Dialog>
  );
}
