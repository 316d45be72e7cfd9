// Reference look-ups any signed-in user may make: ICD-10-CM search (GET /api/reference/icd10cm).
import type { ApiClient } from './client';

export interface Icd10cmItem {
  readonly code: string;
  readonly title: string;
  /** false: a header that needs a more specific code. */
  readonly billable: boolean;
  /** For a header: what to pick instead (the server's coding core). */
  readonly note?: string;
}

export interface Icd10cmResults {
  /** The list the server searched; complete false: only Knotwork's TPI codes, not the release. */
  readonly source: { readonly name: string; readonly complete: boolean; readonly codes: number };
  readonly items: readonly Icd10cmItem[];
}

export type Icd10cmSearch = (q: string, limit: number, signal?: AbortSignal) => Promise<Icd10cmResults>;

export const icd10cmSearch =
  (api: ApiClient): Icd10cmSearch =>
  (q, limit, signal) =>
    api
      // A look-up while typing does not open the sign-in dialog: a lapsed session is met by the save.
      .request<Icd10cmResults>('GET', '/api/reference/icd10cm', {
        query: { q, limit },
        renewSession: false,
        ...(signal ? { signal } : {}),
      })
      .then((r) => r.data);
