// The SQLSTATE of a database error, whichever driver raised it and however drizzle wrapped it
// (DrizzleQueryError keeps the driver's error as `cause`), so callers can map refusals to stable
// error codes without parsing messages.
export const SQLSTATE = {
  /** Row-level security refused a row (WITH CHECK), or the role lacks a privilege. */
  insufficientPrivilege: '42501',
  foreignKeyViolation: '23503',
  uniqueViolation: '23505',
  checkViolation: '23514',
  /** A signed or amended procedure note was updated or deleted (migration 0001). */
  finalNoteChanged: 'KW001',
  /** An audit row was updated or deleted (migration 0001). */
  auditRowChanged: 'KW002',
} as const;

export function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
