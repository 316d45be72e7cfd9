// The follow-up schedule: the contacts after the note is signed, each with its offset in words,
// whether it asks the PEG items, and its id; points added, edited and removed, saved in time order
// as a new clinic settings version (If-Match; a 412 reloads and says so). The server checks every
// point and names each bad field (`$.points[2].after`), shown at that field.
import { DEFAULT_FOLLOW_UP_SCHEDULE, FOLLOW_UP_POINTS_MAX } from '@knotwork/core';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { FollowUpScheduleSetting } from '../api/settings-endpoints';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import { ProblemAlert } from '../ui/ProblemAlert';
import { ChangeHistory } from './ChangeHistory';
import { amountInWords, DURATION_UNITS, durationInWords } from './durations';
import { draftOf, inputOf, inTimeOrder, newPoint, slugOf, wholeAmount, type DraftPoint } from './follow-up-draft';
import { issuesAt } from './issues';
import { SettingCard } from './SettingCard';
import { useSettings } from './settings-context';
import { StaleNotice } from './StaleNotice';
import { useVersionedSave } from './use-versioned-save';
import { VersionLine } from './VersionLine';

interface ScheduleLike {
  readonly points: readonly { readonly label: string; readonly after: string; readonly asksPeg: boolean }[];
}

/** "Week 2 (2 weeks, PEG)" for the change history and the summary. */
export function scheduleInWords(schedule: unknown): string {
  const points: unknown = (schedule as ScheduleLike | undefined)?.points;
  if (!Array.isArray(points)) return '—';
  return (points as ScheduleLike['points'])
    .map((p) => `${p.label} (${durationInWords(p.after)}${p.asksPeg ? ', PEG' : ''})`)
    .join('; ');
}

export function FollowUpSection() {
  return (
    <SettingCard
      title="Follow-up schedule"
      headingId="settings-follow-up"
      loadingLabel="Reading the follow-up schedule"
      read={(api) => api.readFollowUpSchedule()}
    >
      {(setting, reload) => <ScheduleForm setting={setting} reload={reload} />}
    </SettingCard>
  );
}

function ScheduleForm({ setting, reload }: { setting: FollowUpScheduleSetting; reload: () => Promise<void> }) {
  const { api } = useSettings();
  const id = useId();
  const [points, setPoints] = useState(() => draftOf(setting.points));
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const { problem, stale, busy, save } = useVersionedSave(reload);
  // A new version (saved here, or loaded again after a 412): the form shows it.
  const [shown, setShown] = useState(setting.settingsVersion);
  if (shown !== setting.settingsVersion) {
    setShown(setting.settingsVersion);
    setPoints(draftOf(setting.points));
  }

  const change = (key: string, patch: Partial<DraftPoint>) =>
    setPoints((all) =>
      all.map((p) => {
        if (p.key !== key) return p;
        const next = { ...p, ...patch };
        return next.isNew && !next.idTyped && patch.label !== undefined ? { ...next, id: slugOf(next.label) } : next;
      }),
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved('');
    const ordered = inTimeOrder(points);
    setPoints(ordered);
    let version = 0;
    const outcome = await save(async () => {
      const r = await api.changeFollowUpSchedule(inputOf(ordered), reason.trim() || undefined, setting.settingsVersion);
      version = r.settingsVersion;
    });
    if (outcome === 'saved') {
      await reload();
      setReason('');
      setSaved(`Saved: ${ordered.length} follow-up points, clinic settings version ${version}.`);
    }
  }

  function add() {
    const point = newPoint();
    setPoints((all) => [...all, point]);
    // After the render that adds it: the new point's first field.
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLInputElement>(`[data-point="${point.key}"] input`)?.focus(),
    );
  }

  function remove(key: string) {
    setPoints((all) => all.filter((p) => p.key !== key));
    requestAnimationFrame(() => addButton.current?.focus());
  }

  const ids = { points: `${id}-points`, reason: `${id}-reason` };
  return (
    <>
      <VersionLine {...setting} />
      <p>
        When the patient is contacted after the procedure note is signed, and at which contacts they are asked the PEG
        items (pain, enjoyment of life and general activity, 0–10 each: the scale recorded at baseline).
      </p>
      <p className="setting-summary" data-testid="follow-up-summary">
        In force: {scheduleInWords(setting)}.
      </p>
      <details className="setting-source">
        <summary>Knotwork’s default schedule and why</summary>
        <p>{scheduleInWords(DEFAULT_FOLLOW_UP_SCHEDULE)}.</p>
        <ul>
          <li>This evening: post-injection soreness begins 2–8 hours after [HONG1994].</li>
          <li>
            Day 1 and day 3: soreness lasts about 1–4 days, back to work the same or next day [PTCARE]; clinics report
            the main relief at 24–72 hours [CLINIC_PAGES].
          </li>
          <li>Week 1: the first week of range-of-motion exercise and stretching at home [PTCARE].</li>
          <li>Week 2: the randomised trial’s pain reassessment [ROLDAN2020]; PEG asked.</li>
          <li>
            Week 6: the repeat criterion, at least 50 % relief lasting 6 weeks with better function, on the baseline’s
            scales [LCD_L34211][LCD_MULTI]; PEG (a NIH HEAL core measure [HEAL]) asked.
          </li>
        </ul>
        <p className="muted">REFERENCE.md 6.3 and 6.4.</p>
        <Button size="sm" onClick={() => setPoints(draftOf(DEFAULT_FOLLOW_UP_SCHEDULE.points))}>
          Put the default schedule in the form
        </Button>
      </details>
      <StaleNotice problem={stale} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Change the follow-up schedule">
        <ProblemAlert problem={problem} fields={ids} />
        <h3 className="setting-subtitle" id={ids.points} tabIndex={-1}>
          Follow-up points
        </h3>
        <p className="field-hint">
          1 to {FOLLOW_UP_POINTS_MAX} points, more than zero and at most a year after signing. They are put in time
          order when saved.
        </p>
        <ol className="follow-up-points" ref={list}>
          {points.map((p, i) => (
            <PointRow
              key={p.key}
              point={p}
              index={i}
              problem={problem}
              onChange={(patch) => change(p.key, patch)}
              onRemove={points.length > 1 ? () => remove(p.key) : undefined}
            />
          ))}
        </ol>
        <div>
          <Button ref={addButton} size="sm" onClick={add} disabled={points.length >= FOLLOW_UP_POINTS_MAX}>
            <span aria-hidden="true">+</span> Add a point
          </Button>
        </div>
        <TextField
          id={ids.reason}
          label="Reason for the change"
          optional
          hint="Kept in the audit log with the change"
          autoComplete="off"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={issuesAt(problem, 'reason')}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Save follow-up schedule
          </Button>
        </div>
        <p className="save-status" role="status">
          {saved}
        </p>
      </form>
      <ChangeHistory
        action="settings.follow-up-schedule.update"
        describe={(d) => (
          <>
            <span className="muted">Before:</span> {scheduleInWords(d['before'])}
            <br />
            <span className="muted">After:</span> {scheduleInWords(d['after'])}
          </>
        )}
      />
    </>
  );
}

