// VisitDocumentationStore on the database: a whole documented visit (its rows decided in memory,
// ids and times included) written in ONE statement: data-modifying CTEs, one per table, each
// inserting from `jsonb_populate_recordset(null::<table>, ...)` of one jsonb parameter (the table's
// own row type gives every value its column's type), the audit rows last and in order. Foreign keys
// between the new rows hold: their checks run at the end of the statement, when every row is in.
//
// - The note is inserted already signed, at revision 3 (created, edited, signed, as the steps leave
//   it): the trigger of migration 0001 refuses UPDATE and DELETE of a signed note, not its INSERT,
//   and the signed-note check (signed_by and signed_at set) holds.
// - The plan is inserted with its screen (screen_id) and revision 1, as savePlan + linkPlanScreen
//   leave it; plan_sites, plan_lines and the defaults (created_at, updated_at, revision, a
//   complication's status and reporter) come from the database as the stores' inserts do.
// - Audit rows carry their row_hash computed as append-audit.ts does (the clinic forced to the
//   transaction's, as clinicAuditSink does); the sealer chains them later in id order.
// - It runs in the caller's withClinic transaction as knotwork_app: row-level security checks every
//   row. On PostgreSQL the statement is queued to travel with the COMMIT (no answer is needed: the
//   ids are ours); a refusal fails the commit, so nothing of the visit is kept.
import { catalogue } from '@knotwork/core';
import { sql } from 'drizzle-orm';
import type { AuditEvent } from '../../audit-event.js';
import { auditRowHash, type AuditRowContent } from '../../db/audit-hash.js';
import { deferredQueryOf, rawQueryOf, type Statement } from '../../db/database-internals.js';
import type { KnotworkTx } from '../../db/index.js';
import type { DocumentedVisitRows, VisitDocumentationStore } from '../visits/documentation-ports.js';

/** Each table's inserted columns, in the statement's order (parents before children, audit last). */
const TABLES = {
  visits: ['id', 'clinic_id', 'patient_id', 'status', 'started_at', 'clinician_id', 'created_by'],
  observations: [
    'id',
    'clinic_id',
    'patient_id',
    'loinc_code',
    'display',
    'value_number',
    'value_text',
    'value_system',
    'value_code',
    'unit',
    'effective_at',
    'status',
    'recorded_at',
    'recorded_by',
  ],
  screens: [
    'id',
    'clinic_id',
    'patient_id',
    'visit_id',
    'hook_instance',
    'request',
    'cards',
    'verdict',
    'trace',
    'policy_version',
    'as_of',
    'created_by',
  ],
  plans: ['id', 'clinic_id', 'patient_id', 'visit_id', 'screen_id', 'created_by'],
  plan_sites: ['clinic_id', 'plan_id', 'position', 'muscle_code', 'side', 'findings'],
  plan_lines: ['clinic_id', 'plan_id', 'position', 'product_code', 'text', 'volume_ml'],
  screen_overrides: [
    'id',
    'clinic_id',
    'screen_id',
    'card_uuid',
    'finding',
    'reason_code',
    'reason_text',
    'user_id',
    'at',
  ],
  consents: [
    'id',
    'clinic_id',
    'patient_id',
    'visit_id',
    'scope',
    'description',
    'risks_shown',
    'form',
    'form_version',
    'plan_revision',
    'signer_kind',
    'signer_name',
    'signer_relationship',
    'signature_kind',
    'signature_data',
    'signed_at',
    'witnessed_by',
  ],
  procedure_notes: [
    'id',
    'clinic_id',
    'patient_id',
    'visit_id',
    'version',
    'status',
    'content',
    'created_by',
    'revision',
    'signed_by',
    'signed_at',
  ],
  administrations: [
    'id',
    'clinic_id',
    'patient_id',
    'visit_id',
    'note_id',
    'muscle_code',
    'side',
    'product_code',
    'product_text',
    'volume_ml',
    'lot',
    'expiry',
    'administered_at',
    'administered_by',
  ],
  complications: [
    'id',
    'clinic_id',
    'patient_id',
    'visit_id',
    'note_id',
    'type_code',
    'severity',
    'onset_at',
    'action',
    'note',
    'recorded_at',
    'recorded_by',
  ],
} as const;

type Table = keyof typeof TABLES;
type Rows = { [T in Table]: Record<(typeof TABLES)[T][number], unknown>[] };

const AUDIT_COLUMNS = [
  'clinic_id',
  'actor',
  'actor_kind',
  'action',
  'entity',
  'patient_id',
  'at',
  'from_address',
  'outcome',
  'detail',
  'row_hash',
] as const;

const rowsOf = (table: string) => `jsonb_populate_recordset(null::${table}, (select doc -> '${table}' from input))`;

const WRITE_TEXT = `with input as (select $1::jsonb as doc),
${Object.entries(TABLES)
  .map(([table, columns]) => {
    const list = columns.join(', ');
    return `  ${table}_in as (insert into ${table} (${list}) select ${list} from ${rowsOf(table)})`;
  })
  .join(',\n')}
insert into audit_log (${AUDIT_COLUMNS.join(', ')})
  select ${AUDIT_COLUMNS.map((c) => `a.${c}`).join(', ')}
  from ${rowsOf('audit_log')} with ordinality as a
  order by a.ordinality`;

const WRITE: Statement = { name: 'knotwork_visit_documentation_write', text: WRITE_TEXT };

