// Creating a clinic (`knotwork clinic add`, and the first real clinic of a server): a system act,
// audited. Names need not be unique, but createUser by clinic name refuses an ambiguous one.
import { appendAudit, schema, type Database } from '../db/index.js';

export type CreateClinicResult =
  | { readonly ok: true; readonly clinicId: string }
  | { readonly ok: false; readonly code: 'invalid-name'; readonly message: string };

export async function createClinic(
  database: Database,
  input: { readonly name: string; readonly at?: number },
): Promise<CreateClinicResult> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200)
    return { ok: false, code: 'invalid-name', message: 'a clinic name needs 1 to 200 characters' };
  const clinicId = await database.asSystem(async (tx) => {
    const [row] = await tx.insert(schema.clinics).values({ name }).returning({ id: schema.clinics.id });
    if (!row) throw new Error('the clinic was not created');
    await appendAudit(tx, {
      clinicId: row.id,
      actor: null,
      actorKind: 'system',
      action: 'clinic.create',
      entity: `Clinic/${row.id}`,
      patientId: null,
      at: input.at ?? Date.now(),
      from: null,
      outcome: 'success',
      detail: { name },
    });
    return row.id;
  });
  return { ok: true, clinicId };
}
