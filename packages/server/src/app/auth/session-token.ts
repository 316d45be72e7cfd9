// Session and API tokens: 256 random bits, given to the client once; the server keeps only their
// SHA-256, so a copy of the database does not hold usable tokens.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
