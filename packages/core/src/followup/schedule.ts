// The follow-up links of a signed note (issue 6 item 2): one per point of the clinic's schedule
// (settings/follow-up-schedule.ts), due at the signature plus the point's offset, open until a
// number of days after it is due. Pure: the signing time and the policy are parameters.
//
// No source in the reference sets how long a patient may answer a follow-up (REFERENCE.md 6.4 and 7
// give the time points, not the windows), so the window is a policy: FOLLOW_UP_LINK_DAYS by default.
import { durationMinutes, type FollowUpSchedule } from '../settings/follow-up-schedule.js';

/** A link stays open this many days after it is due (the policy's default; see the note above). */
export const FOLLOW_UP_LINK_DAYS = 14;

export interface ScheduledFollowUp {
  readonly pointId: string;
  readonly label: string;
  /** Epoch milliseconds. */
  readonly dueAt: number;
  readonly expiresAt: number;
  readonly asksPeg: boolean;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The schedule's points placed after `signedAt` (epoch ms), in order. A point whose offset is not
 * a duration the schedule accepts is skipped (a validated schedule has none).
 */
export function followUpsFor(
  schedule: FollowUpSchedule,
  signedAt: number,
  linkDays: number = FOLLOW_UP_LINK_DAYS,
): readonly ScheduledFollowUp[] {
  const out: ScheduledFollowUp[] = [];
  for (const p of schedule.points) {
    const minutes = durationMinutes(p.after);
    if (minutes === undefined || minutes <= 0) continue;
    const dueAt = signedAt + minutes * MINUTE;
    out.push({ pointId: p.id, label: p.label, dueAt, expiresAt: dueAt + linkDays * DAY, asksPeg: p.asksPeg });
  }
  return out.sort((a, b) => a.dueAt - b.dueAt);
}
