// In-memory twins of the edge's dependencies, for tests and for wiring before the database exists.
import { DEFAULT_POLICY, type ScreeningPolicy } from '@knotwork/core';
import type { AuditEvent } from '../audit-event.js';
import type { CdsClient, CdsClientRegistry, StoredScreen, StoreScreen } from './deps.js';

export function memoryCdsClientRegistry(
  clients: readonly CdsClient[] = [],
): CdsClientRegistry & { add(client: CdsClient): void } {
  const byIssuer = new Map(clients.map((c) => [c.issuer, c]));
  return {
    find: (issuer) => Promise.resolve(byIssuer.get(issuer)),
    add: (client) => void byIssuer.set(client.issuer, client),
  };
}

/** Each clinic's policy from a map; clinics not in it screen with the contract's defaults. */
export function staticPolicies(
  byClinic: Readonly<Record<string, ScreeningPolicy>> = {},
): (clinicId: string) => Promise<ScreeningPolicy> {
  return (clinicId) => Promise.resolve(Object.hasOwn(byClinic, clinicId) ? byClinic[clinicId]! : DEFAULT_POLICY);
}

/** Keeps screens and their audit events in arrays (the database writes both in one transaction). */
export function memoryScreenStore(): {
  readonly store: StoreScreen;
  readonly screens: StoredScreen[];
  readonly events: AuditEvent[];
} {
  const screens: StoredScreen[] = [];
  const events: AuditEvent[] = [];
  return {
    screens,
    events,
    store: (screen, event) => {
      screens.push(screen);
      events.push(event);
      return Promise.resolve();
    },
  };
}
