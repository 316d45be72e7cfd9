// Step 6, the procedure note: time-out first, then each planned site (needle, aspiration, twitch,
// tolerance, what was given with lot and expiry), immediate complications, findings and pain
// after. It saves itself as you go; the server refuses what must never be saved (an expired lot)
// and the refusal shows at the field.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useVisitPlanningApi } from '../../api/visit-planning-endpoints';
import { useVisitRecordApi } from '../../api/visit-record-endpoints';
import type { ComplicationType } from '../../api/visit-record-types';
import { useSession } from '../../session/session-context';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useLoad } from '../../ui/use-load';
import type { StepProps } from '../step-props';
import { ComplicationsEditor } from './ComplicationsEditor';
import { fieldIdOf } from './names';
import { PlanChanged, sitesForPlan } from './PlanChanged';
import { SaveStatus } from './SaveStatus';
import { SiteRecord } from './SiteRecord';
import { TimeOutChecklist } from './TimeOutChecklist';
import { useNoteDraft } from './use-note-draft';
import '../record.css';

const PAIN = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export function ProcedureStep({ visit }: StepProps) {
  const api = useVisitRecordApi(visit.id);
  const { now } = useSession();
  const { load, content, save, edit } = useNoteDraft(api, visit.id);
  const [types, setTypes] = useState<readonly ComplicationType[]>([]);
  const planning = useVisitPlanningApi(visit.id);
  // The visit's current plan, to tell a draft begun from an earlier revision.
  const [plan] = useLoad(() => planning.readPlan(visit.id), [planning, visit.id]);
  useEffect(() => {
    api.complicationTypes().then(setTypes, () => setTypes([]));
  }, [api]);

  if (load.status === 'loading' || (load.status === 'loaded' && !content)) return <Loading label="Opening the note" />;
  if (load.status === 'failed') {
    return (
      <>
        <ProblemAlert problem={load.problem} />
        {load.problem.status === 409 && (
          <p>
            The note is started from the plan: <Link to={`/visits/${visit.id}/plan`}>plan first</Link>.
          </p>
        )}
      </>
    );
  }
  if (!content) return null;
  const note = load.note;
  const readOnly = note.status !== 'draft';
  const refusal = save.kind === 'refused' ? save.problem : undefined;

  return (
    <div className="record-step">
      <div className="note-bar">
        <p className="muted">
          Version {note.version} · {readOnly ? 'signed, read-only' : 'draft'}
        </p>
        {!readOnly && <SaveStatus state={save} />}
      </div>
      {readOnly && (
        <div className="alert alert-info">
          <p>
            This version is signed and can no longer change. <Link to={`/visits/${visit.id}/sign`}>Amend it</Link> to
            correct it.
          </p>
        </div>
      )}
      {!readOnly && plan.value && plan.value.revision !== content.plan.revision && (
        <PlanChanged
          noteRevision={content.plan.revision}
          plan={plan.value}
          onUpdate={() => plan.value && edit('sites', sitesForPlan(content.sites, plan.value))}
        />
      )}
      {refusal && (
        <div className="alert alert-danger" role="alert">
          <p className="alert-title">{refusal.title}</p>
          <p>{refusal.detail}</p>
          <ul className="alert-issues">
            {refusal.errors.map((issue) => (
              <li key={issue.path}>
                <a href={`#${fieldIdOf(issue.path)}`}>{issue.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TimeOutChecklist timeOut={content.timeOut} readOnly={readOnly} onChange={(t) => edit('timeOut', t)} />
      {content.sites.map((site, index) => (
        <SiteRecord
          key={`${site.muscle}-${site.side}`}
          index={index}
          site={site}
          products={content.plan.products}
          problem={refusal}
          readOnly={readOnly}
          onChange={(changed) =>
            edit(
              'sites',
              content.sites.map((s, i) => (i === index ? changed : s)),
            )
          }
        />
      ))}
      <ComplicationsEditor
        complications={content.complications}
        types={types}
        now={now()}
        readOnly={readOnly}
        onChange={(c) => edit('complications', c)}
      />
      <section className="record-block" aria-labelledby="findings-title">
        <h3 id="findings-title" className="record-subtitle">
          Findings and pain after
        </h3>
        <div className="field">
          <label className="field-label" htmlFor="note-findings">
            Findings
          </label>
          <textarea
            id="note-findings"
            className="input textarea"
            rows={4}
            value={content.findings}
            readOnly={readOnly}
            onChange={(e) => edit('findings', e.target.value)}
          />
        </div>
        <fieldset className="choice-group pain-scale" id="note-painNrs">
          <legend className="field-label">Pain after the procedure (0 no pain – 10 worst imaginable)</legend>
          <div className="pain-options">
            {PAIN.map((n) => (
              <label key={n} className="pain-option">
                <input
                  type="radio"
                  name="pain-after"
                  value={n}
                  checked={content.painNrs === n}
                  disabled={readOnly}
                  onChange={() => edit('painNrs', n)}
                />
                <span>{n}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>
      {!readOnly && (
        <div className="note-bar">
          <p className="muted">Version {note.version} · draft</p>
          <SaveStatus state={save} announce={false} />
        </div>
      )}
    </div>
  );
}
