// Who this is, at a glance and the same on every patient page: name, age (at the clinical clock),
// sex, birth date, identifiers and the latest weight.
import type { Chart } from '../api/types';
import { ageAt, formatDate, fullName, identifierLabel, sexLabel } from '../ui/format';
import { observationKindOf, unitLabel } from './vocabulary';

export function latestWeight(chart: Chart): { text: string; at: string } | undefined {
  const weights = chart.observations
    .filter((o) => o.status !== 'entered-in-error' && observationKindOf(o.loinc)?.id === 'bodyWeight')
    .toSorted((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const latest = weights[0];
  if (!latest || !('quantity' in latest.value)) return undefined;
  return { text: `${latest.value.quantity} ${unitLabel(latest.value.unit)}`, at: latest.at };
}

export function PatientHeader({ chart, now }: { readonly chart: Chart; readonly now: Date }) {
  const p = chart.patient;
  const age = ageAt(p.birthDate, now);
  const weight = latestWeight(chart);
  return (
    <dl className="patient-facts">
      <div>
        <dt>Age</dt>
        <dd>{age === undefined ? 'Unknown' : `${age} years`}</dd>
      </div>
      <div>
        <dt>Sex</dt>
        <dd>{sexLabel(p.sex)}</dd>
      </div>
      <div>
        <dt>Born</dt>
        <dd>{formatDate(p.birthDate)}</dd>
      </div>
      <div>
        <dt>Weight</dt>
        <dd>
          {weight ? (
            <>
              {weight.text} <span className="muted">({formatDate(weight.at)})</span>
            </>
          ) : (
            <span className="text-warning">Not recorded</span>
          )}
        </dd>
      </div>
      {p.identifiers.map((i) => (
        <div key={`${i.system}|${i.value}`}>
          <dt title={i.system}>{identifierLabel(i)}</dt>
          <dd>
            <code>{i.value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export const patientName = (chart: Chart) => fullName(chart.patient);
