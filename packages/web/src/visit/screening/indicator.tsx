// How an indicator and a verdict read: an icon, a word and a colour together, never colour alone.
import type { Indicator, Verdict } from '../../api/visit-planning-types';
import './screening.css';

export const INDICATOR: Record<Indicator, { readonly word: string }> = {
  critical: { word: 'Critical' },
  warning: { word: 'Warning' },
  info: { word: 'Info' },
};

export const INDICATOR_ORDER: readonly Indicator[] = ['critical', 'warning', 'info'];

/** The indicator's shape (a stop sign, a triangle, a circle), drawn: emoji fonts are not everywhere. */
export function IndicatorIcon({ indicator }: { readonly indicator: Tone }) {
  return (
    <svg className="indicator-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {indicator === 'critical' && (
        <>
          <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
          <path d="M4.5 8h7" stroke="#fff" strokeWidth="2" />
        </>
      )}
      {indicator === 'warning' && (
        <>
          <path d="M8 1l7.5 14H.5z" fill="currentColor" />
          <path d="M8 6v4.5M8 12v1.5" stroke="#fff" strokeWidth="1.8" />
        </>
      )}
      {indicator === 'ok' && (
        <>
          <circle cx="8" cy="8" r="7.5" fill="currentColor" />
          <path d="M4.5 8.2l2.4 2.4 4.6-5" stroke="#fff" strokeWidth="1.8" fill="none" />
        </>
      )}
      {indicator === 'info' && (
        <>
          <circle cx="8" cy="8" r="7.5" fill="currentColor" />
          <path d="M8 7v5M8 4v1.5" stroke="#fff" strokeWidth="1.8" />
        </>
      )}
    </svg>
  );
}

export function IndicatorLabel({ indicator, count }: { readonly indicator: Indicator; readonly count?: number }) {
  const { word } = INDICATOR[indicator];
  return (
    <span className={`indicator indicator-${indicator}`}>
      <IndicatorIcon indicator={indicator} /> {word}
      {count !== undefined && <>: {count}</>}
    </span>
  );
}

export type Tone = Indicator | 'ok';

export const VERDICT: Record<Verdict, { readonly word: string; readonly tone: Tone }> = {
  'do-not-proceed': { word: 'Do not proceed', tone: 'critical' },
  caution: { word: 'Proceed with caution', tone: 'warning' },
  proceed: { word: 'Proceed', tone: 'ok' },
};
