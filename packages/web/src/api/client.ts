// The one way the app talks to the server: fetch with the session cookie, the CSRF token on every
// write, problem+json turned into ApiProblem, ETags read and sent back (If-Match), the server's
// fixed clinical clock (Knotwork-As-Of) reported, and a 401 in the middle of work handed to the
// session (a sign-in dialog over the page) and the request retried once signed in again.
import { ApiProblem, networkProblem, problemOf } from './problem';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** The ETag of the version the change is based on (sent as If-Match). */
  readonly ifMatch?: string;
  readonly ifNoneMatch?: string;
  /** false: a 401 is the answer (the sign-in itself, the first session check), not a session to renew. */
  readonly renewSession?: boolean;
  readonly signal?: AbortSignal;
}

export interface ApiResponse<T> {
  readonly data: T;
  readonly status: number;
  /** The ETag of what was answered, for the next If-Match. */
  readonly etag: string | undefined;
}

export interface ClientHooks {
  /** The CSRF token of the current session (sent on every write). */
  csrfToken(): string | undefined;
  /**
   * The session ended in the middle of work: resolve once signed in again (the request is then
   * retried with the new token), reject to give up (the original problem is thrown).
   */
  renewSession(problem: ApiProblem): Promise<void>;
  /** Every response's Knotwork-As-Of header (null when the clock is not fixed). */
  onAsOf?(asOf: string | null): void;
}

export const AS_OF_HEADER = 'Knotwork-As-Of';
const SESSION_ENDED = new Set(['session-expired', 'unauthenticated']);

export function isSessionEnded(problem: ApiProblem): boolean {
  return problem.status === 401 && SESSION_ENDED.has(problem.code);
}

export interface ApiClient {
  request<T>(method: Method, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
}

function urlOf(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function createApiClient(hooks: ClientHooks, fetchImpl: typeof fetch = (...args) => fetch(...args)): ApiClient {
  async function once<T>(method: Method, path: string, options: RequestOptions): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const csrf = hooks.csrfToken();
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    if (options.ifNoneMatch) headers['if-none-match'] = options.ifNoneMatch;
    let response: Response;
    try {
      response = await fetchImpl(urlOf(path, options.query), {
        method,
        headers,
        credentials: 'same-origin',
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw networkProblem(error);
    }
    hooks.onAsOf?.(response.headers.get(AS_OF_HEADER));
    if (!response.ok && response.status !== 304) throw await problemOf(response);
    const etag = response.headers.get('ETag') ?? undefined;
    const text = response.status === 204 || response.status === 304 ? '' : await response.text();
    const data = (text ? JSON.parse(text) : undefined) as T;
    return { data, status: response.status, etag };
  }

  return {
    async request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
      try {
        return await once<T>(method, path, options);
      } catch (error) {
        if (!(error instanceof ApiProblem) || !isSessionEnded(error) || options.renewSession === false) throw error;
        try {
          await hooks.renewSession(error);
        } catch {
          throw error;
        }
        return once<T>(method, path, options);
      }
    },
  };
}
