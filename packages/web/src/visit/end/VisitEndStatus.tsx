// How a visit ended, read-only: finished (discharged) at a time, or stopped with its reason.
import type { Visit } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import './visit-end.css';

export function VisitEndStatus({ visit }: { readonly visit: Visit }) {
  if (visit.status === 'in-progress') return null;
  const when = visit.endedAt ? ` ${formatDateTime(visit.endedAt)}` : '';
  return (
    <p className="alert alert-info visit-ended" role="status">
      {visit.status === 'finished' ? (
        <>Visit finished (discharged){when}. Its steps are read-only.</>
      ) : (
        <>
          Visit stopped{when}: {visit.endReason ?? 'no reason recorded'}. The procedure was not done; its steps are
          read-only.
        </>
      )}
    </p>
  );
}
