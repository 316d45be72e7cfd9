// The storage the use cases see. A request's work runs in `inClinic`: one transaction under the
// clinic's row-level security, in which every write and its audit record commit together
// (GUIDE.md habit 10). `system` holds what must be found before the clinic is known (sign-in,
// sessions, EHR clients). The database implements this in db-repositories/; memory-repositories.ts
// is the twin, and one contract suite runs against both.
import type { CdsClientRegistry } from '../http/deps.js';
import type { AuditSink } from '../audit-event.js';
import type { ApiTokenLookup, ApiTokenStore, AuditReader, ClinicUserStore } from './admin/admin-ports.js';
import type { SessionStore, UserStore } from './auth/auth-ports.js';
import type { ImportLinkStore } from './fhir-import/import-link-ports.js';
import type { RecordStore } from './records/record-ports.js';
import type { FhirExportReader } from './fhir-export/fhir-export-ports.js';
import type { AftercareSettingsStore } from './settings/aftercare-settings.js';
import type { PolicySettingsStore } from './settings/policy-settings.js';
import type { NoteStore } from './visits/note-ports.js';
import type { PlanStore } from './visits/plan-ports.js';
import type { ProcedureStore } from './visits/procedure-ports.js';
import type { VisitDocumentationStore } from './visits/documentation-ports.js';
import type { BaselineStore } from './visits/baseline-ports.js';
import type {
  FollowUpLinkLookup,
  FollowUpStore,
  OutboxStore,
  OutcomeReader,
  TaskStore,
} from './follow-ups/follow-up-ports.js';
import type { EligibilityPackStore } from './follow-ups/eligibility-pack-setting.js';
import type { ChartReader, PolicyReader, ScreenStore } from './visits/visit-ports.js';

export interface PatientIdentifier {
  readonly system: string;
  readonly value: string;
}

export interface PatientSummary {
  readonly id: string;
  readonly identifiers: readonly PatientIdentifier[];
  readonly family: string;
  readonly given: readonly string[];
  readonly birthDate: string | null;
  readonly sex: 'female' | 'male' | 'other' | 'unknown' | null;
  /** Increases with every change: the ETag of the patient. */
  readonly revision: number;
}

export interface NewPatient {
  readonly identifiers: readonly PatientIdentifier[];
  readonly family: string;
  readonly given: readonly string[];
  readonly birthDate: string | null;
  readonly sex: PatientSummary['sex'];
}

export interface PatientQuery {
  /** Matches the start of a family or given name, case-insensitively. */
  readonly name?: string | undefined;
  /** Matches an identifier value exactly. */
  readonly identifier?: string | undefined;
  readonly birthDate?: string | undefined;
  readonly limit: number;
  /** Opaque, from the previous page's `next`. */
  readonly cursor?: string | undefined;
}

export interface PatientStore {
  search(query: PatientQuery): Promise<{ readonly items: readonly PatientSummary[]; readonly next: string | null }>;
  get(id: string): Promise<PatientSummary | undefined>;
  create(patient: NewPatient): Promise<PatientSummary>;
  /** Applies the change only if the stored revision is `expectedRevision`; 'stale' otherwise. */
  update(id: string, expectedRevision: number, change: NewPatient): Promise<PatientSummary | 'stale' | undefined>;
}

export interface Visit {
  readonly id: string;
  readonly patientId: string;
  readonly startedAt: number;
  readonly startedBy: string;
  readonly status: 'in-progress' | 'finished' | 'cancelled';
  /** When the visit ended (discharge, or when it was stopped); null while in progress. */
  readonly endedAt: number | null;
  /** Why a stopped (cancelled) visit was stopped; null otherwise. */
  readonly endReason: string | null;
  /** Bumped by every change of the visit row (its ETag). */
  readonly revision: number;
}

/** How a visit ends: finished (discharged) or cancelled (stopped, the procedure not done), and why. */
export interface VisitEnd {
  readonly status: 'finished' | 'cancelled';
  readonly endedAt: number;
  readonly reason: string | null;
}

