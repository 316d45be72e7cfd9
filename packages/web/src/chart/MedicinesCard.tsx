// The medicine list with anticoagulants and antiplatelets marked as the server recognised them
// (its `anticoagulant` field: the catalogue agent, by RxNorm code or name), reconciliation, adding one.
import { useId, useState, type FormEvent } from 'react';
import type { Chart, Medicine } from '../api/types';
import { useSession } from '../session/session-context';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { SelectField, TextField } from '../ui/Field';
import { formatDate } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useSubmit } from '../ui/use-submit';
import { AddPanel } from './AddPanel';
import { useChartActions } from './chart-actions';
import { EnteredInErrorAction, EnteredInErrorMark, useEnteredInError } from './EnteredInError';
import { FormActions } from './FormActions';

const listed = (m: Medicine) => m.status !== 'entered-in-error';
const current = (m: Medicine) => m.status === 'active' || m.status === 'on-hold' || m.status === 'intended';

export function MedicinesCard({ chart }: { readonly chart: Chart }) {
  const { api } = useSession();
  const { patientId, saved } = useChartActions();
  const { problem, busy, run } = useSubmit();
  const { list, toggle } = useEnteredInError(chart.medicines, (m) => !listed(m));
  const anticoagulants = list.filter(listed).filter((m) => current(m) && m.anticoagulant !== null).length;

  async function reconcile() {
    if (await run(() => api.reconcileMedicines(patientId))) await saved('Medicine list marked reconciled');
  }

  return (
    <Card
      title="Medicines"
      headingId="chart-medicines"
      status={
        anticoagulants > 0 ? (
          <Badge tone="warning">{anticoagulants === 1 ? '1 anticoagulant' : `${anticoagulants} anticoagulants`}</Badge>
        ) : undefined
      }
      actions={<AddPanel label="Add medicine" form={MedicineForm} />}
    >
      {chart.medicationsReconciledAt === null ? (
        <p className="review-status review-status-warning">
          <strong>Never reconciled.</strong> Go through the list with the patient.
        </p>
      ) : (
        <p className="review-status review-status-ok">
          Reconciled with the patient on {formatDate(chart.medicationsReconciledAt)}.
        </p>
      )}
      <ProblemAlert problem={problem} />
      {list.length === 0 ? (
        <p className="empty">No medicines recorded.</p>
      ) : (
        <ul className="entry-list">
          {list.map((m) => (
            <li key={m.id} className={m.anticoagulant && listed(m) ? 'entry entry-flagged' : 'entry'}>
              <div className="entry-main">
                {listed(m) ? (
                  <span className="entry-title">{m.display}</span>
                ) : (
                  <EnteredInErrorMark>
                    <span className="entry-title">{m.display}</span>
                  </EnteredInErrorMark>
                )}
                {m.anticoagulant && listed(m) && (
                  <Badge tone="warning">
                    <span aria-hidden="true">⚠ </span>Anticoagulant: {m.anticoagulant}
                  </Badge>
                )}
              </div>
              <div className="entry-meta">
                {m.status !== 'active' && listed(m) && <Badge>{m.status}</Badge>}
                {m.rxnorm && <span>RxNorm {m.rxnorm}</span>}
                {m.assertedAt && <span>Reported {formatDate(m.assertedAt)}</span>}
                {listed(m) && <EnteredInErrorAction segment="medicines" entry={m} label={m.display} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      {toggle && <div className="card-footer-actions">{toggle}</div>}
      <div className="card-footer-actions">
        <Button size="sm" busy={busy} onClick={() => void reconcile()}>
          Confirm medicines reconciled
        </Button>
      </div>
    </Card>
  );
}

function MedicineForm({ done }: { readonly done: () => void }) {
  const { api } = useSession();
  const { patientId, saved } = useChartActions();
  const id = useId();
  const [display, setDisplay] = useState('');
  const [rxnorm, setRxnorm] = useState('');
  const [status, setStatus] = useState<'active' | 'on-hold' | 'stopped'>('active');
  const { problem, busy, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    let added: Medicine | undefined;
    const ok = await run(async () => {
      added = await api.addMedicine(patientId, {
        display: display.trim(),
        status,
        ...(rxnorm.trim() ? { rxnorm: rxnorm.trim() } : {}),
      });
    });
    if (ok) {
      const flag = added?.anticoagulant ? ` (recognised as an anticoagulant: ${added.anticoagulant})` : '';
      await saved(`Medicine added: ${display.trim()}${flag}`);
      done();
    }
  }

  const ids = { display: `${id}-display`, rxnorm: `${id}-rxnorm`, status: `${id}-status` };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add medicine">
      <ProblemAlert problem={problem} fields={ids} />
      <div className="form-grid">
        <TextField
          id={ids.display}
          label="Medicine, as written"
          hint='For example "Apixaban 5 mg twice daily"'
          value={display}
          autoComplete="off"
          onChange={(e) => setDisplay(e.target.value)}
          errors={problem?.issuesAt('display')}
        />
        <TextField
          id={ids.rxnorm}
          label="RxNorm code"
          optional
          inputMode="numeric"
          value={rxnorm}
          autoComplete="off"
          onChange={(e) => setRxnorm(e.target.value)}
          errors={problem?.issuesAt('rxnorm')}
        />
        <SelectField
          id={ids.status}
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
          errors={problem?.issuesAt('status')}
        >
          <option value="active">Taking</option>
          <option value="on-hold">Paused</option>
          <option value="stopped">Stopped</option>
        </SelectField>
      </div>
      <FormActions busy={busy} label="Add medicine" onCancel={done} />
    </form>
  );
}
