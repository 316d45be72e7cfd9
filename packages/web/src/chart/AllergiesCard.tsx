// Allergies and intolerances, and whether anyone asked: "No known allergies, reviewed on <date>",
// "Reviewed on <date>" with the list, or "Never asked" exactly as the chart reports it
// (allergiesReviewedAt null is never asked). Adding one: a catalogue ingredient, a class or
// excipient, a product, or free text; allergy or intolerance.
import { useId, useState, type FormEvent } from 'react';
import type { Allergy, AllergyInput, Chart } from '../api/types';
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
import { INGREDIENTS, INJECTATES, SUBSTANCE_CLASSES } from './vocabulary';

/** Recorded and in force: not refuted, not entered in error, not resolved or inactive. */
export const isActiveAllergy = (a: Allergy) =>
  a.clinicalStatus === 'active' && a.verificationStatus !== 'refuted' && a.verificationStatus !== 'entered-in-error';

export type AllergyStatus =
  | { readonly kind: 'never-asked' }
  | { readonly kind: 'no-known-allergies'; readonly reviewedAt: string }
  | { readonly kind: 'reviewed'; readonly reviewedAt: string }
  | { readonly kind: 'not-reviewed' };

export function allergyStatus(chart: Pick<Chart, 'allergies' | 'allergiesReviewedAt'>): AllergyStatus {
  const active = chart.allergies.filter(isActiveAllergy).length;
  if (chart.allergiesReviewedAt === null) return active === 0 ? { kind: 'never-asked' } : { kind: 'not-reviewed' };
  return active === 0
    ? { kind: 'no-known-allergies', reviewedAt: chart.allergiesReviewedAt }
    : { kind: 'reviewed', reviewedAt: chart.allergiesReviewedAt };
}

function StatusLine({ status }: { readonly status: AllergyStatus }) {
  switch (status.kind) {
    case 'never-asked':
      return (
        <p className="review-status review-status-warning" data-testid="allergy-status">
          <strong>Never asked.</strong> No allergy review is recorded: ask the patient before planning.
        </p>
      );
    case 'not-reviewed':
      return (
        <p className="review-status review-status-warning" data-testid="allergy-status">
          <strong>List not reviewed</strong> with the patient yet.
        </p>
      );
    case 'no-known-allergies':
      return (
        <p className="review-status review-status-ok" data-testid="allergy-status">
          <strong>No known allergies</strong>, reviewed on {formatDate(status.reviewedAt)}.
        </p>
      );
    case 'reviewed':
      return (
        <p className="review-status review-status-ok" data-testid="allergy-status">
          List reviewed with the patient on {formatDate(status.reviewedAt)}.
        </p>
      );
  }
}

const KIND_LABEL = {
  ingredient: 'Ingredient',
  class: 'Class',
  injectate: 'Product',
  rxnorm: 'RxNorm',
  text: 'As reported',
};