/** A plan line's text: the product's display, as the plan store writes it. */
const PRODUCT_TEXT = new Map<string, string>(catalogue.injectates.map((i) => [i.code, i.display]));

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** The audit row as append-audit.ts writes it, its hash over the content that reads back. */
function auditRow(clinicId: string, event: AuditEvent): Record<(typeof AUDIT_COLUMNS)[number], unknown> {
  const content: AuditRowContent = {
    clinicId,
    actor: event.actor,
    actorKind: event.actorKind,
    action: event.action,
    entity: event.entity,
    patientId: event.patientId,
    at: Math.trunc(event.at),
    fromAddress: event.from,
    outcome: event.outcome,
    detail: event.detail ?? null,
  };
  return {
    clinic_id: clinicId,
    actor: content.actor,
    actor_kind: content.actorKind,
    action: content.action,
    entity: content.entity,
    patient_id: content.patientId,
    at: iso(content.at),
    from_address: content.fromAddress,
    outcome: content.outcome,
    detail: content.detail,
    row_hash: auditRowHash(content),
  };
}

/** Every row of the visit, by table and column name. */
export function documentedVisitTables(clinicId: string, r: DocumentedVisitRows): Rows & { audit_log: unknown[] } {
  const { visit, plan, screen, note, consent } = r;
  const base = { clinic_id: clinicId, patient_id: visit.patientId };
  const ofVisit = { ...base, visit_id: visit.id };
  return {
    visits: [
      {
        id: visit.id,
        ...base,
        status: 'in-progress',
        started_at: iso(visit.startedAt),
        clinician_id: visit.startedBy,
        created_by: visit.startedBy,
      },
    ],
    observations: r.observations.map((o) => {
      const v = o.value;
      const quantity = 'quantity' in v;
      return {
        id: o.id,
        ...base,
        loinc_code: o.loinc,
        display: o.display ?? null,
        value_number: quantity ? v.quantity : null,
        value_text: quantity ? null : (v.display ?? null),
        value_system: quantity ? null : v.system,
        value_code: quantity ? null : v.code,
        unit: quantity ? v.unit : null,
        effective_at: o.at,
        status: o.status,
        recorded_at: iso(r.recordedAt),
        recorded_by: visit.startedBy,
      };
    }),
    screens: [
      {
        id: screen.id,
        ...ofVisit,
        hook_instance: screen.request.hookInstance,
        request: screen.request,
        cards: screen.cards,
        verdict: screen.verdict,
        trace: screen.trace,
        policy_version: screen.policyVersion,
        as_of: iso(screen.asOf),
        created_by: screen.screenedBy,
      },
    ],
    plans: [{ id: plan.id, ...ofVisit, screen_id: plan.screenId, created_by: visit.startedBy }],
    plan_sites: plan.sites.map((s, position) => ({
      clinic_id: clinicId,
      plan_id: plan.id,
      position,
      muscle_code: s.muscle,
      side: s.side,
      findings: { ...s.findings },
    })),
    plan_lines: plan.products.map((p, position) => ({
      clinic_id: clinicId,
      plan_id: plan.id,
      position,
      product_code: p.injectate,
      text: PRODUCT_TEXT.get(p.injectate) ?? p.injectate,
      volume_ml: p.volumeMl,
    })),
    screen_overrides: r.overrides.map((o) => ({
      id: o.id,
      clinic_id: clinicId,
      screen_id: o.screenId,
      card_uuid: o.cardUuid,
      finding: o.finding,
      reason_code: o.reasonCode,
      reason_text: o.comment,
      user_id: o.userId,
      at: iso(o.at),
    })),
    consents: [
      {
        id: consent.id,
        ...ofVisit,
        scope: 'trigger-point-injection',
        description: consent.form.procedure,
        risks_shown: consent.form.risks,
        form: consent.form,
        form_version: consent.form.version,
        plan_revision: consent.planRevision,
        signer_kind: consent.signerKind,
        signer_name: consent.signerName,
        signer_relationship: consent.signerRelationship,
        signature_kind: consent.signatureKind,
        signature_data: consent.signatureData,
        signed_at: iso(consent.signedAt),
        witnessed_by: consent.witnessedBy,
      },
    ],
    procedure_notes: [
      {
        id: note.id,
        ...ofVisit,
        version: note.version,
        status: note.status,
        content: note.content,
        created_by: note.createdBy,
        revision: note.revision,
        signed_by: note.signedBy,
        signed_at: note.signedAt === null ? null : iso(note.signedAt),
      },
    ],
    administrations: r.administrations.map((a) => ({
      id: a.id,
      ...ofVisit,
      note_id: a.noteId,
      muscle_code: a.muscle,
      side: a.side,
      product_code: a.injectate,
      product_text: a.productText,
      volume_ml: a.volumeMl,
      lot: a.lot,
      expiry: a.expiry,
      administered_at: iso(a.administeredAt),
      administered_by: a.administeredBy,
    })),
    complications: r.complications.map((c) => ({
      id: c.id,
      ...ofVisit,
      note_id: c.noteId,
      type_code: c.type,
      severity: c.severity,
      onset_at: c.onset,
      action: c.action,
      note: c.note,
      recorded_at: iso(c.recordedAt),
      recorded_by: c.recordedBy,
    })),
    audit_log: r.audit.map((e) => auditRow(clinicId, e)),
  };
}

export function visitDocumentationStore(tx: KnotworkTx, clinicId: string): VisitDocumentationStore {
  return {
    write: async (rows) => {
      const values = [JSON.stringify(documentedVisitTables(clinicId, rows))];
      const defer = deferredQueryOf(tx);
      if (defer) return defer(WRITE, values);
      const raw = rawQueryOf(tx);
      if (raw) {
        await raw(WRITE, values);
        return;
      }
      // A transaction withClinic did not hand out (a savepoint's): the same statement through drizzle.
      const [before, after] = WRITE_TEXT.split('$1::jsonb');
      await tx.execute(sql`${sql.raw(before ?? '')}${values[0]}::jsonb${sql.raw(after ?? '')}`);
    },
  };
}
