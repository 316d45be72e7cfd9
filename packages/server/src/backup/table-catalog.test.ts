// The order tables are copied in: parents before children, ties alphabetical, a cycle refused.
import { describe, expect, it } from 'vitest';
import { dependencyOrder, quoteIdent } from './table-catalog.js';

const parents = (entries: Record<string, string[]>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k, new Set(v)]));

describe('dependencyOrder', () => {
  it('puts every table after the tables it references, and is alphabetical otherwise', () => {
    const order = dependencyOrder(
      ['visits', 'patients', 'clinics', 'users', 'notes', 'audit_log'],
      parents({ visits: ['patients', 'users'], patients: ['clinics'], users: ['clinics'], notes: ['visits', 'users'] }),
    );
    expect(order).toEqual(['audit_log', 'clinics', 'patients', 'users', 'visits', 'notes']);
  });

  it('ignores references to tables it is not copying, and refuses a cycle', () => {
    expect(dependencyOrder(['a'], parents({ a: ['elsewhere'] }))).toEqual(['a']);
    expect(() => dependencyOrder(['a', 'b'], parents({ a: ['b'], b: ['a'] }))).toThrow(/form a cycle/);
  });
});

describe('quoteIdent', () => {
  it('quotes an identifier, doubling its quotes', () => {
    expect(quoteIdent('audit_log')).toBe('"audit_log"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});