export function AllergiesCard({ chart }: { readonly chart: Chart }) {
  const { api } = useSession();
  const { patientId, saved } = useChartActions();
  const { problem, busy, run } = useSubmit();
  const status = allergyStatus(chart);
  const inError = (a: Allergy) => a.verificationStatus === 'entered-in-error';
  const { list, toggle } = useEnteredInError(chart.allergies, inError);
  const active = chart.allergies.filter(isActiveAllergy).length;

  async function review() {
    const noKnownAllergies = active === 0;
    const ok = await run(() => api.reviewAllergies(patientId, noKnownAllergies));
    if (ok) await saved(noKnownAllergies ? 'Recorded: no known allergies' : 'Allergy list marked reviewed');
  }

  return (
    <Card
      title="Allergies"
      headingId="chart-allergies"
      className={active > 0 ? 'card-alert' : undefined}
      status={active > 0 ? <Badge tone="danger">{active} active</Badge> : undefined}
      actions={<AddPanel label="Add allergy" form={AllergyForm} />}
    >
      <StatusLine status={status} />
      <ProblemAlert problem={problem} />
      {list.length > 0 && (
        <ul className="entry-list">
          {list.map((a) => (
            <li key={a.id} className="entry">
              <div className="entry-main">
                {inError(a) ? (
                  <EnteredInErrorMark>
                    <span className="entry-title">{a.substance.text}</span> {a.type}
                  </EnteredInErrorMark>
                ) : (
                  <>
                    <span className="entry-title">{a.substance.text}</span>
                    <Badge tone={a.type === 'allergy' ? 'danger' : 'warning'}>{a.type}</Badge>
                    {a.criticality === 'high' && <Badge tone="danger">high criticality</Badge>}
                  </>
                )}
              </div>
              <div className="entry-meta">
                <span>{KIND_LABEL[a.substance.kind]}</span>
                {a.verificationStatus !== 'confirmed' && !inError(a) && (
                  <Badge tone="info">{a.verificationStatus}</Badge>
                )}
                {a.clinicalStatus !== 'active' && <Badge>{a.clinicalStatus}</Badge>}
                {a.recordedAt && <span>Recorded {formatDate(a.recordedAt)}</span>}
                {!inError(a) && <EnteredInErrorAction segment="allergies" entry={a} label={a.substance.text} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="card-footer-actions">
        {toggle}
        <Button size="sm" busy={busy} onClick={() => void review()}>
          {active === 0 ? 'Confirm no known allergies' : 'Confirm list reviewed with patient'}
        </Button>
      </div>
    </Card>
  );
}

type SubstanceKind = 'ingredient' | 'class' | 'injectate' | 'text';

function AllergyForm({ done }: { readonly done: () => void }) {
  const { api } = useSession();
  const { patientId, saved } = useChartActions();
  const id = useId();
  const [kind, setKind] = useState<SubstanceKind>('ingredient');
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const [type, setType] = useState<'allergy' | 'intolerance'>('allergy');
  const [criticality, setCriticality] = useState<'' | 'low' | 'high' | 'unable-to-assess'>('');
  const [verification, setVerification] = useState<'confirmed' | 'unconfirmed'>('confirmed');
  const { problem, busy, run } = useSubmit();

  const choices = kind === 'ingredient' ? INGREDIENTS : kind === 'class' ? SUBSTANCE_CLASSES : INJECTATES;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: AllergyInput = {
      substance: kind === 'text' ? { kind, text: text.trim() } : { kind, code },
      type,
      verificationStatus: verification,
      ...(criticality ? { criticality } : {}),
    };
    const ok = await run(() => api.addAllergy(patientId, input));
    if (ok) {
      const name = kind === 'text' ? text.trim() : (choices.find((c) => c.code === code)?.label ?? code);
      await saved(`${type === 'allergy' ? 'Allergy' : 'Intolerance'} added: ${name}`);
      done();
    }
  }

  const ids = { substance: `${id}-substance`, type: `${id}-type`, criticality: `${id}-crit` };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add allergy">
      <ProblemAlert problem={problem} fields={ids} />
      <fieldset className="segmented">
        <legend className="field-label">Substance is</legend>
        {(
          [
            ['ingredient', 'An ingredient'],
            ['class', 'A class or excipient'],
            ['injectate', 'A product'],
            ['text', 'Something else'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="segment">
            <input
              type="radio"
              name={`${id}-kind`}
              value={value}
              checked={kind === value}
              onChange={() => {
                setKind(value);
                setCode('');
              }}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        {kind === 'text' ? (
          <TextField
            id={ids.substance}
            label="Substance, as the patient reports it"
            value={text}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
            errors={problem?.issuesAt('substance')}
          />
        ) : (
          <SelectField
            id={ids.substance}
            label={kind === 'ingredient' ? 'Ingredient' : kind === 'class' ? 'Class or excipient' : 'Product'}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            errors={problem?.issuesAt('substance')}
          >
            <option value="">Choose…</option>
            {choices.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          id={ids.type}
          label="Reaction type"
          value={type}
          onChange={(e) => setType(e.target.value as 'allergy' | 'intolerance')}
          errors={problem?.issuesAt('type')}
        >
          <option value="allergy">Allergy (immune reaction)</option>
          <option value="intolerance">Intolerance (side effect)</option>
        </SelectField>
        <SelectField
          id={ids.criticality}
          label="Criticality"
          optional
          value={criticality}
          onChange={(e) => setCriticality(e.target.value as typeof criticality)}
          errors={problem?.issuesAt('criticality')}
        >
          <option value="">Not assessed</option>
          <option value="low">Low</option>
          <option value="high">High</option>
          <option value="unable-to-assess">Unable to assess</option>
        </SelectField>
        <SelectField
          label="Verification"
          value={verification}
          onChange={(e) => setVerification(e.target.value as 'confirmed' | 'unconfirmed')}
          errors={problem?.issuesAt('verificationStatus')}
        >
          <option value="confirmed">Confirmed</option>
          <option value="unconfirmed">Unconfirmed (reported, not verified)</option>
        </SelectField>
      </div>
      <FormActions busy={busy} label="Add allergy" onCancel={done} />
    </form>
  );
}
