// The live dose meter: the combined fraction of this patient's local anaesthetic maximum as a bar,
// with the server's level in colour, icon and words, its sentence, each product's mg against its
// maximum, and the mL still available. Every number is the server's; this only formats them.
import type { DoseCheck, DoseLevel } from '../../api/visit-planning-types';
import { formatDate } from '../../ui/format';
import type { ApiProblem } from '../../api/problem';
import { IndicatorIcon, type Tone } from '../screening/indicator';

const LEVEL: Record<DoseLevel, { readonly word: string; readonly icon: Tone }> = {
  within: { word: 'Within the maximum', icon: 'ok' },
  near: { word: 'Near the maximum', icon: 'warning' },
  above: { word: 'Above the maximum', icon: 'critical' },
  'no-weight': { word: 'No weight: maximum unknown', icon: 'info' },
};

export const levelWord = (level: DoseLevel) => LEVEL[level].word;

/** A fraction of the maximum as a whole percentage, as people read it. */
export const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** mL and mg with at most one decimal place (the server's floats can carry noise: 10.000000000000002). */
export const amount = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');

/**
 * mL still available, rounded down to 0.1 mL as the server's words are: never shown as more than
 * the server allows (3.9999 mL reads 3.9, not 4).
 */
export const availableMl = (ml: number) => amount(Math.floor(ml * 10) / 10);

export interface DoseMeterProps {
  readonly check: DoseCheck | undefined;
  /** A newer answer is on its way (the bar shows the last one meanwhile). */
  readonly pending?: boolean;
  readonly problem?: ApiProblem | undefined;
}

export function DoseMeter({ check, pending = false, problem }: DoseMeterProps) {
  return (
    <section className="dose-meter" aria-labelledby="dose-meter-title" aria-busy={pending || undefined}>
      <h3 id="dose-meter-title" className="plan-aside-title">
        Dose meter
      </h3>
      {problem && (
        <p className="field-error" role="alert">
          The dose could not be checked: {problem.detail}
        </p>
      )}
      {!check ? (
        <p className="muted">Choose a product and its volume to see the dose against this patient’s maximum.</p>
      ) : (
        <DoseReading check={check} />
      )}
    </section>
  );
}

function DoseReading({ check }: { readonly check: DoseCheck }) {
  const level = LEVEL[check.level];
  const weighed = check.level !== 'no-weight';
  const width = `${Math.min(check.combinedFraction, 1) * 100}%`;
  return (
    <div className={`dose-reading dose-${check.level}`} data-level={check.level}>
      <p className="dose-level">
        <span className="dose-icon" aria-hidden="true">
          <IndicatorIcon indicator={level.icon} />
        </span>
        <strong>{level.word}</strong>
        {weighed && <span className="dose-percent">{percent(check.combinedFraction)} of maximum</span>}
      </p>
      {weighed && (
        <div className="dose-bar" aria-hidden="true">
          <div className="dose-bar-fill" style={{ width }} />
          <div className="dose-bar-warn" style={{ left: `${Math.min(check.warnFraction, 1) * 100}%` }} />
        </div>
      )}
      <p className="dose-words" aria-live="polite">
        {check.words}
      </p>
      {check.lines.length > 0 && (
        <ul className="dose-lines" aria-label="Each product">
          {check.lines.map((line) => (
            <li key={line.injectate}>
              <span className="dose-line-name">{line.display}</span>{' '}
              <span className="num">
                {amount(line.volumeMl)} mL = {amount(line.mg)} mg
                {weighed && (
                  <>
                    {' '}
                    of {amount(line.maxMg)} mg ({line.maxBy === 'cap' ? 'absolute cap' : 'by weight'})
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {check.available.length > 0 && (
        <ul className="dose-available" aria-label="Still available">
          {check.available.map((a) => (
            <li key={a.injectate}>
              <strong className="num">{availableMl(a.ml)} mL</strong> still available of {a.display}
            </li>
          ))}
        </ul>
      )}
      {check.weightKg !== null && (
        <p className="muted dose-weight">
          Weight {amount(check.weightKg)} kg{check.weightAt ? `, recorded ${formatDate(check.weightAt)}` : ''}.
        </p>
      )}
    </div>
  );
}
