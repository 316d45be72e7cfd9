// The planned sites the body map and the site list both show and edit: one entry per muscle,
// with the side(s) planned. Pure functions, so the map's click and the list's controls are two
// ways of making the same change to one state.
import type { Side } from '@knotwork/core';
import type { BodySide } from './muscle-shapes';

export interface PlanSite {
  readonly muscle: string;
  readonly side: Side;
}

export type SiteSides = { readonly left: boolean; readonly right: boolean };

const NONE: SiteSides = { left: false, right: false };

function sidesOf(side: Side): SiteSides {
  switch (side) {
    case 'left':
      return { left: true, right: false };
    case 'right':
      return { left: false, right: true };
    case 'both':
      return { left: true, right: true };
  }
}

function sideFrom({ left, right }: SiteSides): Side | undefined {
  if (left && right) return 'both';
  if (left) return 'left';
  if (right) return 'right';
  return undefined;
}

/** Which sides of a muscle the plan has (several entries for one muscle are merged). */
export function plannedSides(sites: readonly PlanSite[], muscle: string): SiteSides {
  return sites
    .filter((s) => s.muscle === muscle)
    .reduce<SiteSides>((acc, s) => {
      const sides = sidesOf(s.side);
      return { left: acc.left || sides.left, right: acc.right || sides.right };
    }, NONE);
}

/** Sets the sides of one muscle, keeping its place in the list; no sides removes it. */
export function setSiteSides(sites: readonly PlanSite[], muscle: string, sides: SiteSides): PlanSite[] {
  const side = sideFrom(sides);
  const at = sites.findIndex((s) => s.muscle === muscle);
  const others = sites.filter((s) => s.muscle !== muscle);
  if (side === undefined) return others;
  const site: PlanSite = { muscle, side };
  if (at === -1) return [...others, site];
  return [...others.slice(0, at), site, ...others.slice(at)];
}

/**
 * One side of a muscle on or off: what a click on the map does. Turning off one side of a
 * site planned on both sides leaves the other side planned.
 */
export function toggleSite(sites: readonly PlanSite[], muscle: string, side: BodySide): PlanSite[] {
  const sides = plannedSides(sites, muscle);
  return setSiteSides(sites, muscle, { ...sides, [side]: !sides[side] });
}

/** Adds a site from the list: merges with the muscle's planned sides rather than duplicating it. */
export function addSite(sites: readonly PlanSite[], muscle: string, side: Side): PlanSite[] {
  const had = plannedSides(sites, muscle);
  const add = sidesOf(side);
  return setSiteSides(sites, muscle, { left: had.left || add.left, right: had.right || add.right });
}

export function changeSiteSide(sites: readonly PlanSite[], muscle: string, side: Side): PlanSite[] {
  return setSiteSides(sites, muscle, sidesOf(side));
}

export function removeSite(sites: readonly PlanSite[], muscle: string): PlanSite[] {
  return setSiteSides(sites, muscle, NONE);
}
