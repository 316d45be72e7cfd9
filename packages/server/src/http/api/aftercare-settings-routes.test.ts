// The follow-up schedule and the observation time over HTTP, and every setting at once: clinical
// roles and admins read them (ETag, 304), clinic admins change them (If-Match: 428 without, 412
// when stale), each change a new settings version carrying the others forward, validated by the
// core with each field named (nothing written), and audited with the value before and after.
import { DEFAULT_FOLLOW_UP_SCHEDULE, DEFAULT_POLICY } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { buildClinicApp } from '../spec/clinic-app.js';
import { problemOf } from '../spec/test-app.js';

const SETTINGS = '/api/settings';
const FOLLOW_UP = '/api/settings/follow-up-schedule';
const OBSERVATION = '/api/settings/observation-time';
const ifMatch = (etag: string) => ({ headers: { 'if-match': etag } });

const DEFAULT_POINTS = [
  { id: 'same-evening', label: 'This evening', after: 'PT6H', afterMinutes: 360, asksPeg: false },
  { id: 'day-1', label: 'Day 1', after: 'P1D', afterMinutes: 1440, asksPeg: false },
  { id: 'day-3', label: 'Day 3', after: 'P3D', afterMinutes: 4320, asksPeg: false },
  { id: 'week-1', label: 'Week 1', after: 'P1W', afterMinutes: 10080, asksPeg: false },
  { id: 'week-2', label: 'Week 2', after: 'P2W', afterMinutes: 20160, asksPeg: true },
  { id: 'week-6', label: 'Week 6', after: 'P6W', afterMinutes: 60480, asksPeg: true },
];

const SHORT = {
  points: [
    { id: 'next-day', label: 'Next day', after: 'P1D' },
    { id: 'month-1', label: 'Month 1', after: 'P30D', asksPeg: true },
  ],
};

async function setup() {
  const app = await buildClinicApp();
  return { rig: app, admin: await app.signIn('clinic-admin') };
}

describe('GET /api/settings', () => {
  it('answers every setting at version 0, each marked default, to clinicians, nurses and admins', async () => {
    const { rig } = await setup();
    for (const role of ['clinician', 'nurse', 'clinic-admin']) {
      const r = await rig.as(await rig.signIn(role), 'GET', SETTINGS);
      expect([r.statusCode, r.headers.etag]).toEqual([200, '"0"']);
      expect(r.json()).toEqual({
        settingsVersion: 0,
        changedAt: null,
        changedBy: null,
        reason: null,
        screeningPolicy: { policyVersion: DEFAULT_POLICY.version, isDefault: true },
        followUpSchedule: { points: DEFAULT_POINTS, isDefault: true },
        observationTime: { minutes: 30, isDefault: true },
      });
    }
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'settings.read',
      actor: 'u-admin',
      outcome: 'success',
      detail: { settingsVersion: 0 },
    });
  });

  it('shows each change in one version, and answers 304 to the ETag it gave', async () => {
    const { rig, admin } = await setup();
    await rig.as(admin, 'PUT', OBSERVATION, { minutes: 15 }, ifMatch('"0"'));
    await rig.as(admin, 'PUT', '/api/settings/screening-policy', { values: { feverCelsius: 38.3 } }, ifMatch('"1"'));
    const nurse = await rig.signIn('nurse');
    const r = await rig.as(nurse, 'GET', SETTINGS);
    expect(r.headers.etag).toBe('"2"');
    expect(r.json()).toMatchObject({
      settingsVersion: 2,
      changedBy: 'u-admin',
      screeningPolicy: { isDefault: false },
      followUpSchedule: { isDefault: true },
      observationTime: { minutes: 15, isDefault: false },
    });
    const again = await rig.as(nurse, 'GET', SETTINGS, undefined, { headers: { 'if-none-match': '"2"' } });
    expect([again.statusCode, again.body]).toEqual([304, '']);
  });
});

