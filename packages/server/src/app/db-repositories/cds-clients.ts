// CdsClientRegistry on the database, as system: a CDS Hooks call names its EHR by the JWT's `iss`
// before the clinic is known; the issuer is unique across clinics.
import { eq } from 'drizzle-orm';
import type { JSONWebKeySet } from 'jose';
import type { Database } from '../../db/index.js';
import { cdsClients } from '../../db/schema.js';
import type { CdsClientRegistry } from '../../http/deps.js';

export function cdsClientRegistry(database: Database): CdsClientRegistry {
  return {
    find: (issuer) =>
      database.asSystem(async (tx) => {
        const [row] = await tx
          .select({
            issuer: cdsClients.issuer,
            clinicId: cdsClients.clinicId,
            jwks: cdsClients.jwks,
            active: cdsClients.active,
          })
          .from(cdsClients)
          .where(eq(cdsClients.issuer, issuer));
        return row ? { ...row, jwks: row.jwks as JSONWebKeySet } : undefined;
      }),
  };
}
