// Small helpers shared by the stores: ids that can reach SQL, the one row an insert returns, and
// the conversions between timestamptz (a Date) and the ports' epoch milliseconds or ISO strings.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids in the database are uuids; anything else names no row. Looking one up answers "not found"
 * without a query (PostgreSQL would refuse to cast it, and the refusal would abort the transaction).
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function onlyRow<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`${what}: the statement returned no row`);
  return row;
}

export const epochMs = (date: Date): number => date.getTime();

export const epochMsOrNull = (date: Date | null): number | null => (date === null ? null : date.getTime());

export const isoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** An ISO-8601 timestamp from a chart, as a Date for a timestamptz column; refuses what it cannot read. */
export function dateFromIso(value: string, what: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${what}: ${JSON.stringify(value)} is not a timestamp`);
  return date;
}

/** Omits a property whose value is null or undefined (the chart's optional fields are absent, not null). */
export function present<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return value === null || value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
