// The urgent-task banner in the app shell (issue 6 item 3): red flags patients reported on their
// follow-up forms, most urgent first, polled every 30 s, each acknowledged ("I am on it") and then
// resolved by whoever handles it. It stays until the tasks are resolved; a new task is announced.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ClinicTask, TaskUrgency } from '../api/outcome-types';
import { useOutcomeApi, type OutcomeEndpoints } from '../api/outcome-endpoints';
import { ApiProblem } from '../api/problem';
import './tasks.css';

export const TASK_POLL_MS = 30_000;

const URGENCY: Readonly<Record<TaskUrgency, { readonly words: string; readonly rank: number }>> = {
  emergency: { words: 'Emergency', rank: 0 },
  urgent: { words: 'Urgent', rank: 1 },
  soon: { words: 'Same day', rank: 2 },
};

export function UrgentTasksBanner() {
  return <UrgentTasks api={useOutcomeApi()} />;
}

/** The banner over any endpoints (the tests give it theirs). */
export function UrgentTasks({
  api,
  pollMs = TASK_POLL_MS,
}: {
  readonly api: OutcomeEndpoints;
  readonly pollMs?: number;
}) {
  const [tasks, setTasks] = useState<readonly ClinicTask[]>([]);
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const seen = useRef(new Set<string>());
  const [announce, setAnnounce] = useState('');

  const poll = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const { tasks: found } = await api.openTasks(signal);
        const live = found
          .filter((t) => t.status !== 'resolved')
          .sort((a, b) => URGENCY[a.urgency].rank - URGENCY[b.urgency].rank || b.createdAt.localeCompare(a.createdAt));
        const fresh = live.filter((t) => !seen.current.has(t.id));
        for (const t of live) seen.current.add(t.id);
        if (fresh.length > 0) {
          setAnnounce(
            `${fresh.length} new urgent task${fresh.length > 1 ? 's' : ''}: ${fresh.map((t) => t.summary).join('; ')}`,
          );
        }
        setTasks(live);
      } catch (error) {
        if (signal?.aborted) return;
        // A failed poll leaves the banner as it was; the next poll tries again.
        if (!(error instanceof ApiProblem)) throw error;
      }
    },
    [api],
  );

  useEffect(() => {
    const controller = new AbortController();
    void poll(controller.signal);
    const timer = window.setInterval(() => void poll(controller.signal), pollMs);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [poll, pollMs]);

  const change = async (task: ClinicTask, verb: 'acknowledge' | 'resolve') => {
    setBusy(task.id);
    setProblem(undefined);
    try {
      const changed = await api.changeTask(task, verb);
      setTasks((list) =>
        changed.status === 'resolved'
          ? list.filter((t) => t.id !== changed.id)
          : list.map((t) => (t.id === changed.id ? changed : t)),
      );
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(`${task.patientName}: ${error.detail}`);
      await poll();
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="assertive">
        {announce}
      </p>
      {tasks.length > 0 && (
        <section className="task-banner" aria-labelledby="task-banner-title">
          <div className="task-banner-inner">
            <h2 id="task-banner-title" className="task-banner-title">
              {tasks.length === 1 ? '1 urgent task' : `${tasks.length} urgent tasks`} from patients’ follow-up answers
            </h2>
            {problem && <p className="task-problem">{problem}</p>}
            <ul className="task-list">
              {tasks.map((t) => (
                <li key={t.id} className={`task task-${t.urgency}`}>
                  <span className={`task-urgency task-urgency-${t.urgency}`}>{URGENCY[t.urgency].words}</span>
                  <span className="task-main">
                    <Link to={`/patients/${encodeURIComponent(t.patientId)}`} className="task-patient">
                      {t.patientName}
                    </Link>
                    <span className="task-summary">{t.summary}</span>
                    <span className="task-meta">
                      {new Date(t.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
                      {t.status === 'acknowledged' && ' · acknowledged'}
                    </span>
                  </span>
                  <span className="task-actions">
                    {t.status === 'open' && (
                      <button
                        type="button"
                        className="btn btn-sm btn-secondary"
                        disabled={busy === t.id}
                        aria-label={`Acknowledge ${t.patientName}`}
                        onClick={() => void change(t, 'acknowledge')}
                      >
                        Acknowledge
                      </button>
                    )}
                    <button
                      type="button"
                      className="btn btn-sm btn-primary"
                      disabled={busy === t.id}
                      aria-label={`Resolve ${t.patientName}`}
                      onClick={() => void change(t, 'resolve')}
                    >
                      Resolve
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
    </>
  );
}