describe('GET /api/settings/follow-up-schedule and /observation-time', () => {
  it('answer the defaults with their offsets in minutes, to clinical roles and admins', async () => {
    const { rig, admin } = await setup();
    const clinician = await rig.signIn('clinician');
    const schedule = await rig.as(clinician, 'GET', FOLLOW_UP);
    expect([schedule.statusCode, schedule.headers.etag]).toEqual([200, '"0"']);
    expect(schedule.json()).toEqual({
      settingsVersion: 0,
      changedAt: null,
      changedBy: null,
      reason: null,
      points: DEFAULT_POINTS,
      isDefault: true,
    });
    expect(DEFAULT_POINTS.map((p) => ({ id: p.id, label: p.label, after: p.after, asksPeg: p.asksPeg }))).toEqual(
      DEFAULT_FOLLOW_UP_SCHEDULE.points,
    );
    const minutes = await rig.as(admin, 'GET', OBSERVATION);
    expect(minutes.json()).toMatchObject({ settingsVersion: 0, minutes: 30, isDefault: true });
    expect(rig.repos.audit.slice(-2).map((e) => [e.action, e.actor])).toEqual([
      ['settings.follow-up-schedule.read', 'u-clinician'],
      ['settings.observation-time.read', 'u-admin'],
    ]);
    const cached = await rig.as(clinician, 'GET', FOLLOW_UP, undefined, { headers: { 'if-none-match': '"0"' } });
    expect(cached.statusCode).toBe(304);
  });
});

describe('PUT /api/settings/follow-up-schedule', () => {
  it('saves a valid schedule as the next version, carrying the others forward, audited before and after', async () => {
    const { rig, admin } = await setup();
    const r = await rig.as(admin, 'PUT', FOLLOW_UP, { ...SHORT, reason: 'pilot of monthly calls' }, ifMatch('"0"'));
    expect([r.statusCode, r.headers.etag]).toEqual([200, '"1"']);
    expect(r.json()).toMatchObject({
      settingsVersion: 1,
      changedBy: 'u-admin',
      reason: 'pilot of monthly calls',
      isDefault: false,
      points: [
        { id: 'next-day', label: 'Next day', after: 'P1D', afterMinutes: 1440, asksPeg: false },
        { id: 'month-1', label: 'Month 1', after: 'P30D', afterMinutes: 43200, asksPeg: true },
      ],
    });
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'settings.follow-up-schedule.update',
      actor: 'u-admin',
      outcome: 'success',
      detail: {
        settingsVersion: 1,
        previousSettingsVersion: 0,
        before: DEFAULT_FOLLOW_UP_SCHEDULE,
        after: {
          points: [
            { id: 'next-day', asksPeg: false },
            { id: 'month-1', asksPeg: true },
          ],
        },
        reason: 'pilot of monthly calls',
      },
    });
    const all = await rig.as(admin, 'GET', SETTINGS);
    expect(all.json()).toMatchObject({
      observationTime: { minutes: 30, isDefault: true },
      screeningPolicy: { policyVersion: DEFAULT_POLICY.version },
    });
    const back = await rig.as(admin, 'PUT', FOLLOW_UP, DEFAULT_FOLLOW_UP_SCHEDULE, ifMatch('"1"'));
    expect(back.json()).toMatchObject({ settingsVersion: 2, isDefault: true, reason: null });
  });

  it('names every bad field, audits the failure and writes nothing', async () => {
    const { rig, admin } = await setup();
    const before = rig.repos.snapshot();
    const r = await rig.as(
      admin,
      'PUT',
      FOLLOW_UP,
      {
        points: [
          { id: 'Day 1', label: 'Day 1', after: 'P1D' },
          { id: 'later', label: 'Later', after: 'P1Y' },
          { id: 'soon', label: 'Soon', after: 'PT1H' },
          { id: 'soon', label: 'Soon again', after: 'P400D' },
        ],
      },
      ifMatch('"0"'),
    );
    expect(r.statusCode).toBe(400);
    expect(problemOf(r).errors?.map((e) => [e.path, e.code])).toEqual([
      ['$.points[0].id', 'not-allowed'],
      ['$.points[1].after', 'not-allowed'],
      ['$.points[3].after', 'out-of-range'],
      ['$.points[2].after', 'inconsistent'],
      ['$.points[3].id', 'inconsistent'],
    ]);
    expect(rig.repos.snapshot()).toBe(before);
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'settings.follow-up-schedule.update',
      outcome: 'failed',
      detail: { reason: 'invalid' },
    });
    const empty = await rig.as(admin, 'PUT', FOLLOW_UP, { points: [] }, ifMatch('"0"'));
    expect(problemOf(empty).errors?.map((e) => [e.path, e.code])).toEqual([['$.points', 'out-of-range']]);
    const shape = await rig.as(
      admin,
      'PUT',
      FOLLOW_UP,
      { points: [{ id: 'a', label: 'A', after: 6 }] },
      ifMatch('"0"'),
    );
    expect([shape.statusCode, problemOf(shape).errors?.[0]?.path]).toEqual([400, '$.points[0].after']);
    expect(rig.repos.snapshot()).toBe(before);
  });

  it('is for clinic admins only', async () => {
    const { rig } = await setup();
    for (const role of ['clinician', 'nurse']) {
      const r = await rig.as(await rig.signIn(role), 'PUT', FOLLOW_UP, SHORT, ifMatch('"0"'));
      expect([r.statusCode, problemOf(r).code]).toEqual([403, 'forbidden']);
    }
    expect(rig.repos.audit.at(-1)).toMatchObject({ action: 'settings.follow-up-schedule.update', outcome: 'denied' });
  });
});

