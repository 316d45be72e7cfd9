// A follow-up link's token: 32 bytes, base64url (43 characters), HMAC-SHA256 of the link's id under
// the server's link key. Nothing stores it: follow_ups keeps its SHA-256, and the discharge sheet
// (printed any time after the signature) derives it again from the id. Without the key a token
// cannot be made or guessed (2^256); a new key invalidates every link at once.
//
// The key: KNOTWORK_FOLLOW_UP_KEY (base64url, at least 32 bytes; the same for every server process
// of one database), else a random key kept in the data folder (follow-up-link.key, mode 0600).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LinkTokens {
  tokenFor(followUpId: string): string;
  hashOf(token: string): string;
}

export function linkTokens(key: Uint8Array): LinkTokens {
  if (key.length < 32) throw new Error('the follow-up link key must be at least 32 bytes');
  return {
    tokenFor: (id) => createHmac('sha256', key).update(`follow-up:${id}`).digest('base64url'),
    hashOf: tokenHash,
  };
}

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A key for this process only (tests, and repositories built without one). */
export const ephemeralLinkKey = (): Uint8Array => randomBytes(32);

export function loadLinkKey(options: { readonly env?: string | undefined; readonly dataDir: string }): {
  key: Uint8Array;
  from: string;
} {
  if (options.env !== undefined && options.env !== '') {
    const key = Buffer.from(options.env, 'base64url');
    if (key.length < 32) throw new Error('KNOTWORK_FOLLOW_UP_KEY must be at least 32 bytes in base64url');
    return { key, from: 'KNOTWORK_FOLLOW_UP_KEY' };
  }
  const file = join(options.dataDir, 'follow-up-link.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  return { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url'), from: file };
}
