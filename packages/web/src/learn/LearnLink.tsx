// A link to the patient education page for these sites and drugs, opening in a new tab so the step
// stays where it is; the address is short enough to read out or print.
import { learnHref } from './learn-link';

export function LearnLink({
  muscles,
  injectates,
}: {
  readonly muscles: readonly string[];
  readonly injectates: readonly string[];
}) {
  const href = learnHref(muscles, injectates);
  return (
    <p className="learn-link">
      <a href={href} target="_blank" rel="noreferrer">
        Patient information page for these sites and drugs (opens in a new tab)
      </a>{' '}
      <span className="muted">
        — give the patient this address: <code>{href}</code>
      </span>
    </p>
  );
}
