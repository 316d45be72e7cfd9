// ERRORS.md and the ERROR_CODES table say the same thing, row for row (the fastify pattern:
// lib/errors.js and test/internals/errors.test.js).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode, problemType } from './error-codes.js';
import { Problem } from './openapi.js';

const doc = readFileSync(new URL('./ERRORS.md', import.meta.url), 'utf8');
const rows = doc
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => {
    const cells = line
      .slice(1, -1)
      .split(' | ')
      .map((c) => c.trim());
    const [code, status, title, ...when] = cells;
    return { code: code?.replace(/`/g, ''), status: Number(status), title, when: when.join(' | ') };
  });

describe('ERRORS.md', () => {
  it('lists every code of the table, in order, with its status, title and when', () => {
    const table = Object.entries(ERROR_CODES).map(([code, e]) => ({
      code,
      status: e.status,
      title: e.title,
      when: e.when,
    }));
    expect(rows).toEqual(table);
  });
});

describe('ERROR_CODES', () => {
  it('uses kebab-case codes and client or server error statuses', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.status).toBeLessThan(600);
    }
  });
  it('gives each code a problem type URI and recognises its own codes', () => {
    expect(problemType('not-found')).toBe('https://knotwork.dev/problems/not-found');
    expect(isErrorCode('rate-limited')).toBe(true);
    expect(isErrorCode('teapot')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('problem extension members', () => {
  it('ERRORS.md documents every member the Problem schema adds to RFC 9457 (errors, blockers)', () => {
    const standard = new Set(['type', 'title', 'status', 'detail', 'instance']);
    const members = Object.keys(Problem.shape).filter((k) => !standard.has(k) && k !== 'code');
    expect(members).toEqual(['errors', 'blockers']);
    const documented = doc.split('\n').flatMap((line) => /^- `([a-z]+)`, with /.exec(line)?.slice(1) ?? []);
    expect(documented).toEqual(members);
  });
});
