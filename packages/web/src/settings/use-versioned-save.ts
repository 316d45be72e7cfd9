// Saving a versioned setting: busy while it runs; the server's problem when it refuses (issues shown
// field by field); and when someone saved a newer version meanwhile (412 precondition-failed), the
// current version is loaded again and the page says so, since the change was not made.
import { useCallback, useState } from 'react';
import { ApiProblem } from '../api/problem';

export type SaveOutcome = 'saved' | 'refused' | 'stale';

export function useVersionedSave(reload: () => Promise<void>) {
  const [problem, setProblem] = useState<ApiProblem>();
  const [stale, setStale] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const save = useCallback(
    async (action: () => Promise<unknown>): Promise<SaveOutcome> => {
      setBusy(true);
      try {
        await action();
        setProblem(undefined);
        setStale(undefined);
        return 'saved';
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        if (error.code === 'precondition-failed') {
          setProblem(undefined);
          setStale(error);
          await reload();
          return 'stale';
        }
        setStale(undefined);
        setProblem(error);
        return 'refused';
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );
  const clear = useCallback(() => {
    setProblem(undefined);
    setStale(undefined);
  }, []);
  return { problem, stale, busy, save, clear };
}