export interface VisitStore {
  create(visit: { readonly patientId: string; readonly startedAt: number; readonly startedBy: string }): Promise<Visit>;
  get(id: string): Promise<Visit | undefined>;
  /** The patient's visits, the latest first. */
  ofPatient(patientId: string): Promise<readonly Visit[]>;
  /**
   * Ends a visit in progress whose revision is `expectedRevision`; 'stale' when the revision moved
   * or the visit has already ended, undefined when there is no such visit.
   */
  end(id: string, expectedRevision: number, end: VisitEnd): Promise<Visit | 'stale' | undefined>;
}

export interface ClinicRepositories {
  readonly clinicId: string;
  readonly patients: PatientStore;
  readonly visits: VisitStore;
  readonly charts: ChartReader;
  /** The chart's entries (conditions, allergies, medicines, observations, earlier injections), review stamps. */
  readonly records: RecordStore;
  /** Which chart entry each resource of a FHIR import became, with the EHR's code as sent. */
  readonly importLinks: ImportLinkStore;
  readonly policies: PolicyReader;
  /** The screening policy as a versioned setting: read with its version, changed by clinic admins. */
  readonly policySettings: PolicySettingsStore;
  /** The follow-up schedule and observation time, in the same settings versions as the policy. */
  readonly aftercareSettings: AftercareSettingsStore;
  readonly screens: ScreenStore;
  /** Each visit's plan: sites, findings, products and volumes, with a revision. */
  readonly plans: PlanStore;
  /** Each visit's procedure note, every version. */
  readonly notes: NoteStore;
  /** What the procedure leaves besides its note: administrations per site, complications, consents. */
  readonly procedures: ProcedureStore;
  /** A whole documented visit's rows and audit events, decided in memory, written at once. */
  readonly visitDocumentation: VisitDocumentationStore;
  /** Each visit's indication and baseline pain (NRS, PEG). */
  readonly baselines: BaselineStore;
  /** What the FHIR export reads besides the stores: an entity's patient, many patients' visits at once. */
  readonly fhirExport: FhirExportReader;
  /** The clinic's accounts (clinic admins, and each user's own account). */
  readonly users: ClinicUserStore;
  /** The clinic's API tokens for system clients. */
  readonly apiTokens: ApiTokenStore;
  /** Reading the clinic's audit log (clinic admins). */
  readonly auditLog: AuditReader;
  /** A signed note's follow-up links and the patient's answers to them. */
  readonly followUps: FollowUpStore;
  /** What the clinic must act on (a red flag). */
  readonly tasks: TaskStore;
  /** Messages to send, queued in this transaction. */
  readonly outbox: OutboxStore;
  /** The repeat-eligibility rule pack, a versioned clinic setting. */
  readonly eligibilityPack: EligibilityPackStore;
  /** Signed procedures with what their outcomes are computed from (charts, the dashboard). */
  readonly outcomes: OutcomeReader;
  /** Writes the audit row in this same transaction. */
  readonly audit: AuditSink;
}

export interface SystemRepositories {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly cdsClients: CdsClientRegistry;
  /** A bearer API token by its hash, before its clinic is known. */
  readonly apiTokens: ApiTokenLookup;
  /** A follow-up link by its token's hash, before its clinic is known (the public form). */
  readonly followUpLinks: FollowUpLinkLookup;
  /** For events with no clinic yet (a failed sign-in with an unknown email). */
  readonly audit: AuditSink;
}

export interface Repositories {
  inClinic<T>(clinicId: string, work: (repos: ClinicRepositories) => Promise<T>): Promise<T>;
  /**
   * inClinic for work that only reads (and audits the read): its audit rows may be committed after
   * it, with other reads' rows, but before this resolves (docs/adr/0006). Work that writes anything
   * else fails here.
   */
  readInClinic<T>(clinicId: string, work: (repos: ClinicRepositories) => Promise<T>): Promise<T>;
  readonly system: SystemRepositories;
}
