// Where the ICD-10-CM search gets its code list: the CMS order file of a yearly release when the
// server is given one (`knotwork serve` with KNOTWORK_ICD10CM_ORDER_FILE), else the short built-in
// list of the codes Knotwork's reference names. The index is built once, at the first search, and
// the answer says which list it came from so the UI can say when the list is not the whole release.
import { BUILT_IN_ICD10CM, buildIcd10cmIndex, parseIcd10cmOrderFile, type Icd10cmIndex } from '@knotwork/core';

export interface Icd10cmListInfo {
  /** What was searched, in words (the file name of a release, or the built-in list). */
  readonly name: string;
  /** True for a whole CMS release; false for the built-in list, which is only the TPI codes. */
  readonly complete: boolean;
  readonly codes: number;
}

export interface Icd10cmSource {
  /** The index and what it holds; built on the first call. */
  open(): { readonly index: Icd10cmIndex; readonly info: Icd10cmListInfo };
}

function once<T>(build: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: build() }).v;
}

export function builtInIcd10cm(): Icd10cmSource {
  return {
    open: once(() => {
      const index = buildIcd10cmIndex(BUILT_IN_ICD10CM);
      const name = 'Knotwork’s TPI code list (REFERENCE 1.2), not the whole ICD-10-CM release';
      return { index, info: { name, complete: false, codes: index.size } };
    }),
  };
}

/**
 * The codes of a CMS order file (icd10cm-order-YYYY.txt). `read` gives the file's text; a file with
 * no usable line, or with lines out of the layout, is refused at start-up by `checkIcd10cmOrderFile`
 * rather than searched half.
 */
export function orderFileIcd10cm(name: string, read: () => string): Icd10cmSource {
  return {
    open: once(() => {
      const { entries, problems } = parseIcd10cmOrderFile(read());
      const first = problems[0];
      if (first) throw new Error(`${name} line ${first.line}: ${first.message}`);
      if (entries.length === 0) throw new Error(`${name} has no ICD-10-CM code`);
      const index = buildIcd10cmIndex(entries);
      return { index, info: { name: `CMS ICD-10-CM order file ${name}`, complete: true, codes: index.size } };
    }),
  };
}
