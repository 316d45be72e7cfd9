// Links audit rows into a hash chain after the fact, and checks it (issue 3, item 5;
// `knotwork audit verify`). Requests only insert rows with their own hash; one sealer at a time
// (an advisory lock) gives unsealed rows the next chain positions in id order. A row that commits
// after a later id was sealed simply gets a later position: the chain order is chain_seq, not id.
import { asc, desc, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { auditChainHash, auditRowHash, GENESIS_CHAIN_HASH } from './audit-hash.js';
import type { Database, KnotworkTx } from './database.js';
import { auditLog } from './schema.js';

const SEAL_LOCK_KEY = 0x6b6e6f75; // one sealer at a time, across processes

export interface SealResult {
  readonly sealed: number;
  /** True when the batch was full: call again to seal the rest. */
  readonly more: boolean;
}

/** Seals up to `batch` unsealed rows (default 1000), as system. */
export async function sealAuditChain(database: Database, options: { batch?: number } = {}): Promise<SealResult> {
  const batch = options.batch ?? 1000;
  return database.asSystem(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK_KEY})`);
    const [tip] = await tx
      .select({ seq: auditLog.chainSeq, chainHash: auditLog.chainHash })
      .from(auditLog)
      .where(isNotNull(auditLog.chainSeq))
      .orderBy(desc(auditLog.chainSeq))
      .limit(1);
    const rows = await tx
      .select({ id: auditLog.id, rowHash: auditLog.rowHash })
      .from(auditLog)
      .where(isNull(auditLog.chainSeq))
      .orderBy(asc(auditLog.id))
      .limit(batch);
    if (rows.length === 0) return { sealed: 0, more: false };
    let seq = tip?.seq ?? 0;
    let previous = tip?.chainHash ?? GENESIS_CHAIN_HASH;
    const links = rows.map((row) => {
      seq += 1;
      previous = auditChainHash(previous, row.rowHash);
      return sql`(${row.id}::bigint, ${seq}::bigint, ${previous}::text)`;
    });
    await tx.execute(sql`
      update audit_log set chain_seq = link.seq, chain_hash = link.hash, sealed_at = now()
      from (values ${sql.join(links, sql`, `)}) as link(id, seq, hash)
      where audit_log.id = link.id`);
    return { sealed: rows.length, more: rows.length === batch };
  });
}

export type AuditChainProblemCode = 'row-hash-mismatch' | 'chain-hash-mismatch' | 'chain-seq-gap';

export interface AuditChainProblem {
  readonly code: AuditChainProblemCode;
  readonly rowId: number;
  readonly chainSeq: number | null;
  /** What the row holds and what it should hold (hashes; for a gap, the sequence numbers). */
  readonly stored: string;
  readonly expected: string;
}

/** The last sealed link: record it elsewhere (a log line, a ticket) to detect truncation later. */
export interface AuditChainHead {
  readonly chainSeq: number;
  readonly chainHash: string;
}

export type AuditVerification =
  | {
      readonly ok: true;
      readonly rows: number;
      readonly sealed: number;
      readonly unsealed: number;
      readonly head: AuditChainHead | null;
    }
  | { readonly ok: false; readonly checked: number; readonly problem: AuditChainProblem };

type Row = typeof auditLog.$inferSelect;

function rowHashOf(row: Row): string {
  return auditRowHash({ ...row, at: row.at.getTime() });
}

function problem(code: AuditChainProblemCode, row: Row, stored: string, expected: string): AuditChainProblem {
  return { code, rowId: row.id, chainSeq: row.chainSeq, stored, expected };
}

const PAGE = 1000;

/**
 * Recomputes every row's hash and, along chain_seq, every link; returns the first broken one. What
 * it cannot see by itself: sealed rows cut off the end (compare `head` with one recorded earlier),
 * or rows deleted before they were sealed (seal often).
 */
export async function verifyAuditChain(database: Database): Promise<AuditVerification> {
  return database.asSystem(async (tx) => {
    let checked = 0;
    let seq = 0;
    let previous = GENESIS_CHAIN_HASH;
    for (;;) {
      const page = await tx
        .select()
        .from(auditLog)
        .where(gt(auditLog.chainSeq, seq))
        .orderBy(asc(auditLog.chainSeq))
        .limit(PAGE);
      for (const row of page) {
        const rowHash = rowHashOf(row);
        if (rowHash !== row.rowHash) {
          return { ok: false, checked, problem: problem('row-hash-mismatch', row, row.rowHash, rowHash) };
        }
        if (row.chainSeq !== seq + 1) {
          return { ok: false, checked, problem: problem('chain-seq-gap', row, String(row.chainSeq), String(seq + 1)) };
        }
        const chainHash = auditChainHash(previous, rowHash);
        if (chainHash !== row.chainHash) {
          return { ok: false, checked, problem: problem('chain-hash-mismatch', row, row.chainHash ?? '', chainHash) };
        }
        seq += 1;
        previous = chainHash;
        checked += 1;
      }
      if (page.length < PAGE) break;
    }
    const unsealed = await verifyUnsealed(tx);
    if (!unsealed.ok) return { ok: false, checked: checked + unsealed.checked, problem: unsealed.problem };
    const head = seq === 0 ? null : { chainSeq: seq, chainHash: previous };
    return { ok: true, rows: checked + unsealed.checked, sealed: checked, unsealed: unsealed.checked, head };
  });
}

async function verifyUnsealed(
  tx: KnotworkTx,
): Promise<{ ok: true; checked: number } | { ok: false; checked: number; problem: AuditChainProblem }> {
  let checked = 0;
  let lastId = 0;
  for (;;) {
    const page = await tx
      .select()
      .from(auditLog)
      .where(sql`${auditLog.chainSeq} is null and ${auditLog.id} > ${lastId}`)
      .orderBy(asc(auditLog.id))
      .limit(PAGE);
    for (const row of page) {
      const rowHash = rowHashOf(row);
      if (rowHash !== row.rowHash) {
        return { ok: false, checked, problem: problem('row-hash-mismatch', row, row.rowHash, rowHash) };
      }
      checked += 1;
      lastId = row.id;
    }
    if (page.length < PAGE) return { ok: true, checked };
  }
}
