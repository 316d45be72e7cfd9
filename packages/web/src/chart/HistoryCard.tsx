// TPI history: injections given before (here or elsewhere), as the chart lists them, and recording
// one given elsewhere (product, volume, when, from whom we know).
import { useId, useState, type FormEvent } from 'react';
import type { Administration } from '../api/types';
import { useSession } from '../session/session-context';
import { Badge } from '../ui/Badge';
import { Card } from '../ui/Card';
import { SelectField, TextField } from '../ui/Field';
import { formatDate, isoDate } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useSubmit } from '../ui/use-submit';
import { AddPanel } from './AddPanel';
import { useChartActions } from './chart-actions';
import { EndedVisits } from '../visit/end/EndedVisits';
import { FormActions } from './FormActions';
import { INJECTATES, injectateLabel } from './vocabulary';

export function HistoryCard({ administrations }: { readonly administrations: readonly Administration[] }) {
  const list = administrations
    .filter((a) => a.status !== 'entered-in-error')
    .toSorted((a, b) => b.at.localeCompare(a.at));
  const { patientId } = useChartActions();
  return (
    <Card
      title="Injection history"
      headingId="chart-history"
      actions={<AddPanel label="Add earlier injection" form={AdministrationForm} />}
    >
      {list.length === 0 ? (
        <p className="empty">No earlier injections recorded.</p>
      ) : (
        <ul className="entry-list">
          {list.map((a) => (
            <li key={a.id} className="entry">
              <div className="entry-main">
                <span className="entry-title">{injectateLabel(a.injectate) ?? a.text ?? 'Injection'}</span>
                {a.volumeMl !== undefined && <span className="num">{a.volumeMl} mL</span>}
              </div>
              <div className="entry-meta">
                <span>{formatDate(a.at)}</span>
                {a.status !== 'completed' && <Badge>{a.status}</Badge>}
              </div>
            </li>
          ))}
        </ul>
      )}
      <EndedVisits patientId={patientId} />
    </Card>
  );
}

function AdministrationForm({ done }: { readonly done: () => void }) {
  const { api, now } = useSession();
  const { patientId, saved } = useChartActions();
  const id = useId();
  const [injectate, setInjectate] = useState('');
  const [text, setText] = useState('');
  const [volume, setVolume] = useState('');
  const [at, setAt] = useState('');
  const [source, setSource] = useState('');
  const { problem, busy, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(() =>
      api.addEarlierAdministration(patientId, {
        at,
        ...(injectate ? { injectate } : {}),
        ...(text.trim() ? { text: text.trim() } : {}),
        ...(volume.trim() ? { volumeMl: Number(volume) } : {}),
        ...(source.trim() ? { source: source.trim() } : {}),
      }),
    );
    if (ok) {
      await saved(`Earlier injection added: ${injectateLabel(injectate) ?? text.trim()}`);
      done();
    }
  }

  const ids = { injectate: `${id}-product`, text: `${id}-text`, volumeMl: `${id}-volume`, at: `${id}-at` };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add earlier injection">
      <ProblemAlert problem={problem} fields={ids} />
      <div className="form-grid">
        <SelectField
          id={ids.injectate}
          label="Product"
          value={injectate}
          onChange={(e) => setInjectate(e.target.value)}
          errors={problem?.issuesAt('injectate')}
        >
          <option value="">Not in the list (describe it below)</option>
          {INJECTATES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <TextField
          id={ids.text}
          label="Product as reported"
          optional
          value={text}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          errors={problem?.issuesAt('text')}
        />
        <TextField
          id={ids.volumeMl}
          label="Volume (mL)"
          optional
          type="number"
          inputMode="decimal"
          step="0.1"
          min="0"
          value={volume}
          onChange={(e) => setVolume(e.target.value)}
          errors={problem?.issuesAt('volumeMl')}
        />
        <TextField
          id={ids.at}
          label="Given on"
          type="date"
          max={isoDate(now())}
          value={at}
          onChange={(e) => setAt(e.target.value)}
          errors={problem?.issuesAt('at')}
        />
        <TextField
          label="Source"
          optional
          hint='"Patient report", "GP letter"'
          value={source}
          autoComplete="off"
          onChange={(e) => setSource(e.target.value)}
          errors={problem?.issuesAt('source')}
        />
      </div>
      <FormActions busy={busy} label="Add injection" onCancel={done} />
    </form>
  );
}
