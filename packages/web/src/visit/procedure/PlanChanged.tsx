// A draft note started from an earlier revision of the plan (the plan changed after the note was
// begun, e.g. a drug taken out after a critical allergy card): the note still lists the old sites
// and offers the old products, and signing is refused until it is saved against the current plan.
// One button takes the current plan's sites (what was recorded at a site still planned is kept; a
// new site starts empty) and the save that follows brings the plan's products with it.
import type { Plan } from '../../api/visit-planning-types';
import { Button } from '../../ui/Button';
import type { LocalSite } from './use-note-draft';

/** The note's sites for `plan`: each planned site's record as it stands, or an empty one. */
export function sitesForPlan(sites: readonly LocalSite[], plan: Pick<Plan, 'sites'>): LocalSite[] {
  return plan.sites.map(
    ({ muscle, side }) =>
      sites.find((s) => s.muscle === muscle && s.side === side) ?? {
        muscle,
        side,
        needle: { gauge: null, lengthMm: null },
        aspiration: null,
        twitch: null,
        tolerance: null,
        administrations: [],
      },
  );
}

export function PlanChanged(props: {
  readonly noteRevision: number;
  readonly plan: Plan;
  readonly onUpdate: () => void;
}) {
  return (
    <div className="alert alert-info" role="status">
      <p className="alert-title">The plan changed after this note was started</p>
      <p>
        The note follows plan revision {props.noteRevision}; the visit’s plan is now revision {props.plan.revision}.
        Bring the note up to date before recording what was given: its sites and products will be the current plan’s
        (what is recorded at a site still planned is kept).
      </p>
      <div>
        <Button size="sm" variant="primary" onClick={props.onUpdate}>
          Update the note to plan revision {props.plan.revision}
        </Button>
      </div>
    </div>
  );
}
