// The live dose meter's numbers (issue 4 item 3: "a live dose meter (combined fraction of the
// maximum and mL still available per product, in words and numbers as well as colour)"): the
// core's dose arithmetic (REFERENCE 3.2-3.3 [OLSON][LABEL_MEPI][LA_MIX]) for products not yet
// saved, for the patient's latest weight and the clinic policy's warning fraction. The web app
// shows these; it never computes a dose itself. Read-only; audited as dose.check (it reads the chart).
import { calculateDose, catalogue, remainingMl, type Injectate } from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import { latestWeight } from './chart-facts.js';

type Repos = Pick<ClinicRepositories, 'visits' | 'charts' | 'policies' | 'audit'>;

export type DoseLevel = 'within' | 'near' | 'above' | 'no-weight';

export interface DoseCheck {
  readonly weightKg: number | null;
  readonly weightAt: string | null;
  readonly lines: readonly {
    readonly injectate: string;
    readonly display: string;
    readonly volumeMl: number;
    readonly mg: number;
    readonly maxMg: number;
    readonly maxBy: 'weight' | 'cap';
    readonly fraction: number;
  }[];
  readonly combinedFraction: number;
  readonly warnFraction: number;
  readonly level: DoseLevel;
  /** mL of each local anaesthetic product that can still be added before the combined maximum. */
  readonly available: readonly { readonly injectate: string; readonly display: string; readonly ml: number }[];
  readonly words: string;
  readonly sources: readonly string[];
}

const byCode = new Map<string, Injectate>(catalogue.injectates.map((i) => [i.code, i]));
const pct = (f: number) => `${Math.round(f * 100)}%`;
const ml = (n: number) => `${Math.floor(n * 10) / 10} mL`;

export async function checkDose(
  input: {
    readonly visitId: string;
    readonly products: readonly { readonly injectate: string; readonly volumeMl: number }[];
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Repos,
): Promise<{ readonly ok: true; readonly dose: DoseCheck } | UseCaseFailure> {
  const visit = await repos.visits.get(input.visitId);
  const chart = visit ? await repos.charts.loadChart(visit.patientId) : undefined;
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'dose.check',
      entity: `Encounter/${input.visitId}`,
      patientId: visit?.patientId ?? null,
      outcome: chart ? 'success' : 'failed',
      ...(chart ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  if (!chart) return { ok: false, code: 'not-found', detail: `no visit ${input.visitId} in this clinic` };
  const weight = latestWeight(chart, input.at);
  const policy = await repos.policies.currentPolicy();
  const warnFraction = policy.values.doseWarnFraction;
  const dose = calculateDose({
    lines: input.products.flatMap((p, i) => {
      const product = byCode.get(p.injectate);
      return product ? [{ key: String(i), product, volumeMl: p.volumeMl }] : [];
    }),
    weightKg: weight?.kg,
  });
  const combined = dose.combinedFraction;
  const level: DoseLevel =
    weight === null ? 'no-weight' : combined > 1 + 1e-9 ? 'above' : combined >= warnFraction ? 'near' : 'within';
  const anaesthetics = catalogue.injectates.filter((i) => input.products.some((p) => p.injectate === i.code));
  const available = anaesthetics.flatMap((product) => {
    const room = remainingMl({ dose, product });
    return room === null ? [] : [{ injectate: product.code, display: product.display, ml: room }];
  });
  const words =
    weight === null
      ? `No weight is recorded: the maxima below are the absolute caps, not this patient's. Weigh the patient. Combined ${pct(combined)} of the caps.`
      : `${pct(combined)} of this patient's combined local anaesthetic maximum (${Math.round(weight.kg * 10) / 10} kg)` +
        (level === 'above'
          ? ': ABOVE the maximum.'
          : level === 'near'
            ? `: near it (warning from ${pct(warnFraction)}).`
            : '.') +
        (available.length > 0
          ? ` Still available: ${available.map((a) => `${a.display} ${ml(a.ml)}`).join('; ')}.`
          : '');
  return {
    ok: true,
    dose: {
      weightKg: weight?.kg ?? null,
      weightAt: weight?.at ?? null,
      lines: dose.lines.map((l) => ({
        injectate: l.product.code,
        display: l.product.display,
        volumeMl: l.volumeMl,
        mg: l.mg,
        maxMg: l.maxMg,
        maxBy: l.maxBy,
        fraction: l.fraction,
      })),
      combinedFraction: combined,
      warnFraction,
      level,
      available,
      words,
      sources: ['OLSON', 'LABEL_MEPI', 'LA_MIX'],
    },
  };
}
