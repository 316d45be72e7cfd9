// A clinic admin creates an account in their clinic. The password rules (../auth/passwords.ts) and
// the email's shape are checked first, outside the transaction, and the password hashed there
// (argon2id takes a while on purpose); then, in the transaction: the demo domain only in a demo
// clinic, the email unique across clinics (409), audited as `user.create`.
import { isDemoEmail } from '../../demo/demo-logins.js';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { Role } from '../auth/auth-ports.js';
import { passwordProblem } from '../auth/passwords.js';
import type { ClinicRepositories } from '../ports.js';
import type { ClinicUser } from './admin-ports.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with a new account's email or password, before anything is hashed or stored. */
export function newUserProblem(input: {
  readonly email: string;
  readonly password: string;
}): UseCaseFailure | undefined {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) {
    const message = `"${input.email}" is not an email address`;
    return { ok: false, code: 'validation-failed', detail: message, issues: [{ path: 'email', message }] };
  }
  const weak = passwordProblem(input.password, { email });
  if (weak)
    return { ok: false, code: 'validation-failed', detail: weak, issues: [{ path: 'password', message: weak }] };
  return undefined;
}

export async function createClinicUser(
  input: {
    readonly email: string;
    readonly displayName: string;
    readonly role: Role;
    /** The argon2id hash of a password newUserProblem accepted. */
    readonly passwordHash: string;
    readonly mustChangePassword: boolean;
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Pick<ClinicRepositories, 'users' | 'audit'>,
): Promise<{ readonly ok: true; readonly user: ClinicUser } | UseCaseFailure> {
  const { actor, at, role } = input;
  const email = input.email.trim().toLowerCase();
  const refuse = async (reason: string, failure: UseCaseFailure) => {
    await repos.audit.record(
      auditAs(actor, at, {
        action: 'user.create',
        entity: null,
        patientId: null,
        outcome: 'failed',
        detail: { reason },
      }),
    );
    return failure;
  };
  if (isDemoEmail(email) && !(await repos.users.isDemoClinic())) {
    const message = 'addresses of the demo domain are for the demo clinic only';
    return refuse('demo-email', {
      ok: false,
      code: 'validation-failed',
      detail: message,
      issues: [{ path: 'email', message }],
    });
  }
  const user = await repos.users.create({
    email,
    displayName: input.displayName.trim(),
    role,
    passwordHash: input.passwordHash,
    mustChangePassword: input.mustChangePassword,
  });
  if (user === 'duplicate-email')
    return refuse('duplicate-email', {
      ok: false,
      code: 'conflict',
      detail: `an account with the email ${email} exists already`,
    });
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'user.create',
      entity: `User/${user.id}`,
      patientId: null,
      outcome: 'success',
      detail: { role },
    }),
  );
  return { ok: true, user };
}
