// What the visit-documentation benchmark documents into (issue 3, item 8): in the demo clinic,
// 200 patients whose allergies were reviewed (none known) and medicines reconciled (none), so each
// documented visit screens clean and can be signed; and 20 signed-in sessions of the clinic's
// clinician with their CSRF tokens, so 20 connections are 20 people writing.
import { createHash, randomBytes } from 'node:crypto';
import { findDemoClinic, schema, type Database } from '@knotwork/server';

export interface VisitFixture {
  readonly patientIds: readonly string[];
  /** One per session: the cookie header and the CSRF token the session hands out. */
  readonly sessions: readonly { readonly cookie: string; readonly csrfToken: string }[];
}

const DAY = 86_400_000;
export const VISIT_PATIENTS = 200;
export const VISIT_SESSIONS = 20;

export async function seedVisitFixture(database: Database, options: { now: number }): Promise<VisitFixture> {
  const { now } = options;
  const clinicId = await findDemoClinic(database);
  if (clinicId === undefined) throw new Error('no demo clinic to document visits in');
  return database.asSystem(async (tx) => {
    const clinician = (
      await tx
        .select({ id: schema.users.id, role: schema.users.role, clinicId: schema.users.clinicId })
        .from(schema.users)
    ).find((u) => u.clinicId === clinicId && u.role === 'clinician')?.id;
    if (!clinician) throw new Error('no demo clinician');
    const rows = await tx
      .insert(schema.patients)
      .values(
        Array.from({ length: VISIT_PATIENTS }, (_, i) => ({
          clinicId,
          familyName: `Visit-${String(i).padStart(3, '0')}`,
          givenNames: 'Bench',
          birthDate: '1975-03-09',
          gender: i % 2 === 0 ? ('female' as const) : ('male' as const),
          allergiesReviewedAt: new Date(now - 2 * DAY),
          allergiesReviewedBy: clinician,
          medicationsReconciledAt: new Date(now - 2 * DAY),
          medicationsReconciledBy: clinician,
        })),
      )
      .returning({ id: schema.patients.id });
    const sessions = Array.from({ length: VISIT_SESSIONS }, () => {
      // As app/auth/session-token.ts: the cookie carries the token, the database its SHA-256.
      const token = `kws_${randomBytes(32).toString('base64url')}`;
      return { token, csrfToken: randomBytes(16).toString('base64url') };
    });
    await tx.insert(schema.sessions).values(
      sessions.map((s) => ({
        clinicId,
        idHash: createHash('sha256').update(s.token).digest('hex'),
        userId: clinician,
        csrfToken: s.csrfToken,
        lastSeenAt: new Date(now),
        expiresAt: new Date(now + DAY / 2),
      })),
    );
    return {
      patientIds: rows.map((r) => r.id),
      sessions: sessions.map((s) => ({ cookie: `knotwork_session=${s.token}`, csrfToken: s.csrfToken })),
    };
  });
}
