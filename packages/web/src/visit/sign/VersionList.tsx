import type { ProcedureNote } from '../../api/visit-record-types';
import { formatDateTime } from '../../ui/format';

const STATUS = { draft: 'Draft', signed: 'Signed', amended: 'Amendment, signed' } as const;

/** Every version of the note, newest first: status, who signed and when, why it was amended. */
export function VersionList({
  notes,
  signerName,
}: {
  readonly notes: readonly ProcedureNote[];
  /** How a signer reads: by the name the server gave, or the id when it gave none. */
  readonly signerName: (id: string, name: string | null | undefined) => string;
}) {
  const sorted = [...notes].sort((a, b) => b.version - a.version);
  return (
    <section className="record-block" aria-labelledby="versions-title">
      <h3 id="versions-title" className="record-subtitle">
        Versions
      </h3>
      <div className="table-wrap">
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Signed by</th>
              <th scope="col">Signed</th>
              <th scope="col">Reason for amendment</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((n) => (
              <tr key={n.id}>
                <td className="num">{n.version}</td>
                <td>{n.status === 'draft' && n.amendmentReason !== null ? 'Amendment, draft' : STATUS[n.status]}</td>
                <td>{n.signedBy ? signerName(n.signedBy, n.signedByName) : '—'}</td>
                <td>{formatDateTime(n.signedAt)}</td>
                <td>{n.amendmentReason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
