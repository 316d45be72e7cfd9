// Issue 6's clinic-side API shapes, as packages/server/src/http/api/follow-up-schemas.ts (the source
// of truth) defines them: red-flag tasks, a patient's outcomes per procedure, the outcomes dashboard.
import type { ProcedureOutcome, RepeatEligibility } from '@knotwork/core';

export type TaskUrgency = 'emergency' | 'urgent' | 'soon';
export type TaskStatus = 'open' | 'acknowledged' | 'resolved';

export interface ClinicTask {
  readonly id: string;
  readonly kind: 'red-flag';
  readonly urgency: TaskUrgency;
  readonly patientId: string;
  readonly patientName: string;
  readonly visitId: string;
  readonly createdAt: string;
  readonly summary: string;
  readonly status: TaskStatus;
  readonly etag: string;
}

export interface PegView {
  readonly pain: number;
  readonly enjoyment: number;
  readonly activity: number;
}

export interface OutcomePointView {
  readonly at: string;
  readonly hoursAfter: number;
  readonly pointId: string | null;
  readonly painNrs: number;
  readonly reliefPct: number;
  readonly peg: PegView | null;
  readonly pgic: number;
  readonly sideEffects: readonly string[];
  readonly redFlags: readonly string[];
}

export interface ProcedureOutcomes {
  readonly visitId: string;
  readonly noteId: string;
  readonly date: string;
  readonly sites: readonly { readonly muscle: string; readonly side: string }[];
  readonly injectates: readonly string[];
  readonly indication: string | null;
  readonly baseline: { readonly painNrs: number | null; readonly peg: PegView | null };
  readonly points: readonly OutcomePointView[];
  readonly outcome: ProcedureOutcome;
  readonly eligibility: RepeatEligibility;
}

export interface PatientOutcomes {
  readonly procedures: readonly ProcedureOutcomes[];
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

export interface DashboardFilters {
  readonly from?: string;
  readonly to?: string;
  readonly indication?: string;
  readonly muscle?: string;
  readonly injectate?: 'anaesthetic-only' | 'with-steroid';
  readonly clinician?: string;
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
