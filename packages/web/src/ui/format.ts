// How dates, ages and names read on screen: unambiguous dates (27 Nov 2026), ages at the server's
// clinical "now" (its fixed clock when there is one), names given-then-family.
import type { Identifier, Sex } from '../api/types';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** A FHIR date (YYYY, YYYY-MM, YYYY-MM-DD) or date-time, as people read it. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [y, m] = value.split('-');
    return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Number(y), Number(m) - 1, 1)),
    );
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DATE.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  if (!value.includes('T')) return formatDate(value);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DATE_TIME.format(date);
}

/** Whole years between a birth date (YYYY-MM-DD) and `at`; undefined when either is unknown. */
export function ageAt(birthDate: string | null | undefined, at: Date): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < mo || (at.getUTCMonth() + 1 === mo && at.getUTCDate() < d)) age -= 1;
  return age >= 0 ? age : undefined;
}

export function fullName(p: { readonly given: readonly string[]; readonly family: string }): string {
  return [...p.given, p.family].join(' ');
}

/** Family name first, for lists sorted by it: "HARTLEY, Margaret". */
export function listName(p: { readonly given: readonly string[]; readonly family: string }): string {
  return p.given.length ? `${p.family.toUpperCase()}, ${p.given.join(' ')}` : p.family.toUpperCase();
}

export function sexLabel(sex: Sex | null | undefined): string {
  switch (sex) {
    case 'female':
      return 'Female';
    case 'male':
      return 'Male';
    case 'other':
      return 'Other';
    case 'unknown':
      return 'Unknown';
    case null:
    case undefined:
      return 'Not recorded';
  }
}

/** A short label for an identifier's system: the last path segment of its URI ("mrn"). */
export function identifierLabel(identifier: Identifier): string {
  const tail =
    identifier.system
      .replace(/[/#]+$/, '')
      .split(/[/#:]/)
      .pop() ?? identifier.system;
  if (/mrn/i.test(tail)) return 'MRN';
  return tail.length <= 12 ? tail.toUpperCase() : 'ID';
}

/** Today's date (YYYY-MM-DD) at `at`, for date inputs' defaults and maxima. */
export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}
