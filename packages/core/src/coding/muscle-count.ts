// CPT counting for 20552/20553 and 20560/20561. REFERENCE.md 4.2 [CPTA][RHEUMCODING][HPHC]: the
// code follows the number of distinct muscles, not needle passes or trigger points. Contract
// notes.cptGroup: a muscle is a catalogue cptGroup on one side, so upper and middle/lower trapezius
// on one side are one muscle, thoracic and lumbar paraspinals share erector-spinae, left and right
// are two ('both' is both), and an entry covering several small muscles (rhomboids) counts once. A
// site that cannot be read is reported and not counted: Knotwork never codes upward on a guess.
import type { CatalogueData, Muscle, MuscleCode } from '../catalogue/catalogue.js';
import type { CodingIssue, CodingSite, CountedMuscle } from './coding-types.js';

export interface MuscleCount {
  readonly muscles: readonly CountedMuscle[];
  /** Sites that were counted. */
  readonly siteCount: number;
  /** Trigger points over the counted sites, when every counted site gave them. */
  readonly points: number | undefined;
  readonly issues: readonly CodingIssue[];
}

const SIDES = { left: ['left'], right: ['right'], both: ['left', 'right'] } as const;

interface Tally {
  readonly group: string;
  readonly side: 'left' | 'right';
  readonly muscles: Set<MuscleCode>;
  readonly sites: number[];
}

/** The muscle's display when one entry has the group, else the group in words ("Trapezius"). */
function groupDisplay(group: string, members: readonly Muscle[]): string {
  const only = members.length === 1 ? members[0] : undefined;
  if (only) return only.display;
  const words = group.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function readSite(site: CodingSite, path: string, known: boolean): CodingIssue[] {
  const issues: CodingIssue[] = [];
  if (!known) {
    issues.push({
      code: 'unknown-muscle',
      path: `${path}.muscle`,
      message: `"${String(site.muscle)}" is not a catalogue muscle; the site is not counted`,
    });
  }
  if (!Object.hasOwn(SIDES, site.side)) {
    issues.push({
      code: 'invalid-side',
      path: `${path}.side`,
      message: `side must be left, right or both, not "${String(site.side)}"; the site is not counted`,
    });
  }
  const points = site.points;
  if (points !== undefined && !(Number.isInteger(points) && points >= 1)) {
    issues.push({
      code: 'invalid-points',
      path: `${path}.points`,
      message: `points must be a whole number of 1 or more, not ${String(points)}; the site is not counted`,
    });
  }
  return issues;
}

export function countMuscles(sites: readonly CodingSite[], data: CatalogueData): MuscleCount {
  const byCode = new Map<string, { muscle: Muscle; order: number }>();
  const members = new Map<string, Muscle[]>();
  data.muscles.forEach((muscle, order) => {
    byCode.set(muscle.code, { muscle, order });
    members.set(muscle.cptGroup, [...(members.get(muscle.cptGroup) ?? []), muscle]);
  });
  // A group sorts where its first entry is in the catalogue.
  const groupOrder = new Map([...members.keys()].map((group, i) => [group, i]));

  const issues: CodingIssue[] = [];
  const tallies = new Map<string, Tally>();
  let siteCount = 0;
  let points: number | undefined = 0;
  sites.forEach((site, i) => {
    const muscle = byCode.get(site.muscle)?.muscle;
    const problems = readSite(site, `sites[${i}]`, muscle !== undefined);
    issues.push(...problems);
    if (!muscle || problems.length > 0) return;
    siteCount += 1;
    points = site.points === undefined || points === undefined ? undefined : points + site.points;
    for (const side of SIDES[site.side]) {
      const key = `${muscle.cptGroup}|${side}`;
      const tally = tallies.get(key) ?? { group: muscle.cptGroup, side, muscles: new Set<MuscleCode>(), sites: [] };
      tally.muscles.add(muscle.code);
      tally.sites.push(i);
      tallies.set(key, tally);
    }
  });

  const rank = (code: string): number => byCode.get(code)?.order ?? Infinity;
  const groupRank = (group: string): number => groupOrder.get(group) ?? Infinity;
  const sideRank = (side: 'left' | 'right'): number => (side === 'left' ? 0 : 1);
  const muscles: CountedMuscle[] = [...tallies.values()]
    .sort((a, b) => groupRank(a.group) - groupRank(b.group) || sideRank(a.side) - sideRank(b.side))
    .map((t) => ({
      group: t.group,
      display: groupDisplay(t.group, members.get(t.group) ?? []),
      side: t.side,
      muscles: [...t.muscles].sort((a, b) => rank(a) - rank(b)),
      sites: t.sites,
    }));
  return { muscles, siteCount, points: siteCount > 0 ? points : undefined, issues };
}
