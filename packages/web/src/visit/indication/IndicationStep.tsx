// Step 1, indication and baseline: the diagnosis (one of the patient's active problems, or an
// ICD-10-CM code with its words), pain now (NRS 0-10) and PEG (average pain, interference with
// enjoyment of life and with general activity, past week). The server scores PEG and says whether
// the diagnosis is a usual TPI indication; this step shows what it answered.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Condition } from '../../api/types';
import type { Baseline, BaselineInput } from '../../api/visit-planning-types';
import { useVisitPlanningApi, type VisitPlanningEndpoints } from '../../api/visit-planning-endpoints';
import { ApiProblem } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Icd10Combobox } from '../../ui/Icd10Combobox';
import type { Icd10cmSearch } from '../../api/reference-endpoints';
import { useSession } from '../../session/session-context';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useSubmit } from '../../ui/use-submit';
import type { StepProps } from '../step-props';
import { isNotFound, issuesUnder } from './issues';
import { ScoreScale } from './ScoreScale';
import './indication.css';

const OTHER = 'other';

/** Problems the chart lists as current (what a diagnosis for today is chosen from). */
export function activeProblems(conditions: readonly Condition[]): readonly Condition[] {
  return conditions.filter(
    (c) =>
      (c.clinicalStatus === 'active' || c.clinicalStatus === 'recurrence' || c.clinicalStatus === 'relapse') &&
      c.verificationStatus !== 'refuted' &&
      c.verificationStatus !== 'entered-in-error',
  );
}

export function IndicationStep(props: StepProps) {
  const api = useVisitPlanningApi(props.visit.id);
  const { api: session } = useSession();
  return <IndicationForm {...props} api={api} search={session.searchIcd10cm} />;
}

type Loaded = { readonly status: 'loading' } | { readonly status: 'ready'; readonly baseline: Baseline | undefined };

