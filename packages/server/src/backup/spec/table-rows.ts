// Every table's rows as PostgreSQL prints them (the whole row's text form, so a jsonb 'null' and an
// SQL NULL, or two timestamps a microsecond apart, differ), in primary-key order: what the round-trip
// tests compare between the source and the restored database.
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/append-audit.js';
import type { Database } from '../../db/index.js';
import { setExactTextForms } from '../backup-database.js';
import { quoteIdent, readTableCatalog } from '../table-catalog.js';

export interface TableRowsOptions {
  /** Only this clinic's rows (tables without a clinic column are left out). */
  readonly clinicId?: string;
  /** Columns to leave out, by table. */
  readonly without?: Readonly<Record<string, readonly string[]>>;
}

export async function tableRows(database: Database, options: TableRowsOptions = {}): Promise<Record<string, string[]>> {
  return database.asSystem(async (tx) => {
    await setExactTextForms(tx);
    const result: Record<string, string[]> = {};
    for (const table of await readTableCatalog(tx)) {
      if (options.clinicId !== undefined && table.clinicColumn === null) continue;
      const skip = options.without?.[table.name] ?? [];
      const columns = table.columns.filter((c) => !skip.includes(c.name)).map((c) => quoteIdent(c.name));
      const where =
        options.clinicId === undefined || table.clinicColumn === null
          ? sql``
          : sql`where ${sql.raw(quoteIdent(table.clinicColumn))} = ${options.clinicId}::uuid`;
      const order = table.primaryKey.length > 0 ? `order by ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
      const rows = rowsOf<{ line: string }>(
        await tx.execute(
          sql`select row(${sql.raw(columns.join(', '))})::text as line from public.${sql.raw(quoteIdent(table.name))} ${where} ${sql.raw(order)}`,
        ),
      );
      result[table.name] = rows.map((r) => r.line);
    }
    return result;
  });
}
