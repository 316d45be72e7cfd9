// The optional second factor: TOTP (RFC 6238, SHA-1, 6 digits, 30 s), as authenticator apps use,
// with one step of clock drift either way.
import { Secret, TOTP } from 'otpauth';

function totp(secret: string, label = 'Knotwork'): TOTP {
  return new TOTP({
    issuer: 'Knotwork',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

export function totpCode(secret: string, at: number): string {
  return totp(secret).generate({ timestamp: at });
}

export function verifyTotp(secret: string, code: string, at: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totp(secret).validate({ token: code, timestamp: at, window: 1 }) !== null;
}
