// A labelled form control with its hint and its errors (the API's issues at that field), wired
// with aria-describedby and aria-invalid so a screen reader reads them with the field.
import { useId, type ComponentProps, type ReactNode } from 'react';
import type { ProblemIssue } from '../api/problem';

interface FieldFrame {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly errors?: readonly ProblemIssue[] | undefined;
  readonly optional?: boolean;
}

function useFieldIds(id: string | undefined) {
  const generated = useId();
  const base = id ?? generated;
  return { id: base, hint: `${base}-hint`, error: `${base}-error` };
}

function Frame(props: FieldFrame & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  const { label, hint, errors, optional, ids, children } = props;
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={ids.id}>
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="field-hint" id={ids.hint}>
          {hint}
        </p>
      )}
      {invalid && (
        <p className="field-error" id={ids.error}>
          {errors?.map((e) => e.message).join('; ')}
        </p>
      )}
      {children}
    </div>
  );
}

function describedBy(ids: ReturnType<typeof useFieldIds>, hint: unknown, invalid: boolean): string | undefined {
  const list = [hint ? ids.hint : '', invalid ? ids.error : ''].filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

export type TextFieldProps = FieldFrame & ComponentProps<'input'>;

export function TextField({ label, hint, errors, optional, id, className, ...input }: TextFieldProps) {
  const ids = useFieldIds(id);
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <Frame label={label} hint={hint} errors={errors} optional={optional} ids={ids}>
      <input
        {...input}
        id={ids.id}
        className={['input', className ?? ''].join(' ').trim()}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(ids, hint, invalid)}
      />
    </Frame>
  );
}

export type SelectFieldProps = FieldFrame & ComponentProps<'select'>;

export function SelectField({ label, hint, errors, optional, id, className, children, ...select }: SelectFieldProps) {
  const ids = useFieldIds(id);
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <Frame label={label} hint={hint} errors={errors} optional={optional} ids={ids}>
      <select
        {...select}
        id={ids.id}
        className={['input', 'select', className ?? ''].join(' ').trim()}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(ids, hint, invalid)}
      >
        {children}
      </select>
    </Frame>
  );
}
