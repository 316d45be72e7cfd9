// A form's submission: busy while it runs, the server's problem when it refuses (kept until the
// next try), true when it went through.
import { useCallback, useState } from 'react';
import { ApiProblem } from '../api/problem';

export function useSubmit() {
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      setProblem(undefined);
      return true;
    } catch (error) {
      if (error instanceof ApiProblem) {
        setProblem(error);
        return false;
      }
      throw error;
    } finally {
      setBusy(false);
    }
  }, []);
  return { problem, busy, run };
}
