// CSRF: a cookie-authenticated write needs X-CSRF-Token equal to its session's token (403
// csrf-failed otherwise, before the body is read, audited as denied); reads do not; bearer callers
// are exempt, even when the browser also sends a session cookie.
import { describe, expect, it } from 'vitest';
import { buildClinicApp } from '../spec/clinic-app.js';
import { problemOf, signToken } from '../spec/test-app.js';
import { TPI_SERVICE_PATH } from '../cds/discovery.js';

const patient = { family: 'Nakamura', given: ['Yui'] };

describe('CSRF protection of cookie-authenticated writes', () => {
  it('refuses a write without the token, or with a wrong one, and writes nothing', async () => {
    const rig = await buildClinicApp();
    const session = await rig.signIn('nurse');
    const before = rig.repos.snapshot();
    const missing = await rig.as(session, 'POST', '/api/patients', patient, { csrf: null });
    const wrong = await rig.as(session, 'POST', '/api/patients', patient, { csrf: 'x'.repeat(43) });
    const empty = await rig.as(session, 'POST', '/api/patients', patient, { csrf: '' });
    for (const r of [missing, wrong, empty]) expect([r.statusCode, problemOf(r).code]).toEqual([403, 'csrf-failed']);
    expect(problemOf(missing).detail).toBe('a signed-in POST needs the x-csrf-token header');
    expect(rig.repos.snapshot()).toBe(before);
    expect((await rig.as(session, 'POST', '/api/patients', patient)).statusCode).toBe(201);
  });

  it('refuses another session’s token', async () => {
    const rig = await buildClinicApp();
    const nurse = await rig.signIn('nurse');
    const clinician = await rig.signIn('clinician');
    const r = await rig.as(nurse, 'POST', '/api/patients', patient, { csrf: clinician.csrfToken });
    expect(problemOf(r).code).toBe('csrf-failed');
  });

  it('is checked before the body is read, and the refusal is audited as denied', async () => {
    const rig = await buildClinicApp();
    const session = await rig.signIn('clinician');
    const r = await rig.as(session, 'POST', '/api/patients', '{"family": ', { csrf: null });
    expect(problemOf(r).code).toBe('csrf-failed');
    expect(rig.repos.audit.at(-1)).toMatchObject({
      action: 'patient.create',
      actor: 'u-clinician',
      outcome: 'denied',
      from: '127.0.0.1',
      detail: { code: 'csrf-failed', route: 'POST /api/patients' },
    });
  });

  it('does not apply to reads', async () => {
    const rig = await buildClinicApp();
    const session = await rig.signIn('nurse');
    expect((await rig.as(session, 'GET', '/api/patients', undefined, { csrf: null })).statusCode).toBe(200);
  });

  it('does not apply to bearer-authenticated callers, whatever cookie comes along', async () => {
    const rig = await buildClinicApp();
    const session = await rig.signIn('clinician');
    const feedback = {
      feedback: [{ card: 'c1', outcome: 'accepted', outcomeTimestamp: '2026-11-27T10:00:00Z' }],
    };
    const r = await rig.app.inject({
      method: 'POST',
      url: `${TPI_SERVICE_PATH}/feedback`,
      headers: { authorization: `Bearer ${await signToken()}`, cookie: session.cookie },
      payload: feedback,
    });
    expect(r.statusCode).toBe(200);
  });
});
