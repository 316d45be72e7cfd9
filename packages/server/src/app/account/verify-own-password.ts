// The signed-in user's password, asked again before changing it or turning the second factor off
// (someone at an unlocked screen must not). Run before the transaction: argon2id is slow on purpose.
import type { UseCaseFailure } from '../actor.js';
import type { UserRecord } from '../auth/auth-ports.js';
import { verifyPassword } from '../auth/passwords.js';

export async function verifyOwnPassword(
  user: Pick<UserRecord, 'passwordHash'>,
  password: string,
  field: string,
): Promise<UseCaseFailure | undefined> {
  if (await verifyPassword(user.passwordHash, password)) return undefined;
  const message = 'the password is wrong';
  return { ok: false, code: 'validation-failed', detail: message, issues: [{ path: field, message }] };
}
