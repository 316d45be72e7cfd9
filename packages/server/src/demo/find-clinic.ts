// A clinic named by id or by name, for the account commands.
import { eq } from 'drizzle-orm';
import { schema, type KnotworkTx } from '../db/index.js';

export type ClinicRef = { readonly clinicId: string } | { readonly clinicName: string };

export type FoundClinic =
  | { readonly ok: true; readonly id: string; readonly isDemo: boolean }
  | { readonly ok: false; readonly code: 'unknown-clinic' | 'ambiguous-clinic'; readonly message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runs in an asSystem transaction: the clinic is not known yet. */
export async function findClinic(tx: KnotworkTx, ref: ClinicRef): Promise<FoundClinic> {
  const columns = { id: schema.clinics.id, isDemo: schema.clinics.isDemo };
  if ('clinicId' in ref) {
    const rows = UUID.test(ref.clinicId)
      ? await tx.select(columns).from(schema.clinics).where(eq(schema.clinics.id, ref.clinicId))
      : [];
    const row = rows[0];
    return row
      ? { ok: true, ...row }
      : { ok: false, code: 'unknown-clinic', message: `there is no clinic ${ref.clinicId}` };
  }
  const rows = await tx.select(columns).from(schema.clinics).where(eq(schema.clinics.name, ref.clinicName.trim()));
  const [row, second] = rows;
  if (!row) return { ok: false, code: 'unknown-clinic', message: `there is no clinic named "${ref.clinicName}"` };
  if (second)
    return {
      ok: false,
      code: 'ambiguous-clinic',
      message: `${rows.length} clinics are named "${ref.clinicName}": give the clinic's id instead`,
    };
  return { ok: true, ...row };
}
