import type { CodingLine, NoteCoding } from '../../api/visit-record-types';

function Line({ line }: { readonly line: CodingLine }) {
  return (
    <li className="coding-line">
      <p className="coding-code">
        <span className="code-chip">{line.code}</span> {line.display}{' '}
        <span className="muted">
          × {line.units} {line.units === 1 ? 'unit' : 'units'}
        </span>
      </p>
      <p className="because">Why: {line.reason}</p>
      {line.diagnoses.length > 0 && (
        <p className="muted">
          Linked ICD-10-CM:{' '}
          {line.diagnoses.map((d) => (
            <span key={d} className="code-chip">
              {d}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

/** The server's coding of the note: each code with its reason, the muscles it counted, what to look at. */
export function CodingView({ coding }: { readonly coding: NoteCoding }) {
  return (
    <section className="record-block" aria-labelledby="coding-title">
      <h3 id="coding-title" className="record-subtitle">
        Codes
      </h3>
      <p className="muted">
        {coding.basis === 'recorded'
          ? 'From what the note records.'
          : 'From the plan: the note does not record what was given yet.'}
      </p>
      {coding.procedure === null ? (
        <p>No procedure code yet.</p>
      ) : (
        <ul className="plain-list coding-lines">
          <Line line={coding.procedure} />
          {coding.guidance && <Line line={coding.guidance} />}
          {coding.hcpcs.map((h) => (
            <Line key={h.code} line={h} />
          ))}
        </ul>
      )}
      {coding.procedure === null &&
        coding.hcpcs.map((h) => (
          <ul key={h.code} className="plain-list coding-lines">
            <Line line={h} />
          </ul>
        ))}
      {coding.muscles && coding.muscles.length > 0 && (
        <>
          <h4 className="record-minor">Muscles counted ({coding.muscles.length})</h4>
          <ul className="plain-list">
            {coding.muscles.map((m) => (
              <li key={`${m.group}-${m.side}`}>
                {m.display}, {m.side}
              </li>
            ))}
          </ul>
        </>
      )}
      {coding.issues && coding.issues.length > 0 && (
        <div className="alert alert-info">
          <p className="alert-title">For the coder to look at</p>
          <ul className="plain-list">
            {coding.issues.map((i) => (
              <li key={`${i.code}-${i.path}`}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}
      {coding.notes && coding.notes.length > 0 && (
        <ul className="plain-list muted">
          {coding.notes.map((n) => (
            <li key={n.code}>{n.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
