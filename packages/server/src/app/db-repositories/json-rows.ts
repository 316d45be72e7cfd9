// Rows read as JSON (to_json / json_agg of whole rows, keyed by column name) turned back into the
// rows drizzle's select would return: property names, Dates for timestamptz, numbers, strings.
import { getTableColumns, type Column, type Table } from 'drizzle-orm';

interface ColumnReader {
  readonly key: string;
  readonly name: string;
  /** Undefined for json and jsonb: the value is already decoded. */
  readonly decode: ((value: unknown) => unknown) | undefined;
}

const readers = new WeakMap<Table, readonly ColumnReader[]>();

/** Each table's columns, looked up once (a chart read maps some seventy rows). */
function readersOf(table: Table): readonly ColumnReader[] {
  let list = readers.get(table);
  if (list === undefined) {
    list = Object.entries(getTableColumns(table)).map(([key, column]: [string, Column]) => ({
      key,
      name: column.name,
      decode:
        column.columnType === 'PgJson' || column.columnType === 'PgJsonb'
          ? undefined
          : (value: unknown) => column.mapFromDriverValue(value),
    }));
    readers.set(table, list);
  }
  return list;
}

/**
 * Each JSON object as `table`'s selected row. A column's JSON value goes through the column's own
 * decoding (timestamptz text to a Date, as the drivers hand drizzle text); json and jsonb values are
 * already decoded, and null stays null, as in drizzle's select.
 */
export function jsonRowsOf<T extends Table>(table: T, objects: unknown): T['$inferSelect'][] {
  const columns = readersOf(table);
  return (objects as Record<string, unknown>[]).map((object) => {
    const row: Record<string, unknown> = {};
    for (const { key, name, decode } of columns) {
      const value = object[name];
      row[key] = value === null || value === undefined ? null : decode === undefined ? value : decode(value);
    }
    return row;
  });
}
