// POST /cds-services/tpi-screening/feedback: CDS Hooks 2.0 feedback, each item audited; a malformed
// body is a 400 problem naming each failing path.
import { describe, expect, it } from 'vitest';
import { buildTestApp, CLINIC, ISSUER, problemOf, signToken } from '../spec/test-app.js';
import { TPI_SERVICE_PATH } from './discovery.js';

const FEEDBACK = `${TPI_SERVICE_PATH}/feedback`;
const overridden = {
  card: '9368d37b-283f-44a0-93ea-547cebab93ed',
  outcome: 'overridden',
  overrideReason: {
    reason: { code: 'benefit-outweighs-risk', system: 'https://knotwork.dev/fhir/CodeSystem/override-reason' },
    userComment: 'discussed with the patient',
  },
  outcomeTimestamp: '2026-11-27T10:05:00Z',
};
const accepted = {
  card: 'b1',
  outcome: 'accepted',
  acceptedSuggestions: [{ id: 's1' }],
  outcomeTimestamp: '2026-11-27T10:06:00+01:00',
};

describe('feedback', () => {
  it('records each item in the audit log and answers 200', async () => {
    const rig = await buildTestApp();
    const response = await rig.post(FEEDBACK, { feedback: [overridden, accepted] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toBe('');
    expect(rig.audit.events).toHaveLength(2);
    expect(rig.audit.events[0]).toMatchObject({
      action: 'cds.feedback',
      actor: ISSUER,
      actorKind: 'cds-client',
      clinicId: CLINIC,
      entity: `cds-card/${overridden.card}`,
      outcome: 'success',
      detail: { card: overridden.card, outcome: 'overridden', overrideReason: overridden.overrideReason },
    });
    expect(rig.audit.events[1]?.detail).toMatchObject({ outcome: 'accepted', acceptedSuggestions: ['s1'] });
  });

  it('accepts a token whose aud is the feedback URL itself', async () => {
    const rig = await buildTestApp();
    const token = await signToken({ claims: { aud: `https://tpi.example.test${FEEDBACK}` } });
    expect((await rig.post(FEEDBACK, { feedback: [accepted] }, { token })).statusCode).toBe(200);
  });

  it('refuses a malformed body with each failing path', async () => {
    const rig = await buildTestApp();
    const body = {
      feedback: [
        { ...overridden, outcome: 'ignored' },
        { ...accepted, outcomeTimestamp: 'yesterday', overrideReason: { userComment: 'x' } },
      ],
    };
    const response = await rig.post(FEEDBACK, body);
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem.code).toBe('validation-failed');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([
      '$.feedback[0].outcome',
      '$.feedback[1].outcomeTimestamp',
      '$.feedback[1].overrideReason',
    ]);
    expect(rig.audit.events).toEqual([]);
  });

  it('refuses an override reason on an accepted card, and an empty list', async () => {
    const rig = await buildTestApp();
    const mixed = await rig.post(FEEDBACK, { feedback: [{ ...accepted, overrideReason: { userComment: 'x' } }] });
    expect(problemOf(mixed).errors?.map((e) => e.path)).toEqual(['$.feedback[0].overrideReason']);
    const empty = await rig.post(FEEDBACK, { feedback: [] });
    expect(problemOf(empty).errors?.map((e) => e.path)).toEqual(['$.feedback']);
  });

  it('answers bad JSON, a wrong content type and an oversized body with problems', async () => {
    const rig = await buildTestApp({ bodyLimit: 256 });
    const bad = await rig.post(FEEDBACK, '{"feedback": [');
    expect([bad.statusCode, problemOf(bad).code, problemOf(bad).errors?.[0]?.path]).toEqual([
      400,
      'malformed-json',
      '$',
    ]);
    const text = await rig.post(FEEDBACK, 'accepted', { headers: { 'content-type': 'text/plain' } });
    expect([text.statusCode, problemOf(text).code]).toEqual([415, 'unsupported-media-type']);
    const big = await rig.post(FEEDBACK, {
      feedback: [{ ...overridden, overrideReason: { userComment: 'x'.repeat(500) } }],
    });
    expect([big.statusCode, problemOf(big).code]).toEqual([413, 'payload-too-large']);
    for (const r of [bad, text, big]) expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(rig.audit.events).toEqual([]);
  });
});
