// A problem with a clinic setting's value, named by its field path (`points[2].after`, `minutes`),
// with a stable code and separate wording, as the screening policy's issues are (GUIDE.md habit 4).
export interface SettingIssue {
  readonly code: 'unknown-field' | 'missing' | 'wrong-type' | 'out-of-range' | 'not-allowed' | 'inconsistent';
  readonly path: string;
  readonly message: string;
}

export type SettingResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: SettingIssue[] };
