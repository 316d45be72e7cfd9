// The observation after the procedure: started when the procedure ends, counting down the clinic's
// observation time in minutes and seconds, with its state in words (never colour alone). The start
// is kept for the visit in this browser tab, so moving between steps does not restart it.
import { useEffect, useState } from 'react';
import { Button } from '../../ui/Button';

export interface ObservationTimerProps {
  readonly visitId: string;
  readonly minutes: number;
  /** Real time (the timer runs on the wall clock even when the clinical clock is fixed). */
  readonly clock?: () => number;
}

const key = (visitId: string) => `knotwork.observation.${visitId}`;

function readStart(visitId: string): number | null {
  const value = Number(window.sessionStorage.getItem(key(visitId)));
  return Number.isFinite(value) && value > 0 ? value : null;
}

const clockTime = (at: number) => new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

const mmss = (ms: number) => {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

export function ObservationTimer({ visitId, minutes, clock = Date.now }: ObservationTimerProps) {
  const [startedAt, setStartedAt] = useState<number | null>(() => readStart(visitId));
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (startedAt === null) return;
    const id = setInterval(() => setNow(clock()), 1000);
    return () => clearInterval(id);
  }, [startedAt, clock]);

  const start = () => {
    const at = clock();
    window.sessionStorage.setItem(key(visitId), String(at));
    setStartedAt(at);
    setNow(at);
  };
  const left = startedAt === null ? minutes * 60_000 : startedAt + minutes * 60_000 - now;
  const done = startedAt !== null && left <= 0;

  return (
    <section className="record-block observation" aria-labelledby="observation-title">
      <h3 id="observation-title" className="record-subtitle">
        Observation: {minutes} minutes
      </h3>
      {startedAt === null ? (
        <>
          <p>Start the timer when the procedure ends (the last needle out).</p>
          <Button variant="primary" onClick={start}>
            Procedure ended: start observation
          </Button>
        </>
      ) : (
        <div className={done ? 'timer timer-done' : 'timer'}>
          <p className="timer-clock" role="timer" aria-label="Observation time left">
            {done ? '0:00' : mmss(left)}
          </p>
          {/* Announced when it starts and when it ends, not every second. */}
          <p className="timer-words" role="status">
            {done
              ? `Observation complete: ${minutes} minutes have passed since ${clockTime(startedAt)}.`
              : `Observing since ${clockTime(startedAt)}; ends at ${clockTime(startedAt + minutes * 60_000)}.`}
          </p>
        </div>
      )}
    </section>
  );
}
