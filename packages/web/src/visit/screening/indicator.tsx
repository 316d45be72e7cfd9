// How an indicator and a verdict read: an icon, a word and a colour together, never colour alone.
import type { Indicator, Verdict } from '../../api/visit-planning-types';
import './screening.css';

export const INDICATOR: Record<Indicator, { readonly word: string; readonly icon: string }> = {
  critical: { word: 'Critical', icon: '⛔' },
  warning: { word: 'Warning', icon: '⚠' },
  info: { word: 'Info', icon: 'ℹ' },
};

export const INDICATOR_ORDER: readonly Indicator[] = ['critical', 'warning', 'info'];

export function IndicatorLabel({ indicator }: { readonly indicator: Indicator }) {
  const { word, icon } = INDICATOR[indicator];
  return (
    <span className={`indicator indicator-${indicator}`}>
      <span aria-hidden="true">{icon}</span> {word}
    </span>
  );
}

export const VERDICT: Record<Verdict, { readonly word: string; readonly icon: string; readonly tone: Indicator }> = {
  'do-not-proceed': { word: 'Do not proceed', icon: '⛔', tone: 'critical' },
  caution: { word: 'Proceed with caution', icon: '⚠', tone: 'warning' },
  proceed: { word: 'Proceed', icon: '✓', tone: 'info' },
};
