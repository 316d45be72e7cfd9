// Reads the CMS/NCHS ICD-10-CM order file (icd10cm-order-YYYY.txt, public domain), the one file of
// the yearly release that lists every code and header with its title. Fixed-width layout, as the
// release's "ICD-10-CM and ICD-10-PCS Order Files" description gives it (1-based columns):
//   1-5 order number, 7-13 code without its dot, 15 "1" valid for HIPAA transactions (billable)
//   or "0" header, 17-76 short title, 78- long title.
// Lines that do not have this shape are returned as problems with their line number, not skipped
// silently.

export interface Icd10cmEntry {
  /** Dotted, upper case (M79.18). */
  readonly code: string;
  /** Valid for HIPAA-covered transactions; false for a header that needs a more specific code. */
  readonly billable: boolean;
  readonly title: string;
}

export interface OrderFileResult {
  readonly entries: readonly Icd10cmEntry[];
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

const CODE = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/;

export function dottedIcd10(bare: string): string {
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}

export function parseIcd10cmOrderFile(text: string): OrderFileResult {
  const entries: Icd10cmEntry[] = [];
  const problems: { line: number; message: string }[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const code = line.slice(6, 13).trim();
    const flag = line.charAt(14);
    const short = line.slice(16, 76).trim();
    const long = line.slice(77).trim();
    if (!/^\d{5}$/.test(line.slice(0, 5)) || !CODE.test(code) || (flag !== '0' && flag !== '1')) {
      problems.push({ line: i + 1, message: `not an order-file line: "${line.slice(0, 40)}"` });
      return;
    }
    const title = long || short;
    if (title === '') {
      problems.push({ line: i + 1, message: `${dottedIcd10(code)} has no title` });
      return;
    }
    entries.push({ code: dottedIcd10(code), billable: flag === '1', title });
  });
  return { entries, problems };
}
