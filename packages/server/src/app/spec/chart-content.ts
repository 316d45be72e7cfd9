// Compares two charts by content: ids and revisions the database generates are left out, and so is
// a recorded-at time the written chart did not give (the database stamps one). Lists are compared
// as sets.
import { expect } from 'vitest';
import type { Chart } from '../../fhir/chart.js';

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function withoutGenerated(item: object): string {
  const rest: Record<string, unknown> = { ...item };
  delete rest['id'];
  delete rest['revision'];
  delete rest['recordedAt'];
  return canonical(rest);
}

function expectSameEntries(
  what: string,
  read: readonly { id: string; recordedAt?: string | undefined }[],
  written: readonly { id: string; recordedAt?: string | undefined }[],
): void {
  const sort = <T extends object>(list: readonly T[]) =>
    [...list].sort((a, b) => (withoutGenerated(a) < withoutGenerated(b) ? -1 : 1));
  const r = sort(read);
  const w = sort(written);
  expect(r.map(withoutGenerated), what).toEqual(w.map(withoutGenerated));
  w.forEach((entry, i) => {
    if (entry.recordedAt !== undefined) expect(r[i]?.recordedAt, `${what}[${i}].recordedAt`).toBe(entry.recordedAt);
  });
}

export function expectSameChartContent(read: Chart, written: Chart): void {
  expect({ ...read.patient, id: 'generated' }).toEqual({ ...written.patient, id: 'generated' });
  expect(read.allergiesReviewedAt).toBe(written.allergiesReviewedAt);
  expect(read.medicationsReconciledAt).toBe(written.medicationsReconciledAt);
  expectSameEntries('conditions', read.conditions, written.conditions);
  expectSameEntries('allergies', read.allergies, written.allergies);
  expectSameEntries('medicines', read.medicines, written.medicines);
  expectSameEntries('observations', read.observations, written.observations);
  expectSameEntries('administrations', read.administrations, written.administrations);
}
