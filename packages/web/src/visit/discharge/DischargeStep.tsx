// Step 8, discharge: the observation timer, the checklist to tick before the patient leaves, the
// aftercare and the warning signs (what to do, how urgently, in words) as the server wrote them for
// this visit's sites and drugs, and the sheet to print for the patient.
import { useState } from 'react';
import { useVisitPlanningApi } from '../../api/visit-planning-endpoints';
import { pdfLinks, useVisitRecordApi } from '../../api/visit-record-endpoints';
import type { Urgency } from '../../api/visit-record-types';
import { LearnLink } from '../../learn/LearnLink';
import { Badge, type Tone } from '../../ui/Badge';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useLoad } from '../../ui/use-load';
import type { StepProps } from '../step-props';
import { FinishVisit } from '../end/FinishVisit';
import { ObservationTimer } from './ObservationTimer';
import '../record.css';

const URGENCY: Readonly<Record<Urgency, { readonly words: string; readonly tone: Tone }>> = {
  emergency: { words: 'Urgency: emergency', tone: 'danger' },
  urgent: { words: 'Urgency: urgent', tone: 'warning' },
  'same-day': { words: 'Urgency: same day', tone: 'info' },
  routine: { words: 'Urgency: routine', tone: 'neutral' },
};

export function DischargeStep({ visit, onEnded }: StepProps) {
  const api = useVisitRecordApi(visit.id);
  const planning = useVisitPlanningApi(visit.id);
  const [loaded] = useLoad(() => api.readDischarge(visit.id), [api, visit.id]);
  // The education page's link follows the plan's sites and drugs (the sheet itself does not list them).
  const [plan] = useLoad(() => planning.readPlan(visit.id), [planning, visit.id]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());

  if (loaded.status === 'failed') return <ProblemAlert problem={loaded.problem} />;
  if (!loaded.value) return <Loading label="Preparing the discharge sheet" />;
  const sheet = loaded.value;
  const toggle = (id: string, on: boolean) =>
    setTicked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const done = sheet.checklist.filter((c) => ticked.has(c.id)).length;

  return (
    <div className="record-step">
      {sheet.basis === 'planned' && (
        <p className="alert alert-info">Written from the plan: the signed note does not record what was given yet.</p>
      )}
      <ObservationTimer visitId={visit.id} minutes={sheet.observationMinutes} />
      <fieldset className="record-block">
        <legend className="record-subtitle">
          Before the patient leaves{' '}
          <span className="muted">
            ({done} of {sheet.checklist.length} done)
          </span>
        </legend>
        <ul className="check-list">
          {sheet.checklist.map((c) => (
            <li key={c.id}>
              <label className="choice choice-large">
                <input type="checkbox" checked={ticked.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                <span>
                  {c.text}
                  {c.because && <span className="because"> Why: {c.because}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <section className="record-block" aria-labelledby="aftercare-title">
        <h3 id="aftercare-title" className="record-subtitle">
          Aftercare
        </h3>
        <ul className="risk-list">
          {sheet.aftercare.map((a) => (
            <li key={a.id}>
              {a.text}
              {a.because && <span className="because"> Why: {a.because}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section className="record-block" aria-labelledby="warning-title">
        <h3 id="warning-title" className="record-subtitle">
          Warning signs
        </h3>
        <ul className="warning-list">
          {sheet.warningSigns.map((w) => (
            <li key={w.id}>
              <Badge tone={URGENCY[w.urgency].tone}>{URGENCY[w.urgency].words}</Badge>
              <p className="warning-text">{w.text}</p>
              <p>What to do: {w.action}</p>
              {w.because && <p className="because">Why: {w.because}</p>}
            </li>
          ))}
        </ul>
      </section>
      {sheet.expect.length > 0 && (
        <section className="record-block" aria-labelledby="expect-title">
          <h3 id="expect-title" className="record-subtitle">
            What to expect
          </h3>
          <ul className="plain-list">
            {sheet.expect.map((e) => (
              <li key={e.text}>{e.text}</li>
            ))}
          </ul>
        </section>
      )}
      {(sheet.followUpLinks?.length ?? 0) > 0 && (
        <section className="record-block" aria-labelledby="follow-up-title">
          <h3 id="follow-up-title" className="record-subtitle">
            Follow-up questions for the patient
          </h3>
          <p className="muted">
            The patient is sent each link when it is due; the printed sheet carries the first as a QR code.
          </p>
          <ul className="plain-list">
            {sheet.followUpLinks?.map((l) => (
              <li key={l.pointId}>
                {l.label}: due{' '}
                {new Date(l.dueAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.value && (
        <LearnLink
          muscles={plan.value.sites.map((s) => s.muscle)}
          injectates={plan.value.products.map((p) => p.injectate)}
        />
      )}
      <div className="form-actions">
        <a className="btn btn-primary" href={pdfLinks.discharge(visit.id)} target="_blank" rel="noreferrer">
          Print for the patient (PDF)
        </a>
      </div>
      <FinishVisit visit={visit} checklistDone={done === sheet.checklist.length} onEnded={onEnded} />
    </div>
  );
}
