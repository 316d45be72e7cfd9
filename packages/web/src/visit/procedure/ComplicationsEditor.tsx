// Immediate complications: each recorded with its type (the reference's list), severity, onset and
// what was done. A new one is written in a small form and added whole (the note saves it then).
import { useState, type FormEvent } from 'react';
import {
  COMPLICATION_SEVERITIES,
  type ComplicationType,
  type ImmediateComplication,
  type Severity,
} from '../../api/visit-record-types';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';
import { SelectField, TextField } from '../../ui/Field';

export interface ComplicationsEditorProps {
  readonly complications: readonly ImmediateComplication[];
  readonly types: readonly ComplicationType[];
  readonly now: Date;
  readonly readOnly: boolean;
  readonly onChange: (complications: readonly ImmediateComplication[]) => void;
}

/** `datetime-local` wants local wall time without seconds. */
function localInput(at: Date): string {
  const shifted = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

export function ComplicationsEditor({ complications, types, now, readOnly, onChange }: ComplicationsEditorProps) {
  const [adding, setAdding] = useState(false);
  const [type, setType] = useState('');
  const [severity, setSeverity] = useState<Severity>('mild');
  const [onset, setOnset] = useState(() => localInput(now));
  const [action, setAction] = useState('');
  const label = (id: string) => types.find((t) => t.id === id)?.label ?? id;
  const chosen = types.find((t) => t.id === type);

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!type || action.trim() === '' || !onset) return;
    onChange([
      ...complications,
      { type, severity, onset: new Date(onset).toISOString(), action: action.trim(), note: null },
    ]);
    setAdding(false);
    setType('');
    setAction('');
  };

  return (
    <section className="record-block" aria-labelledby="complications-title" id="note-complications">
      <h3 id="complications-title" className="record-subtitle">
        Immediate complications
      </h3>
      {complications.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <ul className="entry-list">
          {complications.map((c, i) => (
            <li key={i} className="entry entry-row">
              <div className="entry-main">
                <p className="entry-title">
                  {label(c.type)} ({c.severity})
                </p>
                <p className="entry-meta">
                  Onset {formatDateTime(c.onset)} · Action: {c.action}
                </p>
              </div>
              {!readOnly && (
                <Button size="sm" variant="ghost" onClick={() => onChange(complications.filter((_, j) => j !== i))}>
                  Remove<span className="visually-hidden"> {label(c.type)}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly &&
        (adding ? (
          <div className="add-panel" role="group" aria-label="Add a complication">
            <div className="form-grid">
              <SelectField label="Type" value={type} onChange={(e) => setType(e.target.value)} required>
                <option value="">Choose…</option>
                {types.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </SelectField>
              <SelectField label="Severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
                {COMPLICATION_SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s[0]?.toUpperCase() + s.slice(1)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Onset"
                type="datetime-local"
                value={onset}
                onChange={(e) => setOnset(e.target.value)}
                required
              />
              <TextField label="Action taken" value={action} onChange={(e) => setAction(e.target.value)} required />
            </div>
            {chosen?.escalateIf && <p className="because">Escalate if: {chosen.escalateIf}</p>}
            <div className="form-actions">
              <Button variant="primary" onClick={add} disabled={!type || action.trim() === ''}>
                Add complication
              </Button>
              <Button variant="ghost" onClick={() => setAdding(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <Button size="sm" onClick={() => setAdding(true)}>
            Record a complication
          </Button>
        ))}
    </section>
  );
}
