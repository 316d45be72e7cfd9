// ETags of versioned records (a patient's revision, a setting's version) as `"<n>"`, and the
// conditional headers read against them (RFC 9110 section 13): If-None-Match on reads (304),
// If-Match required on updates (428 without it, 412 when it names a version that is not current).
import { KnotworkError } from '../knotwork-error.js';

export const etagOf = (version: number): string => `"${version}"`;

const TAG = /^(W\/)?"([^"]*)"$/;

function tags(header: string): { weak: boolean; value: string }[] | undefined {
  const found: { weak: boolean; value: string }[] = [];
  for (const part of header.split(',')) {
    const match = TAG.exec(part.trim());
    if (!match) return undefined;
    found.push({ weak: match[1] !== undefined, value: match[2] ?? '' });
  }
  return found;
}

/** The versions an If-Match names (strong comparison: weak tags match nothing). */
export function ifMatchVersions(header: string | undefined): number[] {
  if (header === undefined || header.trim() === '') {
    throw new KnotworkError('precondition-required', 'send If-Match with the ETag of the version you read');
  }
  if (header.trim() === '*') {
    throw new KnotworkError('precondition-required', 'If-Match must name the ETag of the version you read, not *');
  }
  const parsed = tags(header);
  if (!parsed) {
    throw new KnotworkError('validation-failed', 'If-Match is not a list of entity tags', {
      errors: [{ path: 'headers.if-match', message: 'expected "<version>", e.g. "3"' }],
    });
  }
  return parsed.filter((t) => !t.weak && /^\d+$/.test(t.value)).map((t) => Number(t.value));
}

/** True when If-None-Match names the current ETag (weak comparison) or is `*`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return (tags(header) ?? []).some((t) => `"${t.value}"` === etag);
}
