import type { LastChecklist } from '../../api/visit-record-types';
import { formatDateTime } from '../../ui/format';

const BAND = {
  'over-70-kg': 'over 70 kg',
  'up-to-70-kg': '70 kg or less',
  unknown: 'weight unknown',
} as const;

/** The checklist as the server answered it: doses first, then what to do, then how it shows. */
export function LastChecklistView({ checklist }: { readonly checklist: LastChecklist }) {
  const { lipid } = checklist;
  return (
    <>
      <section className="last-doses" aria-labelledby="last-doses-title">
        <h3 id="last-doses-title" className="record-subtitle">
          20% lipid emulsion for this patient
        </h3>
        <p className="muted">
          {checklist.weightKg === null
            ? 'No weight recorded: doses by the weight-unknown band. Weigh the patient if you can.'
            : `Weight ${checklist.weightKg} kg (${BAND[lipid.band]}), recorded ${formatDateTime(checklist.weightAt)}.`}
        </p>
        <dl className="dose-list">
          <dt>Bolus</dt>
          <dd>{lipid.bolus}</dd>
          <dt>Infusion</dt>
          <dd>{lipid.infusion}</dd>
          <dt>If still unstable</dt>
          <dd>{lipid.ifUnstable}</dd>
          {lipid.upperLimitMl !== null && (
            <>
              <dt>Upper limit</dt>
              <dd>{lipid.upperLimitMl} mL in total</dd>
            </>
          )}
        </dl>
        {lipid.notes.length > 0 && (
          <ul className="plain-list">
            {lipid.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="last-steps-title">
        <h3 id="last-steps-title" className="record-subtitle">
          What to do
        </h3>
        <ol className="numbered-steps">
          {checklist.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="last-signs-title">
        <h3 id="last-signs-title" className="record-subtitle">
          How it shows
        </h3>
        {checklist.recognition.map((r) => (
          <div key={r.stage} className="sign-stage">
            <p className="sign-stage-name">{r.stage}</p>
            <ul className="plain-list">
              {r.signs.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <p className="sources">Sources: {checklist.sources.join(', ')}</p>
    </>
  );
}
