// A setting's earlier versions, as the server keeps them: the API has no version history of its own,
// so this reads the audit log (GET /api/audit, its action for the setting), which records every
// change with when, who, the version made and the values before and after (the screening policy's
// only by its version label). Loaded when opened: reading the audit log is itself audited.
import { useState, type ReactNode } from 'react';
import { ApiProblem } from '../api/problem';
import type { AuditEntry, SettingsAction } from '../api/settings-endpoints';
import { formatDateTime } from '../ui/format';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useSettings } from './settings-context';

export interface ChangeHistoryProps {
  readonly action: SettingsAction;
  /** What one change did, from its audit detail. */
  readonly describe: (detail: Readonly<Record<string, unknown>>) => ReactNode;
}

/** A detail's value as text: a string or number as it is, anything else a dash. */
export function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '—';
}

type State =
  | { readonly status: 'closed' | 'loading' }
  | { readonly status: 'loaded'; readonly entries: readonly AuditEntry[] }
  | { readonly status: 'failed'; readonly problem: ApiProblem };

export function ChangeHistory({ action, describe }: ChangeHistoryProps) {
  const { api, nameOf } = useSettings();
  const [state, setState] = useState<State>({ status: 'closed' });

  async function load() {
    setState({ status: 'loading' });
    try {
      const entries = (await api.settingChanges(action)).filter((e) => e.outcome === 'success');
      setState({ status: 'loaded', entries });
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setState({ status: 'failed', problem: error });
    }
  }

  return (
    <details
      className="change-history"
      onToggle={(event) => {
        if (event.currentTarget.open && state.status !== 'loading') void load();
      }}
    >
      <summary>Change history</summary>
      <div className="change-history-body">
        <p className="muted">From the clinic’s audit log, newest first.</p>
        {state.status === 'loading' && <Loading label="Reading the audit log" />}
        {state.status === 'failed' && <ProblemAlert problem={state.problem} focus={false} />}
        {state.status === 'loaded' && state.entries.length === 0 && (
          <p className="empty">No change recorded: Knotwork’s defaults have been in force.</p>
        )}
        {state.status === 'loaded' && state.entries.length > 0 && (
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Change</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {state.entries.map((e) => (
                  <tr key={e.id}>
                    <td className="num">{textOf(e.detail?.['settingsVersion'])}</td>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{nameOf(e.actor)}</td>
                    <td>{e.detail ? describe(e.detail) : '—'}</td>
                    <td>{textOf(e.detail?.['reason'])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </details>
  );
}