interface PointRowProps {
  readonly point: DraftPoint;
  readonly index: number;
  readonly problem: Parameters<typeof issuesAt>[0];
  readonly onChange: (patch: Partial<DraftPoint>) => void;
  readonly onRemove: (() => void) | undefined;
}

function PointRow({ point: p, index, problem, onChange, onRemove }: PointRowProps) {
  const at = (field: string) => issuesAt(problem, `points[${index}].${field}`);
  const amount = wholeAmount(p.amount);
  const words =
    amount === undefined ? (p.rawAfter ? durationInWords(p.rawAfter) : 'not set') : amountInWords(amount, p.unit);
  const name = p.label.trim() || `Point ${index + 1}`;
  const rowIssues = issuesAt(problem, `points[${index}]`);
  return (
    <li data-point={p.key} className={rowIssues ? 'follow-up-point follow-up-point-invalid' : 'follow-up-point'}>
      <fieldset>
        <legend>
          <span className="follow-up-point-number">{index + 1}</span> {name}
          <span className="follow-up-point-when">: {words} after signing</span>
        </legend>
        <div className="follow-up-point-fields">
          <TextField
            label="Label"
            className="input-label"
            autoComplete="off"
            value={p.label}
            onChange={(e) => onChange({ label: e.target.value })}
            errors={at('label')}
          />
          <TextField
            label="After"
            className="input-amount"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={p.amount}
            onChange={(e) => onChange({ amount: e.target.value, rawAfter: undefined })}
            errors={at('after')}
            hint={p.rawAfter && amount === undefined ? `Now ${p.rawAfter}` : undefined}
          />
          <SelectField
            label="Unit"
            value={p.unit}
            onChange={(e) => onChange({ unit: e.target.value as DraftPoint['unit'] })}
          >
            {DURATION_UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </SelectField>
          {p.isNew ? (
            <TextField
              label="ID"
              hint="For outcome records; made from the label"
              className="input-id"
              autoComplete="off"
              value={p.id}
              onChange={(e) => onChange({ id: e.target.value, idTyped: true })}
              errors={at('id')}
            />
          ) : (
            <div className="field">
              <span className="field-label">ID</span>
              <code className="follow-up-point-id">{p.id}</code>
            </div>
          )}
          <label className="settings-choice follow-up-peg">
            <input type="checkbox" checked={p.asksPeg} onChange={(e) => onChange({ asksPeg: e.target.checked })} />
            <span>Asks the PEG</span>
          </label>
          {onRemove && (
            <Button size="sm" variant="ghost" className="follow-up-remove" onClick={onRemove}>
              Remove <span className="visually-hidden">{name}</span>
            </Button>
          )}
        </div>
      </fieldset>
    </li>
  );
}
