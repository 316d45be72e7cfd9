// Rows read as JSON (json_build_object of chosen columns, keyed by column name) turned back into
// the rows drizzle's select would return: property names, Dates for timestamptz, numbers, strings.
import { getTableColumns, sql, type Column, type SQL, type Table } from 'drizzle-orm';

interface ColumnReader {
  readonly key: string;
  readonly name: string;
  /** Undefined for json and jsonb: the value is already decoded. */
  readonly decode: ((value: unknown) => unknown) | undefined;
}

const readers = new WeakMap<Table, readonly ColumnReader[]>();

/** Each table's columns with their decoding, looked up once per table. */
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
 * A reader of `table`'s rows as JSON objects holding only the columns `keys` (property names):
 * `select` is the SQL json_build_object of those columns (keyed by column name, as to_json keys
 * them) and `read` turns each object back into (that part of) the row drizzle's select would
 * return: a column's JSON value goes through the column's own decoding (timestamptz text to a
 * Date, as the drivers hand drizzle text); json and jsonb values are already decoded, and null
 * stays null.
 */
export function jsonColumnsOf<T extends Table, K extends keyof T['$inferSelect'] & string>(
  table: T,
  keys: readonly K[],
): { readonly select: SQL; read(objects: unknown): Pick<T['$inferSelect'], K>[] } {
  const wanted = new Set<string>(keys);
  const columns = readersOf(table).filter((c) => wanted.has(c.key));
  const all = getTableColumns(table);
  const select = sql`json_build_object(${sql.join(
    columns.map((c) => sql`${sql.raw(`'${c.name}'`)}, ${all[c.key]}`),
    sql`, `,
  )})`;
  return {
    select,
    read: (objects) =>
      (objects as Record<string, unknown>[]).map((object) => {
        const row: Record<string, unknown> = {};
        for (const { key, name, decode } of columns) {
          const value = object[name];
          row[key] = value === null || value === undefined ? null : decode === undefined ? value : decode(value);
        }
        return row as Pick<T['$inferSelect'], K>;
      }),
  };
}