export function IndicationForm({
  visit,
  chart,
  next,
  api,
  search,
}: StepProps & { readonly api: VisitPlanningEndpoints; readonly search: Icd10cmSearch }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const problems = activeProblems(chart.conditions);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [loadProblem, setLoadProblem] = useState<ApiProblem>();
  const [choice, setChoice] = useState<string>('');
  const [icd10, setIcd10] = useState('');
  const [display, setDisplay] = useState('');
  const [filledDisplay, setFilledDisplay] = useState('');
  const [painNrs, setPainNrs] = useState<number>();
  const [peg, setPeg] = useState<{ pain?: number; enjoyment?: number; activity?: number }>({});
  const [pegNotice, setPegNotice] = useState('');
  const { problem, busy, run } = useSubmit();

  function show(baseline: Baseline) {
    const known = problems.find((c) => c.icd10 === baseline.indication.icd10);
    setChoice(known ? known.id : OTHER);
    setIcd10(baseline.indication.icd10);
    setDisplay(baseline.indication.display);
    setPainNrs(baseline.painNrs);
    setPeg(baseline.peg ?? {});
  }

  useEffect(() => {
    let live = true;
    api.readBaseline(visit.id).then(
      (baseline) => {
        if (!live) return;
        show(baseline);
        setLoaded({ status: 'ready', baseline });
      },
      (error: unknown) => {
        if (!live) return;
        if (isNotFound(error)) setLoaded({ status: 'ready', baseline: undefined });
        else if (error instanceof ApiProblem) setLoadProblem(error);
        else throw error;
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once per visit
  }, [api, visit.id]);

  if (loadProblem) return <ProblemAlert problem={loadProblem} />;
  if (loaded.status === 'loading') return <Loading label="Reading the baseline" />;
  const saved = loaded.baseline;

  function indication(): BaselineInput['indication'] {
    if (choice === OTHER || choice === '') return { icd10: icd10.trim(), display: display.trim() };
    const condition = problems.find((c) => c.id === choice);
    return { icd10: condition?.icd10 ?? '', display: condition?.display ?? '' };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answered = [peg.pain, peg.enjoyment, peg.activity].filter((v) => v !== undefined).length;
    if (answered !== 0 && answered !== 3) {
      setPegNotice('Answer all three PEG items, or none of them.');
      return;
    }
    setPegNotice('');
    const input = {
      indication: indication(),
      painNrs,
      peg: answered === 3 ? peg : null,
    } as BaselineInput;
    let answer: Baseline | undefined;
    const ok = await run(async () => {
      answer = await api.saveBaseline(visit.id, input, saved?.revision);
    });
    if (ok && answer) setLoaded({ status: 'ready', baseline: answer });
  }

  const ids = {
    indication: `${id}-indication`,
    painNrs: `${id}-nrs`,
    peg: `${id}-peg`,
  };
  const icdIssues = issuesUnder(problem, '$.indication.icd10');
  const displayIssues = issuesUnder(problem, '$.indication.display');
  const otherOpen = choice === OTHER || problems.length === 0;

  return (
    <form
      className="form indication-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Indication and baseline"
    >
      <ProblemAlert problem={problem} fields={ids} />
      {saved && <BaselineResult baseline={saved} />}

      <fieldset className="indication-choices" id={ids.indication} tabIndex={-1}>
        <legend className="field-label">Diagnosis treated today</legend>
        {problems.map((c) => (
          <label key={c.id} className="indication-choice">
            <input
              type="radio"
              name={`${id}-diagnosis`}
              value={c.id}
              checked={choice === c.id}
              onChange={() => setChoice(c.id)}
            />
            <span>
              {c.display} <code className="code-chip">{c.icd10}</code>
            </span>
          </label>
        ))}
        {problems.length > 0 && (
          <label className="indication-choice">
            <input
              type="radio"
              name={`${id}-diagnosis`}
              value={OTHER}
              checked={choice === OTHER}
              onChange={() => setChoice(OTHER)}
            />
            <span>Another diagnosis (search ICD-10-CM)</span>
          </label>
        )}
        {otherOpen && (
          <div className="indication-other form-grid">
            <Icd10Combobox
              id={`${id}-icd10`}
              label="ICD-10-CM code"
              hint="A code (M79.18) or words of the diagnosis, then pick from the list"
              value={icd10}
              onChange={setIcd10}
              onPick={(item) => {
                if (display.trim() === '' || display === filledDisplay) {
                  setDisplay(item.title);
                  setFilledDisplay(item.title);
                }
              }}
              search={search}
              errors={icdIssues}
            />
            <TextField
              id={`${id}-display`}
              label="Diagnosis in words"
              value={display}
              autoComplete="off"
              onChange={(e) => setDisplay(e.target.value)}
              errors={displayIssues}
            />
          </div>
        )}
        {!otherOpen && (icdIssues.length > 0 || displayIssues.length > 0) && (
          <p className="field-error">{[...icdIssues, ...displayIssues].map((i) => i.message).join('; ')}</p>
        )}
      </fieldset>

      <ScoreScale
        id={ids.painNrs}
        legend="Pain now (NRS)"
        low="no pain"
        high="worst pain imaginable"
        value={painNrs}
        onChange={setPainNrs}
        errors={issuesUnder(problem, '$.painNrs')}
      />

      <fieldset className="peg-group" id={ids.peg} tabIndex={-1}>
        <legend>PEG, over the past week</legend>
        {pegNotice && (
          <p className="field-error" role="alert">
            {pegNotice}
          </p>
        )}
        <ScoreScale
          legend="Average pain"
          low="no pain"
          high="pain as bad as you can imagine"
          value={peg.pain}
          onChange={(pain) => setPeg((p) => ({ ...p, pain }))}
          errors={issuesUnder(problem, '$.peg.pain')}
        />
        <ScoreScale
          legend="Interference with enjoyment of life"
          low="does not interfere"
          high="completely interferes"
          value={peg.enjoyment}
          onChange={(enjoyment) => setPeg((p) => ({ ...p, enjoyment }))}
          errors={issuesUnder(problem, '$.peg.enjoyment')}
        />
        <ScoreScale
          legend="Interference with general activity"
          low="does not interfere"
          high="completely interferes"
          value={peg.activity}
          onChange={(activity) => setPeg((p) => ({ ...p, activity }))}
          errors={issuesUnder(problem, '$.peg.activity')}
        />
      </fieldset>

      <div className="step-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {saved ? 'Save changes' : 'Record baseline'}
        </Button>
        {saved && next && (
          <Button onClick={next} disabled={busy}>
            Continue to history review
          </Button>
        )}
      </div>
    </form>
  );
}

/** A score as the server gave it, at most one decimal place. */
const formatScore = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** What the server answered: the PEG score it computed and whether the diagnosis is a usual TPI indication. */
function BaselineResult({ baseline }: { readonly baseline: Baseline }) {
  return (
    <div className="baseline-result" role="status">
      <p className="review-status review-status-ok">
        <strong>Baseline recorded</strong> {formatDateTime(baseline.recordedAt)}: {baseline.indication.display} (
        {baseline.indication.icd10}), pain now {baseline.painNrs}/10
        {baseline.pegScore !== null && <>, PEG score {formatScore(baseline.pegScore)}/10</>}.
      </p>
      {!baseline.isTpiIndication && (
        <p className="review-status review-status-warning">
          <span aria-hidden="true">⚠ </span>
          <strong>Not a usual TPI indication.</strong> The server does not count {baseline.indication.icd10} among the
          usual indications for trigger point injection: check the diagnosis before planning.
        </p>
      )}
    </div>
  );
}