describe('PUT /api/settings/observation-time', () => {
  it('saves whole minutes as the next version, audited before and after', async () => {
    const { rig, admin } = await setup();
    await rig.as(admin, 'PUT', FOLLOW_UP, SHORT, ifMatch('"0"'));
    const r = await rig.as(admin, 'PUT', OBSERVATION, { minutes: 45, reason: 'long drives home' }, ifMatch('"1"'));
    expect([r.statusCode, r.headers.etag]).toEqual([200, '"2"']);
    expect(r.json()).toMatchObject({ settingsVersion: 2, minutes: 45, isDefault: false, reason: 'long drives home' });
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'settings.observation-time.update',
      outcome: 'success',
      detail: { settingsVersion: 2, previousSettingsVersion: 1, before: 30, after: 45 },
    });
    const schedule = await rig.as(admin, 'GET', FOLLOW_UP);
    expect(schedule.json()).toMatchObject({ settingsVersion: 2, points: [{ id: 'next-day' }, { id: 'month-1' }] });
  });

  it.each([
    [241, 'out-of-range'],
    [-5, 'out-of-range'],
    [12.5, 'wrong-type'],
  ])('refuses %j minutes at $.minutes (%s), writing nothing', async (minutes, code) => {
    const { rig, admin } = await setup();
    const before = rig.repos.snapshot();
    const r = await rig.as(admin, 'PUT', OBSERVATION, { minutes }, ifMatch('"0"'));
    expect([r.statusCode, problemOf(r).errors?.map((e) => [e.path, e.code])]).toEqual([400, [['$.minutes', code]]]);
    expect(rig.repos.snapshot()).toBe(before);
  });

  it('needs If-Match (428) and refuses a stale one (412), changing nothing', async () => {
    const { rig, admin } = await setup();
    const none = await rig.as(admin, 'PUT', OBSERVATION, { minutes: 20 });
    expect([none.statusCode, problemOf(none).code]).toEqual([428, 'precondition-required']);
    const star = await rig.as(admin, 'PUT', OBSERVATION, { minutes: 20 }, ifMatch('*'));
    expect(star.statusCode).toBe(428);
    await rig.as(admin, 'PUT', '/api/settings/screening-policy', { values: {} }, ifMatch('"0"'));
    const before = rig.repos.snapshot();
    for (const [url, body] of [
      [OBSERVATION, { minutes: 20 }],
      [FOLLOW_UP, SHORT],
    ] as const) {
      const stale = await rig.as(admin, 'PUT', url, body, ifMatch('"0"'));
      expect([stale.statusCode, problemOf(stale).code]).toEqual([412, 'precondition-failed']);
    }
    expect(rig.repos.snapshot()).toBe(before);
    expect(rig.repos.audit.at(-1)).toMatchObject({
      outcome: 'failed',
      detail: { reason: 'stale', settingsVersion: 1 },
    });
    expect((await rig.as(admin, 'PUT', OBSERVATION, { minutes: 20 }, ifMatch('"1"'))).statusCode).toBe(200);
  });

  it('is for clinic admins only', async () => {
    const { rig } = await setup();
    const r = await rig.as(await rig.signIn('nurse'), 'PUT', OBSERVATION, { minutes: 10 }, ifMatch('"0"'));
    expect([r.statusCode, problemOf(r).code]).toEqual([403, 'forbidden']);
  });
});
