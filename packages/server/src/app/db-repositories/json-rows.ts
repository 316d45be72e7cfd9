// Rows read as JSON (to_json / json_agg of whole rows, keyed by column name) turned back into the
// rows drizzle's select would return: property names, Dates for timestamptz, numbers, strings.
import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * Each JSON object as `table`'s selected row. A column's JSON value goes through the column's own
 * decoding (timestamptz text to a Date, as the drivers hand drizzle text); json and jsonb values are
 * already decoded, and null stays null, as in drizzle's select.
 */
export function jsonRowsOf<T extends Table>(table: T, objects: unknown): T['$inferSelect'][] {
  const columns = Object.entries(getTableColumns(table));
  return (objects as Record<string, unknown>[]).map((object) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = object[column.name];
      row[key] =
        value === null || value === undefined
          ? null
          : column.columnType === 'PgJson' || column.columnType === 'PgJsonb'
            ? value
            : column.mapFromDriverValue(value);
    }
    return row;
  });
}
