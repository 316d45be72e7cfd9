// A patient's outcomes per signed procedure and the clinic's outcomes dashboard (issue 6 items 4
// and 5). The stores gather the facts (OutcomeReader: the signature, baseline, what was given where,
// the patient's answers, the clinician's complications); the arithmetic is the core's
// (procedureOutcome, repeatEligibility under the clinic's pack); this file only groups and counts.
// Audited as outcomes.read (per patient) and dashboard.read.
import {
  catalogue,
  DEFAULT_ELIGIBILITY_PACK,
  drugKind,
  procedureOutcome,
  repeatEligibility,
  type EligibilityPack,
  type ProcedureOutcome,
  type ProcedureOutcomeInput,
  type RepeatEligibility,
} from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { ProcedureFacts } from './follow-up-ports.js';

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

export function outcomeInputOf(p: ProcedureFacts): ProcedureOutcomeInput {
  return {
    procedureAt: iso(p.signedAt),
    baseline: { painNrs: p.baseline?.painNrs ?? null, peg: p.baseline?.peg ?? null },
    answers: p.answers.map((a) => ({
      at: iso(a.submittedAt),
      painNrs: a.painNrs,
      reliefPct: a.reliefPct,
      peg: a.peg,
      pgic: a.pgic,
      sideEffects: a.sideEffects,
      redFlags: a.redFlags,
    })),
    clinicianComplications: p.complications,
  };
}

const steroidCodes = new Set(
  catalogue.injectates.filter((i) => drugKind(i) === 'corticosteroid').map((i) => i.code as string),
);
export const withSteroid = (p: ProcedureFacts): boolean => p.injectates.some((c) => steroidCodes.has(c));

export interface ProcedureOutcomeView {
  readonly facts: ProcedureFacts;
  readonly points: readonly {
    readonly at: number;
    readonly hoursAfter: number;
    readonly pointId: string | null;
    readonly painNrs: number;
    readonly reliefPct: number;
    readonly peg: ProcedureFacts['answers'][number]['peg'];
    readonly pgic: number;
    readonly sideEffects: readonly string[];
    readonly redFlags: readonly string[];
  }[];
  readonly outcome: ProcedureOutcome;
  readonly eligibility: RepeatEligibility;
}

export async function patientOutcomes(
  input: { readonly patientId: string; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'patients' | 'outcomes' | 'audit'>,
  pack: EligibilityPack = DEFAULT_ELIGIBILITY_PACK,
): Promise<{ readonly ok: true; readonly procedures: readonly ProcedureOutcomeView[] } | UseCaseFailure> {
  const patient = await repos.patients.get(input.patientId);
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'outcomes.read',
      entity: `Patient/${input.patientId}`,
      patientId: patient ? input.patientId : null,
      outcome: patient ? 'success' : 'failed',
      ...(patient ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  if (!patient) return { ok: false, code: 'not-found', detail: `no patient ${input.patientId} in this clinic` };
  const facts = await repos.outcomes.facts({ patientId: input.patientId });
  const procedures = facts.map((p): ProcedureOutcomeView => {
    const last = outcomeInputOf(p);
    return {
      facts: p,
      points: p.answers.map((a) => ({
        at: a.submittedAt,
        hoursAfter: Math.round(((a.submittedAt - p.signedAt) / HOUR) * 10) / 10,
        pointId: a.pointId,
        painNrs: a.painNrs,
        reliefPct: a.reliefPct,
        peg: a.peg,
        pgic: a.pgic,
        sideEffects: a.sideEffects,
        redFlags: a.redFlags,
      })),
      outcome: procedureOutcome(last),
      eligibility: repeatEligibility(pack, {
        asOf: iso(input.at),
        last,
        sessions: facts
          .filter((f) => f.signedAt <= p.signedAt)
          .map((f) => ({ at: iso(f.signedAt), muscles: f.sites.map((s) => s.muscle) })),
      }),
    };
  });
  return { ok: true, procedures };
}

export interface DashboardFilters {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly indication?: string | undefined;
  readonly muscle?: string | undefined;
  readonly injectate?: 'anaesthetic-only' | 'with-steroid' | undefined;
  readonly clinician?: string | undefined;
}

export interface Rate {
  readonly n: number;
  readonly of: number;
  readonly rate: number | null;
}

export interface DashboardRow {
  readonly key: string;
  readonly label: string;
  readonly procedures: number;
  readonly responder30: Rate;
  readonly responder50: Rate;
  readonly medianReliefDurationDays: number | null;
  readonly flare: Rate;
  readonly complications: Rate;
  readonly steroidExposure: Rate;
}

export interface Dashboard {
  readonly filters: DashboardFilters;
  readonly totals: { readonly patients: number; readonly procedures: number; readonly answers: number };
  readonly overall: DashboardRow;
  readonly byIndication: readonly DashboardRow[];
  readonly byMuscle: readonly DashboardRow[];
  readonly byInjectate: readonly DashboardRow[];
  readonly byClinician: readonly DashboardRow[];
  readonly byMonth: readonly DashboardRow[];
}

interface Scored {
  readonly facts: ProcedureFacts;
  readonly outcome: ProcedureOutcome;
  readonly steroid: boolean;
}

const rate = (n: number, of: number): Rate => ({ n, of, rate: of === 0 ? null : Math.round((n / of) * 1000) / 1000 });

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(m * 10) / 10;
}

function rowOf(key: string, label: string, list: readonly Scored[]): DashboardRow {
  const count = (f: (s: Scored) => boolean) => list.filter(f).length;
  const tri = (f: (s: Scored) => boolean | null) =>
    rate(
      count((s) => f(s) === true),
      count((s) => f(s) !== null),
    );
  return {
    key,
    label,
    procedures: list.length,
    responder30: tri((s) => s.outcome.responder30),
    responder50: tri((s) => s.outcome.responder50),
    medianReliefDurationDays: median(
      list.flatMap((s) =>
        s.outcome.reliefDuration.status !== 'unknown' && s.outcome.reliefDuration.days !== null
          ? [s.outcome.reliefDuration.days]
          : [],
      ),
    ),
    flare: rate(
      count((s) => s.outcome.flare.status === 'detected'),
      count((s) => s.outcome.flare.status !== 'unknown'),
    ),
    complications: rate(
      count((s) => s.outcome.complications.some((c) => c.kind !== 'side-effect')),
      list.length,
    ),
    steroidExposure: rate(
      count((s) => s.steroid),
      list.length,
    ),
  };
}

function grouped(
  list: readonly Scored[],
  keysOf: (s: Scored) => readonly string[],
  labelOf: (key: string) => string,
): DashboardRow[] {
  const groups = new Map<string, Scored[]>();
  for (const s of list) {
    for (const key of keysOf(s)) {
      const at = groups.get(key);
      if (at) at.push(s);
      else groups.set(key, [s]);
    }
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, members]) => rowOf(key, labelOf(key), members));
}

