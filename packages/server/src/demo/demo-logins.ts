// The demo clinic's documented logins (README): one per role, all with the same password. They
// exist only in a demo clinic (issue 3, item 4): createUser refuses these addresses elsewhere.
import type { Role } from '../app/auth/auth-ports.js';

export const DEMO_CLINIC_NAME = 'Knotwork Demo Clinic';
export const DEMO_EMAIL_DOMAIN = 'demo.knotwork.dev';
export const DEMO_PASSWORD = 'knotwork-demo';

export interface DemoLogin {
  readonly email: string;
  readonly password: string;
  readonly role: Role;
  readonly displayName: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    email: `clinician@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    role: 'clinician',
    displayName: 'Dr Demo Clinician',
  },
  { email: `nurse@${DEMO_EMAIL_DOMAIN}`, password: DEMO_PASSWORD, role: 'nurse', displayName: 'Demo Nurse' },
  {
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    password: DEMO_PASSWORD,
    role: 'clinic-admin',
    displayName: 'Demo Clinic Admin',
  },
];

/** An address of the demo domain (or a subdomain of it). */
export function isDemoEmail(email: string): boolean {
  const domain = email.trim().toLowerCase().split('@').at(-1) ?? '';
  return domain === DEMO_EMAIL_DOMAIN || domain.endsWith(`.${DEMO_EMAIL_DOMAIN}`);
}
