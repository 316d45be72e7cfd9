// The screening policy: every field with what it means, its contract default, the sources of the
// rules that read it and where the reference discusses it; the version every screen cites; edited
// and saved as a new version (If-Match; a 412 reloads and says so), the server's issues shown at
// each field (`$.values.feverCelsius`). The server keeps no earlier policies' values, only the
// audit log's record of each change (version labels, who, when, why): that is the history shown.
import { useId, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/problem';
import type { ScreeningPolicySetting } from '../api/settings-endpoints';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { TextField } from '../ui/Field';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useLoad } from '../ui/use-load';
import { ChangeHistory, textOf } from './ChangeHistory';
import { issuesAt } from './issues';
import { numberOf } from './ObservationTimeSection';
import {
  defaultOf,
  INDICATOR_LABEL,
  INDICATORS,
  PLEURAL_RISK_LABEL,
  PLEURAL_RISKS,
  POLICY_FIELDS,
  POLICY_GROUPS,
  sourcesOf,
  valueInWords,
  type PolicyField,
} from './policy-fields';
import { useSettings } from './settings-context';
import { StaleNotice } from './StaleNotice';
import { useVersionedSave } from './use-versioned-save';
import { VersionLine } from './VersionLine';

type Draft = Readonly<Record<string, string | readonly string[]>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function draftOf(values: Readonly<Record<string, unknown>>): Draft {
  const draft: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(values)) {
    draft[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return draft;
}

/** The body's values: numbers as numbers (text that is none is sent as null, for the server to name). */
function valuesOf(draft: Draft, current: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const values: Record<string, unknown> = { ...current };
  for (const field of POLICY_FIELDS) {
    const text = draft[field.name];
    if (text === undefined) continue;
    values[field.name] = field.kind.type === 'number' && typeof text === 'string' ? numberOf(text) : text;
  }
  return values;
}

export function ScreeningPolicySection() {
  const { api } = useSettings();
  const [state, reload] = useLoad(() => api.readScreeningPolicy(), [api]);
  const { value } = state;
  const isDefault = value?.policyVersion.startsWith('default-');
  return (
    <Card
      title="Screening policy"
      headingId="settings-policy"
      status={
        value && (
          <Badge tone={isDefault ? 'neutral' : 'primary'}>{isDefault ? 'Contract defaults' : 'Clinic policy'}</Badge>
        )
      }
    >
      {state.status === 'failed' && <ProblemAlert problem={state.problem} />}
      {!value && state.status === 'loading' && <Loading label="Reading the screening policy" />}
      {value && <PolicyForm setting={value} reload={reload} />}
    </Card>
  );
}

function PolicyForm({ setting, reload }: { setting: ScreeningPolicySetting; reload: () => Promise<void> }) {
  const { api } = useSettings();
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(setting.values));
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState('');
  const { problem, stale, busy, save } = useVersionedSave(reload);
  const [shown, setShown] = useState(setting.settingsVersion);
  if (shown !== setting.settingsVersion) {
    setShown(setting.settingsVersion);
    setDraft(draftOf(setting.values));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved('');
    let result: ScreeningPolicySetting | undefined;
    const outcome = await save(async () => {
      result = await api.changeScreeningPolicy(
        valuesOf(draft, setting.values),
        reason.trim() || undefined,
        setting.settingsVersion,
      );
    });
    if (outcome === 'saved' && result) {
      const { policyVersion, settingsVersion } = result;
      await reload();
      setReason('');
      setSaved(`Saved as clinic settings version ${settingsVersion} (policy ${policyVersion}). New screens use it.`);
    }
  }

  const fieldId = (name: string) => `${id}-${name}`;
  // The policy's issues are all under `values` (shown at each field); the alert links the reason's.
  const ids = { reason: `${id}-reason` };
  const unknown = Object.keys(setting.values).filter((name) => !POLICY_FIELDS.some((f) => f.name === name));
  return (
    <>
      <VersionLine extra={`Policy ${setting.policyVersion}`} {...setting} />
      <p>
        The thresholds the screen applies before every procedure. Sources disagree on them (REFERENCE.md section 10), so
        each is the clinic’s choice; the defaults are the contract’s (SCREENING.md section 3). Every screen and card
        records the policy version it used, and each change here is a new version.
      </p>
      <StaleNotice problem={stale} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Change the screening policy">
        <ProblemAlert problem={problem} fields={ids} />
        {POLICY_GROUPS.map((group) => (
          <section key={group.title} className="policy-group" aria-labelledby={`${id}-${group.title}`}>
            <h3 className="setting-subtitle" id={`${id}-${group.title}`}>
              {group.title}
            </h3>
            {group.fields.map((field) => (
              <PolicyFieldRow
                key={field.name}
                field={field}
                controlId={fieldId(field.name)}
                value={draft[field.name]}
                current={setting.values[field.name]}
                problem={problem}
                onChange={(v) => setDraft((d) => ({ ...d, [field.name]: v }))}
              />
            ))}
          </section>
        ))}
        {unknown.length > 0 && (
          <p className="muted">
            Also in the policy, not described here:{' '}
            {unknown.map((n) => `${n} = ${JSON.stringify(setting.values[n])}`).join(', ')}.
          </p>
        )}
        <div className="form-grid">
          <TextField
            id={ids.reason}
            label="Reason for the change"
            optional
            hint="Kept in the audit log with the new version"
            autoComplete="off"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            errors={issuesAt(problem, 'reason')}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Save as a new policy version
          </Button>
          <Button variant="ghost" onClick={() => setDraft(draftOf(defaultsOfAll(setting.values)))}>
            Put the contract defaults in the form
          </Button>
        </div>
        <p className="save-status" role="status">
          {saved}
        </p>
      </form>
      <ChangeHistory
        action="settings.screening-policy.update"
        describe={(d) => `${textOf(d['previousPolicyVersion'])} → ${textOf(d['policyVersion'])}`}
      />
    </>
  );
}

