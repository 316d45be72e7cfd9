// One card of a screen: the indicator (icon, word, colour), the summary, and an expandable "why"
// (the card's detail, and the rules that fired for its finding with their facts, version and
// sources, under the screen's policy version). A critical card shows its override once recorded,
// or the override form (clinicians), or who must override it (nurses).
import { useId, useState, type FormEvent } from 'react';
import { catalogue } from '@knotwork/core';
import type { ApiProblem } from '../../api/problem';
import type { Override, OverrideInput, RuleTrace, ScreenCard } from '../../api/visit-planning-types';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { issuesUnder } from '../indication/issues';
import { CardDetail } from './card-detail';
import { IndicatorLabel } from './indicator';

const REASON_NAMES = new Map<string, string>(catalogue.overrideReasons.codes.map((r) => [r.code, r.display]));
const OTHER = 'other';

/** The reasons this card may be overridden for: the card's own list, else the contract's. */
export function overrideReasonsOf(card: ScreenCard): readonly { readonly code: string; readonly display: string }[] {
  const codes = card.overrideReasons?.map((r) => r.code) ?? catalogue.overrideReasons.codes.map((r) => r.code);
  return codes.map((code) => ({
    code,
    display: REASON_NAMES.get(code) ?? card.overrideReasons?.find((r) => r.code === code)?.display ?? code,
  }));
}

export const reasonName = (code: string) => REASON_NAMES.get(code) ?? code;

export interface ScreenCardViewProps {
  readonly card: ScreenCard;
  /** Every rule of the screen's trace; the card shows those that fired for its finding. */
  readonly rules: readonly RuleTrace[];
  readonly policyVersion: string;
  readonly override: Override | undefined;
  /** Clinicians override; anyone else is told who must. */
  readonly canOverride: boolean;
  readonly onOverride: (input: OverrideInput) => Promise<ApiProblem | undefined>;
  /** A user's name for "overridden by". */
  readonly nameOf: (userId: string) => string;
}

export function ScreenCardView(props: ScreenCardViewProps) {
  const { card, rules, policyVersion, override, canOverride, onOverride, nameOf } = props;
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const finding = card.source.topic?.code;
  const fired = rules.filter((r) => r.fired && r.finding === finding);
  return (
    <li className={`screen-card screen-card-${card.indicator}`}>
      <div className="screen-card-head">
        <IndicatorLabel indicator={card.indicator} />
        <p className="screen-card-summary" id={`${id}-summary`}>
          {card.summary}
        </p>
      </div>
      <details>
        <summary>Why: the rules and facts</summary>
        <div className="card-why">
          {card.detail && <CardDetail text={card.detail} />}
          {fired.length > 0 && (
            <>
              <h4>Rules that fired</h4>
              <ul className="rule-list">
                {fired.map((rule) => (
                  <li key={rule.id}>
                    <code>{rule.id}</code> version {rule.version}
                    {rule.indicator && <> ({rule.indicator})</>}
                    {rule.suppressedBy && <> (gives way to {rule.suppressedBy})</>}
                    {(rule.facts?.length ?? 0) > 0 && (
                      <ul>
                        {rule.facts?.map((fact) => (
                          <li key={fact.path}>
                            {fact.text} <code>{fact.path}</code>
                          </li>
                        ))}
                      </ul>
                    )}
                    {(rule.sources?.length ?? 0) > 0 && <p>Sources: {rule.sources?.join(', ')}</p>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="muted">
            {card.source.label}; policy version <code>{policyVersion}</code>.
          </p>
        </div>
      </details>
      {card.indicator === 'critical' &&
        (override ? (
          <p className="override-state review-status review-status-ok" role="status">
            <strong>Overridden</strong> by {nameOf(override.userId)} on {formatDateTime(override.at)}:{' '}
            {reasonName(override.reasonCode)}
            {override.comment ? ` (“${override.comment}”)` : ''}.
          </p>
        ) : canOverride ? (
          <OverrideForm card={card} onOverride={onOverride} />
        ) : (
          <p className="override-state review-status review-status-warning">
            <strong>Blocks signing.</strong> A clinician must override this card, with a reason, before the note can be
            signed.
          </p>
        ))}
    </li>
  );
}

export function OverrideForm({
  card,
  onOverride,
}: {
  readonly card: ScreenCard;
  readonly onOverride: ScreenCardViewProps['onOverride'];
}) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const reasons = overrideReasonsOf(card);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<{ reason?: string; comment?: string }>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wrong = {
      ...(reason === '' ? { reason: 'Choose a reason for overriding this card.' } : {}),
      ...(reason === OTHER && comment.trim() === ''
        ? { comment: 'Say why in a comment: it is needed with “Other”.' }
        : {}),
    };
    setMissing(wrong);
    if (wrong.reason || wrong.comment) {
      document.getElementById(wrong.reason ? `${id}-reasons` : `${id}-comment`)?.focus();
      return;
    }
    setBusy(true);
    try {
      setProblem(
        await onOverride({
          cardUuid: card.uuid,
          reasonCode: reason,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  const reasonErrors = [
    ...(missing.reason ? [missing.reason] : []),
    ...issuesUnder(problem, '$.reasonCode').map((i) => i.message),
  ];
  const commentErrors = [
    ...(missing.comment ? [missing.comment] : []),
    ...issuesUnder(problem, '$.comment').map((i) => i.message),
  ];
  return (
    <form
      className="override-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Override: ${card.summary}`}
    >
      <ProblemAlert problem={problem} fields={{ reasonCode: `${id}-reasons`, comment: `${id}-comment` }} />
      <fieldset
        id={`${id}-reasons`}
        tabIndex={-1}
        aria-describedby={reasonErrors.length ? `${id}-reason-error` : undefined}
        aria-invalid={reasonErrors.length > 0 || undefined}
      >
        <legend className="field-label">Override this critical card because</legend>
        {reasonErrors.length > 0 && (
          <p className="field-error" id={`${id}-reason-error`}>
            {reasonErrors.join('; ')}
          </p>
        )}
        {reasons.map((r) => (
          <label key={r.code} className="override-reason">
            <input
              type="radio"
              name={`${id}-reason`}
              value={r.code}
              checked={reason === r.code}
              onChange={() => setReason(r.code)}
            />
            {r.display}
          </label>
        ))}
      </fieldset>
      <div className={commentErrors.length ? 'field field-invalid' : 'field'}>
        <label className="field-label" htmlFor={`${id}-comment`}>
          Comment
          {reason !== OTHER && <span className="field-optional"> (optional)</span>}
        </label>
        {commentErrors.length > 0 && (
          <p className="field-error" id={`${id}-comment-error`}>
            {commentErrors.join('; ')}
          </p>
        )}
        <textarea
          id={`${id}-comment`}
          className="input"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={commentErrors.length > 0 || undefined}
          aria-describedby={commentErrors.length ? `${id}-comment-error` : undefined}
        />
      </div>
      <Button type="submit" variant="danger" busy={busy}>
        Record override
      </Button>
    </form>
  );
}
