// A procedure note as the API answers it: times in ISO 8601, and the users who created and signed
// it by display name as well as by id (issue 4: "signed by" shows a name), for users of the
// caller's clinic only.
import type { FastifyRequest } from 'fastify';
import type { StoredNote } from '../../app/visits/note-ports.js';
import { actorOf, type ClinicApiDeps } from './clinic-context.js';

/** A user's display name, if the user is of the caller's clinic; each user read once per request. */
export function namesFor(deps: ClinicApiDeps, request: FastifyRequest): (id: string | null) => Promise<string | null> {
  const clinicId = actorOf(request).clinicId;
  const known = new Map<string, Promise<string | null>>();
  return (id) => {
    if (id === null) return Promise.resolve(null);
    let name = known.get(id);
    if (!name) {
      name = deps.repos.system.users
        .findById(id)
        .then((u) => (u !== undefined && u.clinicId === clinicId ? u.displayName : null));
      known.set(id, name);
    }
    return name;
  };
}

/** A note as answered: its times in ISO 8601, and who created and signed it by name as well as id. */
export async function noteView(n: StoredNote, nameOf: (id: string | null) => Promise<string | null>) {
  const [createdByName, signedByName] = await Promise.all([nameOf(n.createdBy), nameOf(n.signedBy)]);
  return {
    ...n,
    createdByName,
    signedByName,
    signedAt: n.signedAt === null ? null : new Date(n.signedAt).toISOString(),
  };
}
