// Repositories (../ports.ts) on the database. A request's work runs in one withClinic transaction:
// row-level security confines every statement to the clinic, and its reads, writes and audit rows
// commit together or not at all. The system stores each run their own asSystem transaction.
import type { Database, KnotworkTx } from '../../db/index.js';
import type { ClinicRepositories, Repositories, SystemRepositories } from '../ports.js';
import { aftercareSettingsStore } from './aftercare-settings.js';
import { apiTokenLookup, apiTokenStore } from './api-tokens.js';
import { clinicAuditSink, systemAuditSink } from './audit.js';
import { auditReader } from './audit-reader.js';
import { cdsClientRegistry } from './cds-clients.js';
import { chartReader } from './charts.js';
import { clinicUserStore } from './clinic-users.js';
import type { DatabaseRepositoriesOptions } from './options.js';
import { patientStore } from './patients.js';
import { noteStore } from './notes.js';
import { procedureStore } from './procedures.js';
import { baselineStore } from './baselines.js';
import { planStore } from './plans.js';
import { policyReader, policySettingsStore } from './policies.js';
import { recordStore } from './records.js';
import { importLinkStore } from './fhir-import-links.js';
import { screenStore } from './screens.js';
import { sessionStore } from './sessions.js';
import { userStore } from './users.js';
import { visitStore } from './visits.js';
import { visitDocumentationStore } from './visit-documentation.js';
import { fhirExportReader } from './fhir-export-reader.js';
import { eligibilityPackStore } from './eligibility-pack.js';
import { followUpLinkLookup, followUpStore, outboxStore, outcomeReader, taskStore } from './follow-ups.js';
import { ephemeralLinkKey, linkTokens, type LinkTokens } from '../follow-ups/link-tokens.js';

/** The clinic's stores on one transaction (of withClinic for that clinic). */
export function clinicRepositories(
  tx: KnotworkTx,
  clinicId: string,
  options: DatabaseRepositoriesOptions = {},
  tokens: LinkTokens = linkTokens(options.followUpKey ?? processLinkKey()),
): ClinicRepositories {
  return {
    clinicId,
    patients: patientStore(tx, clinicId, options.newId),
    visits: visitStore(tx, clinicId, options.newId),
    charts: chartReader(tx, clinicId),
    records: recordStore(tx, clinicId),
    importLinks: importLinkStore(tx, clinicId),
    policies: policyReader(tx, clinicId),
    policySettings: policySettingsStore(tx, clinicId),
    aftercareSettings: aftercareSettingsStore(tx, clinicId),
    screens: screenStore(tx, clinicId),
    plans: planStore(tx, clinicId, options.newId),
    notes: noteStore(tx, clinicId, options.newId),
    procedures: procedureStore(tx, clinicId, options.newId),
    visitDocumentation: visitDocumentationStore(tx, clinicId),
    baselines: baselineStore(tx, clinicId, options.newId),
    fhirExport: fhirExportReader(tx, clinicId),
    followUps: followUpStore(tx, clinicId, tokens, options.newId),
    tasks: taskStore(tx, clinicId, options.newId),
    outbox: outboxStore(tx, clinicId),
    outcomes: outcomeReader(tx),
    eligibilityPack: eligibilityPackStore(tx, clinicId),
    users: clinicUserStore(tx, clinicId, options.newId),
    apiTokens: apiTokenStore(tx, clinicId, options.newId),
    auditLog: auditReader(tx, clinicId),
    audit: clinicAuditSink(tx, clinicId),
  };
}

export function systemRepositories(database: Database): SystemRepositories {
  return {
    users: userStore(database),
    sessions: sessionStore(database),
    cdsClients: cdsClientRegistry(database),
    apiTokens: apiTokenLookup(database),
    followUpLinks: followUpLinkLookup(database),
    audit: systemAuditSink(database),
  };
}

let processKey: Uint8Array | undefined;
/** One random key per process for repositories built without one (tests, tools). */
const processLinkKey = () => (processKey ??= ephemeralLinkKey());

export function databaseRepositories(database: Database, options: DatabaseRepositoriesOptions = {}): Repositories {
  const tokens = linkTokens(options.followUpKey ?? processLinkKey());
  return {
    inClinic: (clinicId, work) =>
      database.withClinic(clinicId, (tx) => work(clinicRepositories(tx, clinicId, options, tokens))),
    readInClinic: (clinicId, work) =>
      database.readInClinic(clinicId, (tx) => work(clinicRepositories(tx, clinicId, options, tokens))),
    system: systemRepositories(database),
  };
}
