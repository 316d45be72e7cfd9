// The patient's follow-up form at /f/:token (issue 6 item 3): no account, phone first. It asks pain
// now on the baseline's 0-10 scale, % relief, the PEG items when this contact asks them, side
// effects, the red-flag questions for this patient's sites and drugs (each answered yes or no, never
// assumed no), the patient's global impression of change, and a comment. On a red flag the answer
// page at once says what to do, in the server's words of urgency (from reference.json escalation);
// otherwise, thank you. A link that is unknown, expired or replaced gets a kind page.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../api/problem';
import { Loading } from '../ui/Loading';
import { createPublicClient } from '../public/public-api';
import { PublicShell } from '../public/PublicShell';
import { FollowUpAnswersView } from './FollowUpAnswersView';
import { FollowUpQuestions, type Draft, type DraftErrors } from './FollowUpQuestions';
import type { FollowUpAnswers, FollowUpAnswersCreated, FollowUpForm } from './follow-up-types';
import './follow-up.css';

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'gone' }
  | { readonly status: 'failed'; readonly problem: ApiProblem }
  | { readonly status: 'ready'; readonly form: FollowUpForm }
  | { readonly status: 'sent'; readonly form: FollowUpForm; readonly created: FollowUpAnswersCreated };

const path = (token: string) => `/api/follow-up/${encodeURIComponent(token)}`;

/** What is missing, by question id; empty when the draft can be sent. */
export function draftErrors(form: FollowUpForm, draft: Draft): DraftErrors {
  const errors: Record<string, string> = {};
  if (draft.painNrs === undefined) errors['pain'] = 'Choose a number for your pain now.';
  if (draft.reliefPct === undefined) errors['relief'] = 'Choose how much relief you have had.';
  if (form.asksPeg) {
    if (draft.peg.pain === undefined) errors['peg-pain'] = 'Choose a number.';
    if (draft.peg.enjoyment === undefined) errors['peg-enjoyment'] = 'Choose a number.';
    if (draft.peg.activity === undefined) errors['peg-activity'] = 'Choose a number.';
  }
  for (const flag of form.redFlags) {
    if (draft.redFlags[flag.id] === undefined) errors[`flag-${flag.id}`] = 'Answer yes or no.';
  }
  if (draft.pgic === undefined) errors['pgic'] = 'Choose the answer closest to how you feel.';
  return errors;
}

export function answersOf(form: FollowUpForm, draft: Draft): FollowUpAnswers {
  const comment = draft.comment.trim();
  return {
    painNrs: draft.painNrs as number,
    reliefPct: draft.reliefPct as number,
    ...(form.asksPeg
      ? {
          peg: {
            pain: draft.peg.pain as number,
            enjoyment: draft.peg.enjoyment as number,
            activity: draft.peg.activity as number,
          },
        }
      : {}),
    sideEffects: form.sideEffects.filter((s) => draft.sideEffects.has(s.id)).map((s) => s.id),
    redFlags: form.redFlags.filter((f) => draft.redFlags[f.id] === true).map((f) => f.id),
    pgic: draft.pgic as number,
    ...(comment ? { comment } : {}),
  };
}

const EMPTY: Draft = {
  painNrs: undefined,
  reliefPct: undefined,
  peg: {},
  sideEffects: new Set(),
  redFlags: {},
  pgic: undefined,
  comment: '',
};

