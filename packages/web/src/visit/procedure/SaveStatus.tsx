import type { SaveState } from './use-note-draft';

/** Where the draft stands, in words (never colour alone), announced politely. */
/** `announce={false}`: a second copy (at the end of the form), seen but not read out twice. */
export function SaveStatus({ state, announce = true }: { readonly state: SaveState; readonly announce?: boolean }) {
  const text = (() => {
    switch (state.kind) {
      case 'saved':
        return 'Saved';
      case 'pending':
        return 'Unsaved changes…';
      case 'saving':
        return 'Saving…';
      case 'incomplete':
        return `Not saved yet: ${state.reason}`;
      case 'refused':
        return 'Not saved: the server refused a field (see below)';
      case 'merged':
        return 'Someone else saved this note meanwhile: their version is loaded and your changes were put back on top and saved';
      case 'failed':
        return `Not saved: ${state.problem.detail}`;
    }
  })();
  const tone =
    state.kind === 'saved'
      ? 'ok'
      : state.kind === 'refused' || state.kind === 'failed'
        ? 'danger'
        : state.kind === 'merged'
          ? 'warning'
          : 'busy';
  return (
    <p
      className={`save-status save-status-${tone}`}
      role={announce ? 'status' : undefined}
      aria-hidden={!announce || undefined}
    >
      <span className="save-status-mark" aria-hidden="true">
        {tone === 'ok' ? '✓' : tone === 'danger' ? '!' : tone === 'warning' ? '⇄' : '…'}
      </span>
      {text}
    </p>
  );
}
