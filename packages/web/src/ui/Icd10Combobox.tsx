// An ICD-10-CM code field that searches the server as one types (a code or words of the title),
// after the ARIA 1.2 combobox pattern with a listbox popup: Down/Up move through the codes, Enter
// picks one, Escape closes the list, the focus stays in the field (aria-activedescendant). Each
// option shows the code and its title; a non-billable header is marked, and once picked its note
// (what to pick instead) stays under the field. A code may still be typed without picking.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ApiProblem } from '../api/problem';
import type { Icd10cmItem, Icd10cmResults, Icd10cmSearch } from '../api/reference-endpoints';
import type { ProblemIssue } from '../api/problem';
import './icd10-combobox.css';

export const SEARCH_DELAY_MS = 250;
const LIMIT = 20;

export interface Icd10ComboboxProps {
  readonly id?: string;
  readonly label: string;
  readonly hint?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** A code picked from the list (the field then holds its code). */
  readonly onPick: (item: Icd10cmItem) => void;
  readonly search: Icd10cmSearch;
  readonly errors?: readonly ProblemIssue[] | undefined;
}

type Found =
  | { readonly state: 'idle' }
  | { readonly state: 'searching' }
  | { readonly state: 'done'; readonly results: Icd10cmResults }
  | { readonly state: 'failed'; readonly message: string };

export function Icd10Combobox({ id, label, hint, value, onChange, onPick, search, errors }: Icd10ComboboxProps) {
  const generated = useId();
  const base = id ?? generated;
  const ids = { list: `${base}-list`, hint: `${base}-hint`, error: `${base}-error`, status: `${base}-status` };
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<Icd10cmItem>();
  const pending = useRef<AbortController | null>(null);

  // Debounced search of what was typed; a newer query aborts the request of an older one.
  useEffect(() => {
    const q = query.trim();
    if (q === '') return; // the list stays closed (see `expanded`)
    const timer = setTimeout(() => {
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      setFound({ state: 'searching' });
      search(q, LIMIT, controller.signal).then(
        (results) => {
          if (controller.signal.aborted) return;
          setFound({ state: 'done', results });
          setActive(-1);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setFound({
            state: 'failed',
            message: !(error instanceof ApiProblem)
              ? 'The code search did not answer'
              : error.status === 401
                ? 'You are signed out: the code search is paused, and saving will ask you to sign in again'
                : error.detail || error.title,
          });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, search]);
  useEffect(() => () => pending.current?.abort(), []);

  const items = found.state === 'done' ? found.results.items : [];
  const expanded = open && query.trim() !== '' && found.state !== 'idle';
  const optionId = (i: number) => `${base}-option-${i}`;

  function type(text: string) {
    onChange(text);
    setQuery(text);
    setFound(text.trim() === '' ? { state: 'idle' } : { state: 'searching' });
    setOpen(true);
    setPicked(undefined);
  }

  function pick(item: Icd10cmItem) {
    onChange(item.code);
    onPick(item);
    setPicked(item);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        if (found.state === 'idle' && value.trim() !== '') setQuery(value);
        return;
      }
      if (items.length === 0) return;
      const last = items.length - 1;
      setActive((a) => (event.key === 'ArrowDown' ? (a >= last ? 0 : a + 1) : a <= 0 ? last : a - 1));
    } else if (event.key === 'Enter' && expanded && active >= 0 && items[active]) {
      event.preventDefault();
      pick(items[active]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const invalid = (errors?.length ?? 0) > 0;
  const described = [hint ? ids.hint : '', invalid ? ids.error : '', picked?.note ? `${base}-note` : '']
    .filter(Boolean)
    .join(' ');
  const source = found.state === 'done' ? found.results.source : undefined;

  return (
    <div className={invalid ? 'field field-invalid icd-combobox' : 'field icd-combobox'}>
      <label className="field-label" htmlFor={base}>
        {label}
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
      <input
        id={base}
        className="input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={ids.list}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={described || undefined}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul className="icd-combobox-list" id={ids.list} role="listbox" aria-label="Matching diagnoses" hidden={!expanded}>
        {items.map((item, i) => (
          <li
            key={item.code}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'icd-option icd-option-active' : 'icd-option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(item)}
          >
            <code className="code-chip">{item.code}</code> <span className="icd-option-title">{item.title}</span>
            {!item.billable && (
              <>
                {' '}
                <span className="badge badge-warning">Header, not billable</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="icd-combobox-status" id={ids.status} role="status">
        {expanded && statusText(found)}
      </p>
      {expanded && source && !source.complete && (
        <p className="field-hint icd-combobox-source">
          Searching {source.name} ({source.codes} codes). Any valid code may still be typed.
        </p>
      )}
      {picked?.note && (
        <p className="field-hint icd-combobox-note" id={`${base}-note`}>
          {picked.code}: {picked.note}
        </p>
      )}
    </div>
  );
}

function statusText(found: Found): string {
  switch (found.state) {
    case 'idle':
      return '';
    case 'searching':
      return 'Searching codes…';
    case 'failed':
      return found.message;
    case 'done': {
      const n = found.results.items.length;
      return n === 0
        ? 'No matching code'
        : `${n} matching code${n === 1 ? '' : 's'}: use the arrow keys, Enter to pick`;
    }
  }
}
