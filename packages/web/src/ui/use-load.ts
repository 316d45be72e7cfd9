// Loads something for a screen: the value, the problem if the server refused, and a reload.
import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../api/problem';

export type Load<T> =
  | { readonly status: 'loading'; readonly value?: T | undefined }
  | { readonly status: 'loaded'; readonly value: T }
  | { readonly status: 'failed'; readonly problem: ApiProblem; readonly value?: T | undefined };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Load<T>, () => Promise<void>] {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the load depends on
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    try {
      const value = await run();
      setState({ status: 'loaded', value });
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setState((previous) => ({ status: 'failed', problem: error, value: previous.value }));
    }
  }, [run]);
  useEffect(() => {
    let live = true;
    // Something else is loading (another patient): never show the previous one's data meanwhile.
    setState({ status: 'loading' });
    run().then(
      (value) => live && setState({ status: 'loaded', value }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiProblem) setState({ status: 'failed', problem: error });
        else throw error;
      },
    );
    return () => {
      live = false;
    };
  }, [run]);
  return [state, reload];
}
