// What the audit log records for every read and write of patient data (issue 3, item 5): who,
// what, when, from where and the outcome. The database writer appends it in the same transaction
// as the change it describes.
export interface AuditEvent {
  readonly clinicId: string | null;
  /** A user id, an API token id or a CDS client issuer; null before authentication. */
  readonly actor: string | null;
  /** 'patient': a patient through a follow-up link's token; `actor` is the patient's id. */
  readonly actorKind: 'user' | 'api-token' | 'cds-client' | 'system' | 'anonymous' | 'patient';
  /** A stable verb: 'patient.read', 'cds.feedback', 'note.sign' ... */
  readonly action: string;
  /** The resource type and id acted on, e.g. 'Patient/0c4…', when there is one. */
  readonly entity: string | null;
  readonly patientId: string | null;
  readonly at: number;
  /** Remote address (behind a trusted proxy: the forwarded one). */
  readonly from: string | null;
  readonly outcome: 'success' | 'denied' | 'failed';
  /** Small structured details (no free-text patient data beyond what the action needs). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface AuditSink {
  record(event: AuditEvent): Promise<void>;
}

/** An in-memory sink, for tests and for wiring before the database exists. */
export function memoryAuditSink(): AuditSink & { readonly events: AuditEvent[] } {
  const events: AuditEvent[] = [];
  return {
    events,
    record: (event) => {
      events.push(event);
      return Promise.resolve();
    },
  };
}
