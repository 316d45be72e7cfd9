// The patient education page (issue 6 item 1), public: /learn?muscles=...&injectates=... shows what
// the server's education content says (GET /api/education, from @knotwork/core educationPage) in
// plain language, with the parts for the patient's own sites and drugs and the warning signs, most
// urgent first. Printable: the print stylesheet drops the frame and the buttons.
import type { EducationPage } from '@knotwork/core';
import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useLoad } from '../ui/use-load';
import { createPublicClient } from '../public/public-api';
import { PublicShell } from '../public/PublicShell';
import { learnQuery } from './learn-link';
import './learn.css';

const URGENCY_WORDS = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  'same-day': 'Same day',
  routine: 'Routine',
} as const;

export function LearnPage() {
  const { search } = useLocation();
  const query = useMemo(() => learnQuery(search), [search]);
  const api = useMemo(() => createPublicClient(), []);
  const [loaded] = useLoad(
    () =>
      api
        .request<EducationPage>('GET', '/api/education', {
          query: { muscles: query.muscles.join(','), injectates: query.injectates.join(',') },
        })
        .then((r) => r.data),
    [api, query],
  );
  useEffect(() => {
    document.title = 'Trigger point injections: what to know · Knotwork';
  }, []);

  return (
    <PublicShell>
      <article className="learn" aria-labelledby="learn-title">
        <div className="learn-head">
          <h1 id="learn-title" className="learn-title">
            Trigger point injections: what to know
          </h1>
          <button type="button" className="btn btn-secondary learn-print" onClick={() => window.print()}>
            Print this page
          </button>
        </div>
        {loaded.status === 'failed' && <ProblemAlert problem={loaded.problem} />}
        {!loaded.value && loaded.status !== 'failed' && <Loading label="Loading the information" />}
        {loaded.value && <LearnContent page={loaded.value} />}
      </article>
    </PublicShell>
  );
}

export function LearnContent({ page }: { readonly page: EducationPage }) {
  const personal = page.sites.length > 0 || page.injectates.length > 0;
  const unknown = [...page.unknown.muscles, ...page.unknown.injectates];
  return (
    <>
      {personal && (
        <section className="learn-yours" aria-labelledby="learn-yours-title">
          <h2 id="learn-yours-title">Your injection</h2>
          {page.sites.length > 0 && (
            <p>
              <strong>Where:</strong> {page.sites.map((s) => s.name).join('; ')}
            </p>
          )}
          {page.injectates.length > 0 && (
            <p>
              <strong>What was injected:</strong> {page.injectates.map((i) => i.name).join('; ')}
            </p>
          )}
        </section>
      )}
      {unknown.length > 0 && (
        <p className="alert alert-info">
          This page does not know {unknown.join(', ')}: ask the clinic about {unknown.length > 1 ? 'them' : 'it'}.
        </p>
      )}
      <section className="learn-warnings" aria-labelledby="learn-warnings-title">
        <h2 id="learn-warnings-title">When to get help</h2>
        <ul className="learn-warning-list">
          {page.warningSigns.map((w) => (
            <li key={w.id} className={`learn-warning learn-warning-${w.urgency}`}>
              <p className="learn-warning-urgency">{URGENCY_WORDS[w.urgency]}</p>
              <p className="learn-warning-text">{w.text}</p>
              <p className="learn-warning-action">{w.action}</p>
            </li>
          ))}
        </ul>
      </section>
      {page.sections.map((section) => (
        <section key={section.id} className="learn-section" aria-labelledby={`learn-${section.id}`}>
          <h2 id={`learn-${section.id}`}>{section.title}</h2>
          <ul className="learn-list">
            {section.items.map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
          </ul>
          <p className="learn-sources">Sources: {[...new Set(section.items.flatMap((i) => i.sources))].join(', ')}</p>
        </section>
      ))}
      <p className="learn-footnote muted">
        This page explains; it does not replace what your clinician tells you. Source codes refer to the clinical
        reference the clinic uses.
      </p>
    </>
  );
}
