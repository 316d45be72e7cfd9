// Step 7, sign: the server's codes with their reasons, then the clinician's signature. A refusal
// lists what is still open, each linked to the step that fixes it. Once signed the version is
// locked: print it, or amend it with a reason (a new draft version).
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { pdfLinks, useVisitRecordApi } from '../../api/visit-record-endpoints';
import type { ProcedureNote } from '../../api/visit-record-types';
import { useSession } from '../../session/session-context';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useLoad } from '../../ui/use-load';
import type { StepProps } from '../step-props';
import { BlockerList } from './BlockerList';
import { blockersOf, type Blocker } from './blockers';
import { CodingView } from './CodingView';
import { NoteSummary } from './NoteSummary';
import { VersionList } from './VersionList';
import '../record.css';

const latestOf = (notes: readonly ProcedureNote[]) =>
  notes.reduce<ProcedureNote | undefined>((a, n) => (!a || n.version > a.version ? n : a), undefined);

export function SignStep({ visit }: StepProps) {
  const api = useVisitRecordApi(visit.id);
  const { session } = useSession();
  const clinician = session.user.role === 'clinician';
  const [blockers, setBlockers] = useState<readonly Blocker[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const blockersRef = useRef<HTMLDivElement>(null);

  const [loaded, reload] = useLoad(async () => {
    const notes = await api.listNotes(visit.id);
    const latest = latestOf(notes);
    const coding = latest ? await api.readCoding(latest.id) : undefined;
    return { notes, latest, coding };
  }, [api, visit.id]);

  if (loaded.status === 'failed') return <ProblemAlert problem={loaded.problem} />;
  if (!loaded.value) return <Loading label="Reading the note and its codes" />;
  const { notes, latest, coding } = loaded.value;
  if (!latest) {
    return (
      <p>
        There is no procedure note yet. <Link to={`/visits/${visit.id}/procedure`}>Write the procedure note</Link>{' '}
        first.
      </p>
    );
  }
  const draft = latest.status === 'draft';
  const signerName = (id: string, name: string | null | undefined) =>
    id === session.user.id ? `${session.user.displayName} (you)` : (name ?? `user ${id} (not in this clinic)`);

  const attempt = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setProblem(undefined);
    setBlockers([]);
    try {
      await action();
      setNotice(done);
      await reload();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (error.code === 'signing-blocked') {
        setBlockers(blockersOf(error));
        requestAnimationFrame(() => blockersRef.current?.querySelector<HTMLElement>('[role="alert"]')?.focus());
      } else setProblem(error);
      if (error.status === 412) await reload();
    } finally {
      setBusy(false);
    }
  };

  const sign = () => attempt(() => api.signNote(latest.id, latest.revision), `Version ${latest.version} signed.`);
  const amend = (event: FormEvent) => {
    event.preventDefault();
    void attempt(
      async () => {
        await api.amendNote(latest.id, reason.trim());
        setReason('');
      },
      `Amendment started as version ${latest.version + 1}: correct it in the procedure note, then sign it.`,
    );
  };

  return (
    <div className="record-step">
      <p role="status" className={notice ? 'notice' : 'visually-hidden'}>
        {notice}
      </p>
      {coding && <CodingView coding={coding} />}
      <div ref={blockersRef}>{blockers.length > 0 && <BlockerList visitId={visit.id} blockers={blockers} />}</div>
      <ProblemAlert problem={problem} />
      {draft ? (
        <section className="record-block" aria-labelledby="sign-title">
          <h3 id="sign-title" className="record-subtitle">
            Signature
          </h3>
          <p>
            Version {latest.version} is a draft{latest.amendmentReason ? ` (amendment: ${latest.amendmentReason})` : ''}
            . <Link to={`/visits/${visit.id}/procedure`}>Review the procedure note</Link>.
          </p>
          {clinician ? (
            <Button variant="primary" busy={busy} onClick={() => void sign()}>
              Sign note
            </Button>
          ) : (
            <p className="alert alert-info">A clinician signs the note. You can complete everything else.</p>
          )}
        </section>
      ) : (
        <>
          <NoteSummary note={latest} />
          <div className="form-actions">
            <a className="btn btn-secondary" href={pdfLinks.note(latest.id)} target="_blank" rel="noreferrer">
              Print (PDF)<span className="visually-hidden">: procedure note version {latest.version}</span>
            </a>
          </div>
          {clinician && (
            <form className="record-block form" aria-labelledby="amend-title" onSubmit={amend}>
              <h3 id="amend-title" className="record-subtitle">
                Amend
              </h3>
              <div className="field">
                <label className="field-label" htmlFor="amend-reason">
                  Reason for the amendment
                </label>
                <p className="field-hint" id="amend-reason-hint">
                  At least 5 characters; it is kept with the new version.
                </p>
                <textarea
                  id="amend-reason"
                  className="input textarea"
                  rows={2}
                  value={reason}
                  aria-describedby="amend-reason-hint"
                  required
                  onChange={(e) => setReason(e.target.value)}
                />
              </div>
              <Button type="submit" busy={busy} disabled={reason.trim() === ''}>
                Amend note
              </Button>
            </form>
          )}
        </>
      )}
      <VersionList notes={notes} signerName={signerName} />
    </div>
  );
}
