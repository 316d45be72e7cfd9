// `knotwork user add`: a real account in a clinic, with an argon2id password that passes the
// password rules. An email is one account across clinics (case-insensitively); the demo domain's
// addresses exist only in a demo clinic (issue 3, item 4). Refusals are returned, with words.
import { sql } from 'drizzle-orm';
import { appendAudit, schema, sqlStateOf, SQLSTATE, USER_ROLES, type Database, type UserRole } from '../db/index.js';
import { hashPassword, passwordProblem } from '../app/auth/passwords.js';
import { isDemoEmail } from './demo-logins.js';
import { findClinic, type ClinicRef } from './find-clinic.js';

export type CreateUserInput = ClinicRef & {
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly password: string;
  readonly at?: number;
};

export type CreateUserFailure =
  | 'unknown-clinic'
  | 'ambiguous-clinic'
  | 'invalid-email'
  | 'invalid-name'
  | 'invalid-role'
  | 'weak-password'
  | 'duplicate-email'
  | 'demo-email';

export type CreateUserResult =
  | {
      readonly ok: true;
      readonly user: {
        readonly id: string;
        readonly clinicId: string;
        readonly email: string;
        readonly role: UserRole;
      };
    }
  | { readonly ok: false; readonly code: CreateUserFailure; readonly message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isRole = (role: string): role is UserRole => (USER_ROLES as readonly string[]).includes(role);

export async function createUser(database: Database, input: CreateUserInput): Promise<CreateUserResult> {
  const fail = (code: CreateUserFailure, message: string): CreateUserResult => ({ ok: false, code, message });
  const email = input.email.trim().toLowerCase();
  const displayName = input.displayName.trim();
  if (!EMAIL.test(email) || email.length > 254)
    return fail('invalid-email', `"${input.email}" is not an email address`);
  if (displayName.length === 0 || displayName.length > 200)
    return fail('invalid-name', 'a display name needs 1 to 200 characters');
  const { role } = input;
  if (!isRole(role)) return fail('invalid-role', `the role must be one of ${USER_ROLES.join(', ')}, not "${role}"`);
  const weak = passwordProblem(input.password, { email });
  if (weak) return fail('weak-password', weak);
  // Hashing takes a while on purpose: do it before the transaction, not inside it.
  const passwordHash = await hashPassword(input.password);
  const duplicate = () => fail('duplicate-email', `an account with the email ${email} exists already`);
  try {
    return await database.asSystem(async (tx): Promise<CreateUserResult> => {
      const clinic = await findClinic(tx, input);
      if (!clinic.ok) return fail(clinic.code, clinic.message);
      if (isDemoEmail(email) && !clinic.isDemo)
        return fail('demo-email', `addresses of the demo domain are for the demo clinic only, not ${email}`);
      const taken = await tx
        .select({ id: schema.users.id })
        .from(schema.users)
        .where(sql`lower(${schema.users.email}) = ${email}`);
      if (taken.length > 0) return duplicate();
      const [row] = await tx
        .insert(schema.users)
        .values({ clinicId: clinic.id, email, displayName, role, passwordHash })
        .returning({ id: schema.users.id });
      if (!row) throw new Error('the user was not created');
      await appendAudit(tx, {
        clinicId: clinic.id,
        actor: null,
        actorKind: 'system',
        action: 'user.create',
        entity: `User/${row.id}`,
        patientId: null,
        at: input.at ?? Date.now(),
        from: null,
        outcome: 'success',
        detail: { role },
      });
      return { ok: true, user: { id: row.id, clinicId: clinic.id, email, role } };
    });
  } catch (error) {
    // Another process added the same email between our check and our insert.
    if (sqlStateOf(error) === SQLSTATE.uniqueViolation) return duplicate();
    throw error;
  }
}