function defaultsOfAll(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(values).map((name) => [name, defaultOf(name) ?? values[name]]));
}

interface PolicyFieldRowProps {
  readonly field: PolicyField;
  readonly controlId: string;
  readonly value: string | readonly string[] | undefined;
  readonly current: unknown;
  readonly problem: ApiProblem | undefined;
  readonly onChange: (value: string | readonly string[]) => void;
}

function PolicyFieldRow({ field, controlId, value, current, problem, onChange }: PolicyFieldRowProps) {
  const errors = issuesAt(problem, `values.${field.name}`);
  const meaningId = `${controlId}-meaning`;
  const errorId = `${controlId}-error`;
  const describedBy = [meaningId, errors ? errorId : ''].filter(Boolean).join(' ');
  const fallback = defaultOf(field.name);
  const changed = !same(current, fallback);
  const sources = sourcesOf(field);
  const text = (
    <div className="policy-field-text">
      <p id={meaningId} className="policy-field-meaning">
        {field.meaning}
      </p>
      <p className="policy-field-source">
        Default {valueInWords(field, fallback)}
        {changed && <Badge tone="primary">clinic: {valueInWords(field, current)}</Badge>}
        <span>
          Sources: {sources.length > 0 ? sources.map((s) => `[${s}]`).join(' ') : 'the contract'}; {field.reference}
        </span>
      </p>
      {errors && (
        <p className="field-error" id={errorId}>
          {errors.map((e) => e.message).join('; ')}
        </p>
      )}
    </div>
  );
  const kind = field.kind;
  if (kind.type === 'risks') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset
        className={errors ? 'policy-field field-invalid' : 'policy-field'}
        id={controlId}
        aria-describedby={describedBy}
        tabIndex={-1}
      >
        <legend className="field-label">{field.label}</legend>
        {text}
        <div className="policy-field-control policy-risks">
          {PLEURAL_RISKS.map((risk) => (
            <label key={risk} className="settings-choice">
              <input
                type="checkbox"
                checked={chosen.includes(risk)}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? PLEURAL_RISKS.filter((r) => r === risk || chosen.includes(r))
                      : chosen.filter((r) => r !== risk),
                  )
                }
              />
              <span>{PLEURAL_RISK_LABEL[risk]}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  return (
    <div className={errors ? 'policy-field field-invalid' : 'policy-field'}>
      <label className="field-label" htmlFor={controlId}>
        {field.label}
      </label>
      {text}
      <div className="policy-field-control">
        {kind.type === 'number' && (
          <span className="input-with-unit">
            <input
              id={controlId}
              className="input"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => onChange(e.target.value)}
              aria-invalid={errors ? true : undefined}
              aria-describedby={describedBy}
            />
            <span className="input-unit">{kind.unit}</span>
          </span>
        )}
        {kind.type === 'indicator' && (
          <select
            id={controlId}
            className="input select"
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={errors ? true : undefined}
            aria-describedby={describedBy}
          >
            {INDICATORS.map((i) => (
              <option key={i} value={i}>
                {INDICATOR_LABEL[i]}
              </option>
            ))}
          </select>
        )}
        {kind.type === 'fixed' && (
          <output id={controlId} className="policy-fixed" aria-describedby={describedBy}>
            {typeof value === 'string' ? value : String(current)} <span className="muted">({kind.why})</span>
          </output>
        )}
      </div>
    </div>
  );
}
