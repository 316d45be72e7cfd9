// The questions of the follow-up form, in the order a patient answers them.
import { useId } from 'react';
import { ScaleQuestion } from './ScaleQuestion';
import { PGIC_CHOICES, type FollowUpForm } from './follow-up-types';

export interface Draft {
  readonly painNrs: number | undefined;
  readonly reliefPct: number | undefined;
  readonly peg: { readonly pain?: number; readonly enjoyment?: number; readonly activity?: number };
  readonly sideEffects: ReadonlySet<string>;
  /** Each red flag answered: true yes, false no, absent not yet answered. */
  readonly redFlags: Readonly<Record<string, boolean>>;
  readonly pgic: number | undefined;
  readonly comment: string;
}

/** Messages by question id (the id of its fieldset, which the error summary links to). */
export type DraftErrors = Readonly<Record<string, string>>;

const ZERO_TO_TEN = Array.from({ length: 11 }, (_, i) => [i, String(i)] as const);
const RELIEF = Array.from({ length: 11 }, (_, i) => [i * 10, `${i * 10}%`] as const);

export interface FollowUpQuestionsProps {
  readonly form: FollowUpForm;
  readonly draft: Draft;
  readonly onChange: (draft: Draft) => void;
  readonly errors: DraftErrors;
}

export function FollowUpQuestions({ form, draft, onChange, errors }: FollowUpQuestionsProps) {
  const commentId = useId();
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  const baseline = form.baseline.painNrs;
  return (
    <>
      <ScaleQuestion
        id="pain"
        legend="How bad is your pain right now?"
        hint={`0 means no pain, 10 the worst pain you can imagine.${baseline !== null ? ` Before the injection you said ${baseline}.` : ''}`}
        choices={ZERO_TO_TEN}
        value={draft.painNrs}
        onChange={(painNrs) => set({ painNrs })}
        error={errors['pain']}
      />
      <ScaleQuestion
        id="relief"
        legend="How much relief have you had since the injection?"
        hint="0% means no relief at all, 100% means the pain has gone completely."
        choices={RELIEF}
        value={draft.reliefPct}
        onChange={(reliefPct) => set({ reliefPct })}
        error={errors['relief']}
      />
      {form.asksPeg && (
        <section className="fu-group" aria-labelledby="peg-title">
          <h2 id="peg-title" className="fu-group-title">
            The past week
          </h2>
          <ScaleQuestion
            id="peg-pain"
            legend="What number best describes your pain on average in the past week?"
            hint="0 no pain, 10 pain as bad as you can imagine."
            choices={ZERO_TO_TEN}
            value={draft.peg.pain}
            onChange={(pain) => set({ peg: { ...draft.peg, pain } })}
            error={errors['peg-pain']}
          />
          <ScaleQuestion
            id="peg-enjoyment"
            legend="What number best describes how, during the past week, pain has interfered with your enjoyment of life?"
            hint="0 does not interfere, 10 completely interferes."
            choices={ZERO_TO_TEN}
            value={draft.peg.enjoyment}
            onChange={(enjoyment) => set({ peg: { ...draft.peg, enjoyment } })}
            error={errors['peg-enjoyment']}
          />
          <ScaleQuestion
            id="peg-activity"
            legend="What number best describes how, during the past week, pain has interfered with your general activity?"
            hint="0 does not interfere, 10 completely interferes."
            choices={ZERO_TO_TEN}
            value={draft.peg.activity}
            onChange={(activity) => set({ peg: { ...draft.peg, activity } })}
            error={errors['peg-activity']}
          />
        </section>
      )}
      {form.sideEffects.length > 0 && (
        <fieldset className="fu-question" id="side-effects">
          <legend className="fu-legend">Since the injection, have you had any of these? Tick all that apply.</legend>
          <div className="fu-checks">
            {form.sideEffects.map((s) => (
              <label key={s.id} className="fu-check">
                <input
                  type="checkbox"
                  checked={draft.sideEffects.has(s.id)}
                  onChange={(e) => {
                    const next = new Set(draft.sideEffects);
                    if (e.target.checked) next.add(s.id);
                    else next.delete(s.id);
                    set({ sideEffects: next });
                  }}
                />
                <span>{s.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {form.redFlags.length > 0 && (
        <section className="fu-group" aria-labelledby="flags-title">
          <h2 id="flags-title" className="fu-group-title">
            Important questions
          </h2>
          <p className="fu-hint">Please answer each one. Since the injection, have you had:</p>
          {form.redFlags.map((f) => (
            <ScaleQuestion
              key={f.id}
              id={`flag-${f.id}`}
              legend={f.text}
              hint={f.why}
              choices={[
                [1, 'Yes'],
                [0, 'No'],
              ]}
              value={draft.redFlags[f.id] === undefined ? undefined : draft.redFlags[f.id] ? 1 : 0}
              onChange={(v) => set({ redFlags: { ...draft.redFlags, [f.id]: v === 1 } })}
              error={errors[`flag-${f.id}`]}
            />
          ))}
        </section>
      )}
      <ScaleQuestion
        id="pgic"
        legend="Since the injection, how would you describe the change in your condition overall?"
        choices={PGIC_CHOICES}
        value={draft.pgic}
        onChange={(pgic) => set({ pgic })}
        error={errors['pgic']}
        list
      />
      <div className="fu-question">
        <label className="fu-legend" htmlFor={commentId}>
          Anything else you want the clinic to know? <span className="fu-optional">(optional)</span>
        </label>
        <textarea
          id={commentId}
          className="input fu-comment"
          rows={3}
          maxLength={2000}
          value={draft.comment}
          onChange={(e) => set({ comment: e.target.value })}
        />
      </div>
    </>
  );
}
