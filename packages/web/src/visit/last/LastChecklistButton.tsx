// The LAST (local anaesthetic systemic toxicity) checklist, one tap away from every step: a button
// in the visit header opening a dialog with the server's lipid emulsion doses for this patient's
// weight, the steps in order, the signs by stage and the sources. The native <dialog> traps focus,
// closes on Escape and gives focus back to the button.
import { useState } from 'react';
import type { ApiProblem } from '../../api/problem';
import type { LastChecklist } from '../../api/visit-record-types';
import { useVisitRecordApi } from '../../api/visit-record-endpoints';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { LastChecklistView } from './LastChecklistView';
import '../record.css';

type State =
  | { readonly status: 'closed' | 'loading' }
  | { readonly status: 'loaded'; readonly checklist: LastChecklist }
  | { readonly status: 'failed'; readonly problem: ApiProblem };

export function LastChecklistButton({ visitId }: { readonly visitId: string }) {
  const api = useVisitRecordApi(visitId);
  const [state, setState] = useState<State>({ status: 'closed' });
  const open = () => {
    setState({ status: 'loading' });
    api.readLastChecklist(visitId).then(
      (checklist) => setState({ status: 'loaded', checklist }),
      (problem: ApiProblem) => setState({ status: 'failed', problem }),
    );
  };
  const close = () => setState({ status: 'closed' });
  return (
    <>
      <Button variant="danger" className="last-button" aria-haspopup="dialog" onClick={open}>
        LAST checklist
      </Button>
      <Dialog
        open={state.status !== 'closed'}
        title="LAST: local anaesthetic systemic toxicity"
        labelledBy="last-dialog-title"
        onClose={close}
      >
        <div className="last-dialog">
          {state.status === 'loading' && <Loading label="Opening the LAST checklist" />}
          {state.status === 'failed' && <ProblemAlert problem={state.problem} />}
          {state.status === 'loaded' && <LastChecklistView checklist={state.checklist} />}
        </div>
        <div className="dialog-footer">
          <Button variant="primary" onClick={close}>
            Close
          </Button>
        </div>
      </Dialog>
    </>
  );
}
