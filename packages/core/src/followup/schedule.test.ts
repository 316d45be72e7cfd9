import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SCHEDULE } from '../settings/follow-up-schedule.js';
import { FOLLOW_UP_LINK_DAYS, followUpsFor } from './schedule.js';

const SIGNED = Date.parse('2026-03-02T10:30:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('followUpsFor', () => {
  it('places the default schedule after the signature, PEG at weeks 2 and 6', () => {
    const links = followUpsFor(DEFAULT_FOLLOW_UP_SCHEDULE, SIGNED);
    expect(links.map((l) => [l.pointId, iso(l.dueAt), l.asksPeg])).toEqual([
      ['same-evening', '2026-03-02T16:30:00.000Z', false],
      ['day-1', '2026-03-03T10:30:00.000Z', false],
      ['day-3', '2026-03-05T10:30:00.000Z', false],
      ['week-1', '2026-03-09T10:30:00.000Z', false],
      ['week-2', '2026-03-16T10:30:00.000Z', true],
      ['week-6', '2026-04-13T10:30:00.000Z', true],
    ]);
  });

  it('keeps each link open for the policy’s days after it is due', () => {
    const [first] = followUpsFor(DEFAULT_FOLLOW_UP_SCHEDULE, SIGNED);
    expect(first && first.expiresAt - first.dueAt).toBe(FOLLOW_UP_LINK_DAYS * 86_400_000);
    const [short] = followUpsFor(DEFAULT_FOLLOW_UP_SCHEDULE, SIGNED, 2);
    expect(short && iso(short.expiresAt)).toBe('2026-03-04T16:30:00.000Z');
  });

  it('reads days, hours and minutes together and keeps labels', () => {
    const links = followUpsFor(
      { points: [{ id: 'next-day-noon', label: 'Tomorrow noon', after: 'P1DT1H30M', asksPeg: false }] },
      SIGNED,
    );
    expect(links).toEqual([
      {
        pointId: 'next-day-noon',
        label: 'Tomorrow noon',
        dueAt: Date.parse('2026-03-03T12:00:00Z'),
        expiresAt: Date.parse('2026-03-17T12:00:00Z'),
        asksPeg: false,
      },
    ]);
  });

  it('skips an offset the schedule would refuse', () => {
    expect(followUpsFor({ points: [{ id: 'x', label: 'X', after: 'P1M', asksPeg: false }] }, SIGNED)).toEqual([]);
  });
});