const DAY = 86_400_000;
const muscleName = new Map<string, string>(catalogue.muscles.map((m) => [m.code, m.display]));

export async function outcomesDashboard(
  input: { readonly filters: DashboardFilters; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'outcomes' | 'users' | 'audit'>,
): Promise<{ readonly ok: true; readonly dashboard: Dashboard }> {
  const f = input.filters;
  const facts = await repos.outcomes.facts({
    ...(f.from ? { from: Date.parse(`${f.from}T00:00:00Z`) } : {}),
    ...(f.to ? { to: Date.parse(`${f.to}T00:00:00Z`) + DAY } : {}),
    ...(f.clinician ? { clinician: f.clinician } : {}),
  });
  const chosen = facts.filter(
    (p) =>
      (f.indication === undefined || (p.indication?.icd10 ?? '').startsWith(f.indication)) &&
      (f.muscle === undefined || p.sites.some((s) => s.muscle === f.muscle)) &&
      (f.injectate === undefined || (f.injectate === 'with-steroid') === withSteroid(p)),
  );
  const scored: Scored[] = chosen.map((p) => ({
    facts: p,
    outcome: procedureOutcome(outcomeInputOf(p)),
    steroid: withSteroid(p),
  }));
  const names = new Map((await repos.users.list()).map((u) => [u.id, u.displayName]));
  const indications = new Map(
    chosen.map((p) => [p.indication?.icd10 ?? 'none', p.indication?.display ?? 'No baseline']),
  );
  const dashboard: Dashboard = {
    filters: f,
    totals: {
      patients: new Set(chosen.map((p) => p.patientId)).size,
      procedures: chosen.length,
      answers: chosen.reduce((n, p) => n + p.answers.length, 0),
    },
    overall: rowOf('all', 'All procedures', scored),
    byIndication: grouped(
      scored,
      (s) => [s.facts.indication?.icd10 ?? 'none'],
      (k) => indications.get(k) ?? k,
    ),
    byMuscle: grouped(
      scored,
      (s) => [...new Set(s.facts.sites.map((x) => x.muscle))],
      (k) => muscleName.get(k) ?? k,
    ),
    byInjectate: grouped(
      scored,
      (s) => [s.steroid ? 'with-steroid' : 'anaesthetic-only'],
      (k) => (k === 'with-steroid' ? 'With a corticosteroid' : 'Local anaesthetic only'),
    ),
    byClinician: grouped(
      scored,
      (s) => [s.facts.signedBy ?? 'unknown'],
      (k) => names.get(k) ?? k,
    ),
    byMonth: grouped(
      scored,
      (s) => [iso(s.facts.signedAt).slice(0, 7)],
      (k) => k,
    ),
  };
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'dashboard.read',
      entity: null,
      patientId: null,
      outcome: 'success',
      detail: { filters: { ...f }, procedures: chosen.length },
    }),
  );
  return { ok: true, dashboard };
}

const csvCell = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  // Quoted when needed; a leading = + - @ is neutralised (spreadsheet formula injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** One line per row of every group, under the header of follow-up-schemas.ts DASHBOARD_CSV_COLUMNS. */
export function dashboardCsv(d: Dashboard, columns: readonly string[]): string {
  const lines = [columns.join(',')];
  const groups: [string, readonly DashboardRow[]][] = [
    ['overall', [d.overall]],
    ['indication', d.byIndication],
    ['muscle', d.byMuscle],
    ['injectate', d.byInjectate],
    ['clinician', d.byClinician],
    ['month', d.byMonth],
  ];
  for (const [group, rows] of groups) {
    for (const r of rows) {
      lines.push(
        [
          group,
          r.key,
          r.label,
          r.procedures,
          r.responder30.n,
          r.responder30.of,
          r.responder50.n,
          r.responder50.of,
          r.medianReliefDurationDays,
          r.flare.n,
          r.flare.of,
          r.complications.n,
          r.complications.of,
          r.steroidExposure.n,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
