// One 0-10 (or other) choice question as a row of large radio buttons: a thumb on a phone, arrow
// keys on a keyboard, the question read out as the group's legend with its anchors.
export interface ScaleQuestionProps {
  readonly id: string;
  readonly legend: string;
  readonly hint?: string;
  readonly choices: readonly (readonly [number, string])[];
  readonly value: number | undefined;
  readonly onChange: (value: number) => void;
  readonly error?: string | undefined;
  /** Lay the choices out as a list (long labels) instead of a row of numbers. */
  readonly list?: boolean;
}

export function ScaleQuestion({ id, legend, hint, choices, value, onChange, error, list }: ScaleQuestionProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`fu-question${error ? ' fu-question-error' : ''}`}
      id={id}
      tabIndex={-1}
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
    >
      <legend className="fu-legend">{legend}</legend>
      {hint && (
        <p className="fu-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="fu-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className={list ? 'fu-choices-list' : 'fu-scale'}>
        {choices.map(([v, label]) => (
          <label key={v} className="fu-choice">
            <input type="radio" name={id} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
