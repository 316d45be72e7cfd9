// POST /cds-services/tpi-screening: the contract's public examples at their as-of give their
// expected cards; unusable requests give 400 problem+json naming the JSON path; each screen is
// stored with its audit event, under the calling client's clinic policy and the server clock.
import { readdirSync, readFileSync } from 'node:fs';
import { resolvePolicy, verdictOf, type CdsCard, type ScreeningPolicy } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import { staticPolicies } from '../memory-deps.js';
import { buildTestApp, CLINIC, ISSUER, problemOf } from '../spec/test-app.js';
import { TPI_SERVICE_PATH } from './discovery.js';

interface Expected {
  asOf: string;
  verdict: string;
  cards: Record<string, string>;
  absent: string[];
}

const dir = new URL('../../../../core/contract-examples/', import.meta.url);
const load = (file: string): unknown => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();
const example = (name: string): Record<string, unknown> => load(`${name}.json`) as Record<string, unknown>;

describe('the public examples over HTTP', () => {
  it('there are examples to post', () => expect(names.length).toBeGreaterThanOrEqual(5));

  it.each(names)('%s', async (name) => {
    const expected = load(`${name}.expected.json`) as Expected;
    const asOf = Date.parse(expected.asOf);
    const rig = await buildTestApp({ clock: fixedClock(asOf) });
    const response = await rig.post(TPI_SERVICE_PATH, example(name));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const { cards } = response.json<{ cards: CdsCard[] }>();
    const byCode = new Map(cards.map((c) => [c.source.topic.code, c.indicator]));
    for (const [code, indicator] of Object.entries(expected.cards)) expect(byCode.get(code), code).toBe(indicator);
    for (const code of expected.absent) expect(byCode.has(code), code).toBe(false);
    expect(verdictOf(cards)).toBe(expected.verdict);

    const [stored] = rig.store.screens;
    expect(stored).toMatchObject({ clinicId: CLINIC, client: ISSUER, asOf, verdict: expected.verdict });
    expect(stored?.cards).toEqual(cards);
    expect(rig.store.events).toEqual([
      expect.objectContaining({ action: 'cds.screen', outcome: 'success', clinicId: CLINIC, actor: ISSUER }),
    ]);
  });
});

describe('the screen', () => {
  it('answers exactly what the core returns, at the server clock, with the clinic policy', async () => {
    const policy = (resolvePolicy({ anticoagulantIndicator: 'critical' }) as { policy: ScreeningPolicy }).policy;
    const asOf = Date.parse('2026-11-27T10:00:00Z');
    const rig = await buildTestApp({ clock: fixedClock(asOf), policyFor: staticPolicies({ [CLINIC]: policy }) });
    const response = await rig.post(TPI_SERVICE_PATH, example('clean-neck'));
    const { cards } = response.json<{ cards: CdsCard[] }>();
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.extension.knotwork.policyVersion).toBe(policy.version);
    expect(rig.store.screens[0]).toMatchObject({ policyVersion: policy.version, asOf });
    expect(rig.store.screens[0]?.trace.asOf).toBe('2026-11-27T10:00:00.000Z');
  });

  it('audits through the audit sink when no screen store is wired', async () => {
    const rig = await buildTestApp({ storeScreen: undefined });
    expect((await rig.post(TPI_SERVICE_PATH, example('clean-neck'))).statusCode).toBe(200);
    expect(rig.audit.events).toEqual([expect.objectContaining({ action: 'cds.screen', actorKind: 'cds-client' })]);
  });
});

describe('an unusable request', () => {
  const base = example('clean-neck');
  const context = base['context'] as Record<string, unknown>;
  const cases: [string, unknown, string, string][] = [
    ['bad JSON', '{"hook": "order-sign", ', '$', 'unreadable-json'],
    ['an empty body', '', '$', 'unreadable-json'],
    ['not an object', [], '$', 'not-an-object'],
    ['another hook', { ...base, hook: 'patient-view' }, '$.hook', 'unsupported-hook'],
    [
      'no draftOrders',
      { ...base, context: { ...context, draftOrders: undefined } },
      '$.context.draftOrders',
      'no-draft-orders',
    ],
    [
      'no TPI order',
      { ...base, context: { ...context, draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [] } } },
      '$.context.draftOrders.entry',
      'no-tpi-order',
    ],
  ];

  it.each(cases)('%s', async (_label, body, path, code) => {
    const rig = await buildTestApp();
    const response = await rig.post(TPI_SERVICE_PATH, body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = problemOf(response);
    expect(problem).toMatchObject({ code: 'unusable-cds-request', status: 400, instance: TPI_SERVICE_PATH });
    expect(problem.detail.startsWith(`${path}: `)).toBe(true);
    expect(problem.errors).toEqual([{ path, message: expect.any(String) as unknown, code }]);
    expect(rig.store.screens).toEqual([]);
    if (code !== 'unreadable-json') {
      expect(rig.audit.events).toHaveLength(1);
      expect(rig.audit.events[0]).toMatchObject({
        action: 'cds.screen',
        outcome: 'failed',
        detail: { problem: code, path },
      });
    }
  });
});
