// The screen of the saved plan, in brief beside the map: the verdict, how many cards of each
// indicator, and the critical ones by their summary. The screening step shows them in full.
import { Link } from 'react-router';
import type { ScreenResult } from '../../api/visit-planning-types';
import { INDICATOR_ORDER, IndicatorIcon, IndicatorLabel, VERDICT } from '../screening/indicator';
import type { SyncStatus } from './use-plan-sync';

const STATUS: Record<SyncStatus, string> = {
  incomplete: 'The plan is saved and screened once it has a site and a product with its volume.',
  idle: '',
  waiting: 'Changes not saved yet…',
  saving: 'Saving and screening the plan…',
  saved: 'Plan saved and screened.',
  failed: 'The plan could not be saved.',
};

export function ScreenSummary(props: {
  readonly screen: ScreenResult | undefined;
  readonly status: SyncStatus;
  readonly screeningHref: string;
  /** The plan revision saved last (said as data-revision, for the bench's click timing). */
  readonly revision?: number | undefined;
}) {
  const { screen, status, screeningHref, revision } = props;
  const critical = screen?.cards.filter((c) => c.indicator === 'critical') ?? [];
  const verdict = screen ? VERDICT[screen.verdict] : undefined;
  return (
    <section className="screen-summary" aria-labelledby="screen-summary-title">
      <h3 id="screen-summary-title" className="plan-aside-title">
        Screen
      </h3>
      <p className="plan-sync muted" role="status" data-status={status} data-revision={revision}>
        {STATUS[status]}
      </p>
      {screen && verdict && (
        <>
          <p className={`verdict-line indicator-${verdict.tone}`}>
            <IndicatorIcon indicator={verdict.tone} /> <strong>{verdict.word}</strong>
            {status !== 'saved' && status !== 'idle' && <span className="muted"> (last screen)</span>}
          </p>
          {screen.cards.length === 0 ? (
            <p className="muted">No findings for this plan.</p>
          ) : (
            <ul className="screen-counts" aria-label="Cards by indicator">
              {INDICATOR_ORDER.map((indicator) => {
                const count = screen.cards.filter((c) => c.indicator === indicator).length;
                return count === 0 ? null : (
                  <li key={indicator}>
                    <IndicatorLabel indicator={indicator} count={count} />
                  </li>
                );
              })}
            </ul>
          )}
          {critical.length > 0 && (
            <ul className="screen-critical" aria-label="Critical cards">
              {critical.map((card) => (
                <li key={card.uuid}>{card.summary}</li>
              ))}
            </ul>
          )}
          <Link to={screeningHref} className="screen-summary-link">
            All cards, with why →
          </Link>
        </>
      )}
    </section>
  );
}
