// A 0-10 score as a segmented group of radio buttons: one tab stop, arrow keys move along the
// scale (native radios), each number a finger-sized target, and the ends named ("no pain").
import { useId } from 'react';
import type { ProblemIssue } from '../../api/problem';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface ScoreScaleProps {
  readonly legend: string;
  readonly hint?: string;
  /** What 0 and 10 mean, shown under the ends of the scale. */
  readonly low: string;
  readonly high: string;
  readonly value: number | undefined;
  readonly onChange: (value: number) => void;
  readonly errors?: readonly ProblemIssue[];
  /** An id for the group (error summaries link to it). */
  readonly id?: string;
}

export function ScoreScale({ legend, hint, low, high, value, onChange, errors = [], id }: ScoreScaleProps) {
  const generated = useId();
  const base = id ?? generated;
  const invalid = errors.length > 0;
  const described = [hint ? `${base}-hint` : '', `${base}-ends`, invalid ? `${base}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={invalid ? 'score-scale field-invalid' : 'score-scale'}
      id={base}
      tabIndex={-1}
      aria-describedby={described}
      aria-invalid={invalid || undefined}
    >
      <legend className="field-label">{legend}</legend>
      {hint && (
        <p className="field-hint" id={`${base}-hint`}>
          {hint}
        </p>
      )}
      {invalid && (
        <p className="field-error" id={`${base}-error`}>
          {errors.map((e) => e.message).join('; ')}
        </p>
      )}
      <div className="score-options">
        {SCORES.map((score) => (
          <label key={score} className="score-option">
            <input
              type="radio"
              name={`${base}-score`}
              value={score}
              checked={value === score}
              onChange={() => onChange(score)}
            />
            <span>{score}</span>
          </label>
        ))}
      </div>
      <p className="score-ends" id={`${base}-ends`}>
        <span>0: {low}</span>
        <span>10: {high}</span>
      </p>
    </fieldset>
  );
}
