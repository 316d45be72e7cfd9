import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditChainHash, auditRowHash, canonicalJson, GENESIS_CHAIN_HASH, type AuditRowContent } from './audit-hash.js';

const row: AuditRowContent = {
  clinicId: '6f1c1f0e-3c4b-4e2a-9d43-0a4c1e1c0001',
  actor: 'user-1',
  actorKind: 'user',
  action: 'note.sign',
  entity: 'Procedure/1',
  patientId: null,
  at: 1741083330123,
  fromAddress: '10.0.0.1',
  outcome: 'success',
  detail: { b: [1, { d: 2, c: 3 }], a: 'x' },
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: 3 }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":3,"d":2}]}');
  });

  it('drops undefined properties and applies toJSON, as the stored jsonb will', () => {
    expect(canonicalJson({ a: undefined, t: new Date(0) })).toBe('{"t":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('audit hashes', () => {
  it('does not depend on the key order of the detail', () => {
    expect(auditRowHash(row)).toBe(auditRowHash({ ...row, detail: { a: 'x', b: [1, { c: 3, d: 2 }] } }));
  });

  it('changes with any field', () => {
    const base = auditRowHash(row);
    expect(auditRowHash({ ...row, at: row.at + 1 })).not.toBe(base);
    expect(auditRowHash({ ...row, outcome: 'denied' })).not.toBe(base);
    expect(auditRowHash({ ...row, detail: { a: 'y', b: [1, { c: 3, d: 2 }] } })).not.toBe(base);
    expect(auditRowHash({ ...row, actor: null })).not.toBe(base);
  });

  it('chains SHA-256 over the previous chain digest and the row digest, from 32 zero bytes', () => {
    const rowHash = auditRowHash(row);
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.alloc(32), Buffer.from(rowHash, 'hex')]))
      .digest('hex');
    expect(auditChainHash(GENESIS_CHAIN_HASH, rowHash)).toBe(expected);
  });
});
