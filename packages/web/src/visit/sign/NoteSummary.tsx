// A signed version, read-only: what the note records, as it was signed.
import type { ProcedureNote } from '../../api/visit-record-types';
import { formatDateTime } from '../../ui/format';
import { muscleName, productName, SIDE_WORDS } from '../procedure/names';
import { TIME_OUT_WORDS } from '../procedure/TimeOutChecklist';
import { TIME_OUT_ITEMS } from '../../api/visit-record-types';

export function NoteSummary({ note }: { readonly note: ProcedureNote }) {
  const { content } = note;
  return (
    <section className="record-block note-summary" aria-labelledby="note-summary-title">
      <h3 id="note-summary-title" className="record-subtitle">
        Procedure note, version {note.version} (locked)
      </h3>
      <dl className="summary-list">
        <dt>Time-out</dt>
        <dd>
          {TIME_OUT_ITEMS.map(
            (i) => `${TIME_OUT_WORDS[i]}: ${content.timeOut[i] ? 'confirmed' : 'not confirmed'}`,
          ).join('; ')}
        </dd>
        {content.sites.map((s, i) => (
          <div key={`${s.muscle}-${s.side}`} className="summary-row">
            <dt>
              Site {i + 1}: {muscleName(s.muscle)}, {SIDE_WORDS[s.side]}
            </dt>
            <dd>
              Needle {s.needle.gauge ?? '—'} G, {s.needle.lengthMm ?? '—'} mm; aspiration {s.aspiration ?? '—'}; twitch{' '}
              {s.twitch === null ? '—' : s.twitch ? 'yes' : 'no'}; tolerated {s.tolerance ?? '—'}.
              {s.administrations.map((a, j) => (
                <span key={j} className="summary-given">
                  {' '}
                  {productName(a.injectate)} {a.volumeMl} mL, lot {a.lot ?? '—'}, expiry {a.expiry ?? '—'}.
                </span>
              ))}
            </dd>
          </div>
        ))}
        <dt>Complications</dt>
        <dd>
          {content.complications.length === 0
            ? 'None'
            : content.complications
                .map((c) => `${c.type} (${c.severity}) at ${formatDateTime(c.onset)}: ${c.action}`)
                .join('; ')}
        </dd>
        <dt>Findings</dt>
        <dd>{content.findings || '—'}</dd>
        <dt>Pain after</dt>
        <dd>{content.painNrs === null ? '—' : `${content.painNrs} / 10`}</dd>
      </dl>
    </section>
  );
}
