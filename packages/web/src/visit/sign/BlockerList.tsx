import { Link } from 'react-router';
import { stepById } from '../steps';
import type { Blocker } from './blockers';

/** The open items that keep the note from being signed, each linked to the step that fixes it. */
export function BlockerList({
  visitId,
  blockers,
}: {
  readonly visitId: string;
  readonly blockers: readonly Blocker[];
}) {
  return (
    <div className="alert alert-danger" role="alert" tabIndex={-1} aria-labelledby="blockers-title">
      <p className="alert-title" id="blockers-title">
        Not signed: {blockers.length === 1 ? 'one thing is' : `${blockers.length} things are`} still open
      </p>
      <ul className="blocker-list">
        {blockers.map((b, i) => (
          <li key={`${i}-${b.code}`}>
            {b.text} <Link to={`/visits/${visitId}/${b.step}`}>Fix in {stepById(b.step)?.title ?? b.step}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