export function FollowUpFormPage() {
  const { token = '' } = useParams();
  const api = useMemo(() => createPublicClient(), []);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [sending, setSending] = useState(false);
  const [sendProblem, setSendProblem] = useState<ApiProblem>();
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    api.request<FollowUpForm>('GET', path(token)).then(
      (r) => live && setState({ status: 'ready', form: r.data }),
      (error: unknown) => {
        if (!live) return;
        if (!(error instanceof ApiProblem)) throw error;
        setState(error.status === 404 ? { status: 'gone' } : { status: 'failed', problem: error });
      },
    );
    return () => {
      live = false;
    };
  }, [api, token]);

  useEffect(() => {
    document.title =
      state.status === 'sent'
        ? state.created.redFlags.length > 0
          ? 'Get help now · Knotwork'
          : 'Thank you · Knotwork'
        : state.status === 'gone'
          ? 'This link has ended · Knotwork'
          : 'How are you since your injection? · Knotwork';
  }, [state]);

  useEffect(() => {
    if (Object.keys(errors).length > 0) summary.current?.focus();
  }, [errors]);

  if (state.status === 'loading') {
    return (
      <PublicShell>
        <Loading label="Opening your questions" />
      </PublicShell>
    );
  }
  if (state.status === 'gone') return <GonePage />;
  if (state.status === 'failed') {
    return (
      <PublicShell>
        <h1 className="fu-title">Your questions could not be opened</h1>
        <p>
          {state.problem.status === 429
            ? 'Too many tries from this connection. Please wait a minute and open the link again.'
            : 'Something went wrong on our side or with the connection. Please try again in a few minutes.'}
        </p>
        <UrgentHelpNote />
      </PublicShell>
    );
  }
  if (state.status === 'sent') {
    return (
      <PublicShell>
        <FollowUpAnswersView created={state.created} />
      </PublicShell>
    );
  }

  const { form } = state;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = draftErrors(form, draft);
    setErrors(found);
    setSendProblem(undefined);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const r = await api.request<FollowUpAnswersCreated>('POST', `${path(token)}/answers`, {
        body: answersOf(form, draft),
      });
      setState({ status: 'sent', form, created: r.data });
      window.scrollTo(0, 0);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (error.status === 404) setState({ status: 'gone' });
      else setSendProblem(error);
    } finally {
      setSending(false);
    }
  };
  const missing = Object.entries(errors);

  return (
    <PublicShell>
      <h1 className="fu-title">How are you since your injection?</h1>
      <p className="fu-intro">
        {form.label}: a few questions about your trigger point injection on{' '}
        {new Date(form.procedureDate).toLocaleDateString(undefined, { day: 'numeric', month: 'long' })}
        {form.sites.length > 0 && <> ({form.sites.map((s) => s.name).join(', ')})</>}. It takes about two minutes.
      </p>
      {form.entries.length > 0 && (
        <p className="fu-note">
          You have already answered on this link. You can answer again if something has changed.
        </p>
      )}
      {missing.length > 0 && (
        <div className="fu-summary" role="alert" tabIndex={-1} ref={summary}>
          <p className="fu-summary-title">
            Please answer {missing.length === 1 ? 'one more question' : `${missing.length} more questions`}:
          </p>
          <ul>
            {missing.map(([id, message]) => (
              <li key={id}>
                <a href={`#${id}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form className="fu-form" onSubmit={(e) => void submit(e)} noValidate>
        <FollowUpQuestions form={form} draft={draft} onChange={setDraft} errors={errors} />
        {sendProblem && (
          <div className="fu-summary" role="alert">
            <p className="fu-summary-title">Your answers were not sent</p>
            <p>
              {sendProblem.status === 429
                ? 'Too many tries from this connection. Please wait a minute and send again.'
                : sendProblem.status === 0
                  ? 'There is no connection. Check your signal and send again: your answers are kept on this page.'
                  : sendProblem.detail}
            </p>
          </div>
        )}
        <button type="submit" className="btn btn-primary btn-block fu-send" disabled={sending} aria-busy={sending}>
          {sending ? 'Sending…' : 'Send my answers'}
        </button>
      </form>
      <UrgentHelpNote />
    </PublicShell>
  );
}

function UrgentHelpNote() {
  return (
    <p className="fu-note fu-help">
      If you feel very unwell, have chest pain or trouble breathing, call your local emergency number now. Do not wait
      for a reply to this form.
    </p>
  );
}

function GonePage() {
  return (
    <PublicShell>
      <h1 className="fu-title">This link has ended</h1>
      <p>
        The link may be too old, or the clinic may have sent you a newer one. Nothing is wrong with you or your answers.
      </p>
      <p>If you have questions about your injection, please call the clinic.</p>
      <UrgentHelpNote />
    </PublicShell>
  );
}
