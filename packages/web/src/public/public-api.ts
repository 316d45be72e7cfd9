// The API as a patient's phone calls it: no session, no CSRF token, nothing to renew. A 401 cannot
// happen on the public routes; if one did, it is an answer, not a sign-in dialog.
import { createApiClient, type ApiClient } from '../api/client';

export function createPublicClient(fetchImpl?: typeof fetch): ApiClient {
  return createApiClient(
    {
      csrfToken: () => undefined,
      renewSession: (problem) => Promise.reject(problem),
    },
    fetchImpl,
  );
}
