// The problem list (conditions with their ICD-10-CM codes), and adding one.
import { useId, useState, type FormEvent } from 'react';
import type { Condition } from '../api/types';
import { useSession } from '../session/session-context';
import { Badge } from '../ui/Badge';
import { Card } from '../ui/Card';
import { TextField } from '../ui/Field';
import { Icd10Combobox } from '../ui/Icd10Combobox';
import { formatDate } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useSubmit } from '../ui/use-submit';
import { AddPanel } from './AddPanel';
import { useChartActions } from './chart-actions';
import { EnteredInErrorAction, EnteredInErrorMark, useEnteredInError } from './EnteredInError';
import { FormActions } from './FormActions';

const inError = (c: Condition) => c.verificationStatus === 'entered-in-error';

export function ProblemsCard({ conditions }: { readonly conditions: readonly Condition[] }) {
  const { list, toggle } = useEnteredInError(
    conditions.filter((c) => c.verificationStatus !== 'refuted'),
    inError,
  );
  return (
    <Card title="Problems" headingId="chart-problems" actions={<AddPanel label="Add problem" form={ConditionForm} />}>
      {list.length === 0 ? (
        <p className="empty">No problems recorded.</p>
      ) : (
        <ul className="entry-list">
          {list.map((c) => (
            <li key={c.id} className="entry">
              <div className="entry-main">
                {inError(c) ? (
                  <EnteredInErrorMark>
                    <span className="entry-title">{c.display}</span> <code className="code-chip">{c.icd10}</code>
                  </EnteredInErrorMark>
                ) : (
                  <>
                    <span className="entry-title">{c.display}</span>
                    <code className="code-chip">{c.icd10}</code>
                  </>
                )}
              </div>
              <div className="entry-meta">
                {c.clinicalStatus !== 'active' && <Badge>{c.clinicalStatus}</Badge>}
                {c.verificationStatus !== 'confirmed' && !inError(c) && (
                  <Badge tone="info">{c.verificationStatus}</Badge>
                )}
                {c.onset && <span>Onset {formatDate(c.onset)}</span>}
                {!inError(c) && <EnteredInErrorAction segment="conditions" entry={c} label={c.display} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      {toggle && <div className="card-footer-actions">{toggle}</div>}
    </Card>
  );
}

function ConditionForm({ done }: { readonly done: () => void }) {
  const { api } = useSession();
  const { patientId, saved } = useChartActions();
  const id = useId();
  const [icd10, setIcd10] = useState('');
  const [display, setDisplay] = useState('');
  const [onset, setOnset] = useState('');
  const { problem, busy, run } = useSubmit();

  // The title of a picked code fills the description unless one was typed by hand.
  const [filled, setFilled] = useState('');
  function pickCode(title: string) {
    if (display.trim() === '' || display === filled) {
      setDisplay(title);
      setFilled(title);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(() =>
      api.addCondition(patientId, { icd10: icd10.trim(), display: display.trim(), ...(onset ? { onset } : {}) }),
    );
    if (ok) {
      await saved(`Problem added: ${display.trim()}`);
      done();
    }
  }

  const ids = { icd10: `${id}-icd10`, display: `${id}-display`, onset: `${id}-onset` };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add problem">
      <ProblemAlert problem={problem} fields={ids} />
      <div className="form-grid">
        <Icd10Combobox
          id={ids.icd10}
          label="ICD-10-CM code"
          hint="Type a code or words of the diagnosis, then pick from the list"
          value={icd10}
          onChange={setIcd10}
          onPick={(item) => pickCode(item.title)}
          search={api.searchIcd10cm}
          errors={problem?.issuesAt('icd10')}
        />
        <TextField
          id={ids.display}
          label="Description"
          value={display}
          autoComplete="off"
          onChange={(e) => setDisplay(e.target.value)}
          errors={problem?.issuesAt('display')}
        />
        <TextField
          id={ids.onset}
          label="Onset"
          optional
          type="date"
          value={onset}
          onChange={(e) => setOnset(e.target.value)}
          errors={problem?.issuesAt('onset')}
        />
      </div>
      <FormActions busy={busy} label="Add problem" onCancel={done} />
    </form>
  );
}
