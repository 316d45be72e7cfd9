// A page of the clinic's audit log (clinic admins), newest first. Reading the log is itself audited
// (`audit.read`, with the filters used), after the page is read, so it shows on the next page read.
import { auditAs, type Actor } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { AuditEntry, AuditQuery } from './admin-ports.js';

export async function readAuditLog(
  input: { readonly query: AuditQuery; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'auditLog' | 'audit'>,
): Promise<{ readonly items: readonly AuditEntry[]; readonly next: string | null }> {
  const { query, actor, at } = input;
  const page = await repos.auditLog.page(query);
  const filters = (['from', 'to', 'actor', 'action', 'patientId', 'cursor'] as const).filter(
    (k) => query[k] !== undefined,
  );
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'audit.read',
      entity: null,
      patientId: null,
      outcome: 'success',
      detail: { filters, limit: query.limit, returned: page.items.length },
    }),
  );
  return page;
}
