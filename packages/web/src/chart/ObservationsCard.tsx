// Vitals and labs as recorded (weight, temperature, INR, platelets, pain NRS; pregnancy status),
// newest first, and recording one with a unit the API accepts for it.
import { useId, useState, type FormEvent } from 'react';
import type { Observation } from '../api/types';
import { useSession } from '../session/session-context';
import { Card } from '../ui/Card';
import { SelectField, TextField } from '../ui/Field';
import { formatDateTime } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useSubmit } from '../ui/use-submit';
import { AddPanel } from './AddPanel';
import { useChartActions } from './chart-actions';
import { EnteredInErrorAction, EnteredInErrorMark, useEnteredInError } from './EnteredInError';
import { FormActions } from './FormActions';
import { OBSERVATION_KINDS, observationKindOf, unitLabel, type ObservationKindId } from './vocabulary';

export function valueText(o: Observation): string {
  if ('quantity' in o.value) {
    const unit = unitLabel(o.value.unit);
    return unit === 'INR' ? String(o.value.quantity) : `${o.value.quantity} ${unit}`;
  }
  return o.value.display ?? o.value.code;
}

export function ObservationsCard({ observations }: { readonly observations: readonly Observation[] }) {
  const inError = (o: Observation) => o.status === 'entered-in-error';
  const sorted = observations.toSorted((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const { list, toggle } = useEnteredInError(sorted, inError);
  return (
    <Card
      title="Vitals and labs"
      headingId="chart-observations"
      actions={<AddPanel label="Add reading" form={ObservationForm} />}
    >
      {list.length === 0 ? (
        <p className="empty">No readings recorded.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">Reading</th>
                <th scope="col">Value</th>
                <th scope="col">Measured</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((o) => {
                const name = observationKindOf(o.loinc)?.label ?? o.display ?? o.loinc;
                return (
                  <tr key={o.id}>
                    <th scope="row">{inError(o) ? <EnteredInErrorMark>{name}</EnteredInErrorMark> : name}</th>
                    <td className="num">
                      {inError(o) ? <s>{valueText(o)}</s> : valueText(o)}
                      {o.status !== 'final' && !inError(o) && <span className="muted"> ({o.status})</span>}
                    </td>
                    <td>{formatDateTime(o.at)}</td>
                    <td>
                      {!inError(o) && (
                        <EnteredInErrorAction
                          segment="observations"
                          entry={o}
                          label={`${name} ${valueText(o)} of ${formatDateTime(o.at)}`}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {toggle && <div className="card-footer-actions">{toggle}</div>}
    </Card>
  );
}

/** `YYYY-MM-DDTHH:mm` in local time, what a datetime-local input shows. */
function localInputValue(at: Date): string {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function ObservationForm({ done }: { readonly done: () => void }) {
  const { api, now } = useSession();
  const { patientId, saved } = useChartActions();
  const id = useId();
  const [kindId, setKindId] = useState<ObservationKindId>('bodyWeight');
  const kind = OBSERVATION_KINDS.find((k) => k.id === kindId) ?? OBSERVATION_KINDS[0];
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState(kind?.units[0]?.code ?? '');
  const [at, setAt] = useState(() => localInputValue(now()));
  const { problem, busy, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!kind) return;
    const measured = new Date(at);
    const ok = await run(() =>
      api.addObservation(patientId, {
        loinc: kind.loinc,
        display: kind.display,
        value: { quantity: quantity.trim() === '' ? Number.NaN : Number(quantity), unit },
        at: Number.isNaN(measured.getTime()) ? at : measured.toISOString(),
      }),
    );
    if (ok) {
      await saved(`Reading added: ${kind.label} ${quantity} ${unitLabel(unit)}`);
      done();
    }
  }

  const ids = { loinc: `${id}-kind`, value: `${id}-value`, at: `${id}-at` };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add reading">
      <ProblemAlert problem={problem} fields={ids} />
      <div className="form-grid">
        <SelectField
          id={ids.loinc}
          label="Reading"
          value={kindId}
          onChange={(e) => {
            const next = OBSERVATION_KINDS.find((k) => k.id === e.target.value);
            if (!next) return;
            setKindId(next.id);
            setUnit(next.units[0]?.code ?? '');
          }}
          errors={problem?.issuesAt('loinc')}
        >
          {OBSERVATION_KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <div className="field-pair">
          <TextField
            id={ids.value}
            label="Value"
            type="number"
            inputMode="decimal"
            step={kind?.step}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            errors={problem?.issuesAt('value')}
          />
          <SelectField label="Unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
            {kind?.units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.label}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField
          id={ids.at}
          label="Measured at"
          type="datetime-local"
          value={at}
          onChange={(e) => setAt(e.target.value)}
          errors={problem?.issuesAt('at')}
        />
      </div>
      <FormActions busy={busy} label="Add reading" onCancel={done} />
    </form>
  );
}
