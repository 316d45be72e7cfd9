// What the visit use cases need from storage; the database implements these, tests use twins.
import type { CdsCard, ScreenTrace, ScreeningPolicy, Verdict } from '@knotwork/core';
import type { Chart } from '../../fhir/chart.js';
import type { CdsHooksRequest } from '../../fhir/build-screening-request.js';

export interface ChartReader {
  /** The patient's chart within the caller's clinic; undefined when there is no such patient there. */
  loadChart(patientId: string): Promise<Chart | undefined>;
}

export interface PolicyReader {
  /** The clinic's current screening policy (the contract's defaults until an admin changes it). */
  currentPolicy(): Promise<ScreeningPolicy>;
}

export interface StoredScreen {
  readonly id: string;
  readonly visitId: string;
  readonly patientId: string;
  readonly request: CdsHooksRequest;
  readonly cards: readonly CdsCard[];
  readonly verdict: Verdict;
  readonly trace: ScreenTrace;
  readonly policyVersion: string;
  readonly asOf: number;
  readonly screenedBy: string;
}

export interface ScreenOverride {
  readonly id: string;
  readonly screenId: string;
  readonly cardUuid: string;
  readonly finding: string;
  readonly reasonCode: string;
  readonly comment: string | null;
  readonly userId: string;
  readonly at: number;
}

export interface ScreenStore {
  save(screen: StoredScreen): Promise<void>;
  find(id: string): Promise<StoredScreen | undefined>;
  saveOverride(override: ScreenOverride): Promise<void>;
  overridesOf(screenId: string): Promise<readonly ScreenOverride[]>;
}

export function memoryScreenStore(): ScreenStore & {
  readonly screens: Map<string, StoredScreen>;
  readonly overrides: ScreenOverride[];
} {
  const screens = new Map<string, StoredScreen>();
  const overrides: ScreenOverride[] = [];
  return {
    screens,
    overrides,
    save: (s) => {
      screens.set(s.id, s);
      return Promise.resolve();
    },
    find: (id) => Promise.resolve(screens.get(id)),
    saveOverride: (o) => {
      overrides.push(o);
      return Promise.resolve();
    },
    overridesOf: (screenId) => Promise.resolve(overrides.filter((o) => o.screenId === screenId)),
  };
}
