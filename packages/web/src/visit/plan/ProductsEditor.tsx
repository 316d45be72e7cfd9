// The products of the plan: a catalogue injectate and its total volume per row; add and remove rows.
import { useId } from 'react';
import type { ProblemIssue } from '../../api/problem';
import { Button } from '../../ui/Button';
import { INJECTATE_CHOICES, volumeOf, type ProductRow } from './plan-state';

export interface ProductsEditorProps {
  readonly rows: readonly ProductRow[];
  readonly onChange: (rows: ProductRow[]) => void;
  /** The server's issues at `$.products[i]...`, by row index. */
  readonly issuesAt?: (index: number) => readonly ProblemIssue[];
}

export function ProductsEditor({ rows, onChange, issuesAt = () => [] }: ProductsEditorProps) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const change = (key: number, patch: Partial<ProductRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const nextKey = rows.reduce((max, row) => Math.max(max, row.key), -1) + 1;
  return (
    <section className="plan-products" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="plan-aside-title">
        Products
      </h3>
      <ul className="product-rows">
        {rows.map((row, index) => {
          const n = index + 1;
          const typed = row.volume.trim() !== '';
          const volumeWrong = typed && volumeOf(row.volume) === undefined;
          const issues = issuesAt(index);
          return (
            <li key={row.key} className="product-row">
              <div className="field">
                <label className="field-label" htmlFor={`${id}-p${row.key}`}>
                  Product {n}
                </label>
                <select
                  id={`${id}-p${row.key}`}
                  className="input select"
                  value={row.injectate}
                  onChange={(e) => change(row.key, { injectate: e.target.value })}
                >
                  <option value="">Choose a product…</option>
                  {INJECTATE_CHOICES.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className={volumeWrong ? 'field field-invalid product-volume' : 'field product-volume'}>
                <label className="field-label" htmlFor={`${id}-v${row.key}`}>
                  Volume {n} (mL)
                </label>
                <input
                  id={`${id}-v${row.key}`}
                  className="input"
                  inputMode="decimal"
                  autoComplete="off"
                  value={row.volume}
                  aria-invalid={volumeWrong || undefined}
                  aria-describedby={volumeWrong ? `${id}-v${row.key}-error` : undefined}
                  onChange={(e) => change(row.key, { volume: e.target.value })}
                />
                {volumeWrong && (
                  <p className="field-error" id={`${id}-v${row.key}-error`}>
                    A volume in mL, more than 0
                  </p>
                )}
              </div>
              {rows.length > 1 && (
                <Button
                  size="sm"
                  variant="ghost"
                  className="product-remove"
                  aria-label={`Remove product ${n}`}
                  onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                >
                  Remove
                </Button>
              )}
              {issues.length > 0 && (
                <p className="field-error product-issues">{issues.map((i) => i.message).join('; ')}</p>
              )}
            </li>
          );
        })}
      </ul>
      <Button size="sm" onClick={() => onChange([...rows, { key: nextKey, injectate: '', volume: '' }])}>
        Add product
      </Button>
    </section>
  );
}
