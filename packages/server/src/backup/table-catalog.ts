// The tables a backup holds, read from the database's own catalogue rather than listed by hand, so
// a table added by a later migration is backed up without anyone remembering to: every table of the
// public schema, its columns and types, its primary key, the clinic column a one-clinic backup
// filters on, and the foreign keys that fix the order (parents first).
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/append-audit.js';
import type { KnotworkTx } from '../db/index.js';

export interface CatalogColumn {
  readonly name: string;
  readonly type: string;
  /** Filled from a sequence (identity or serial): the sequence follows the restored rows. */
  readonly sequence: string | null;
}

export interface SelfReference {
  readonly columns: readonly string[];
  readonly references: readonly string[];
}

export interface CatalogTable {
  readonly name: string;
  /** Stored columns in table order (generated columns are left out: the database recomputes them). */
  readonly columns: readonly CatalogColumn[];
  readonly primaryKey: readonly string[];
  /** How a one-clinic backup picks the table's rows; null: the table has no clinic. */
  readonly clinicColumn: 'clinic_id' | 'id' | null;
  /** Foreign keys to the table itself (a note amending an earlier version): parents go in first. */
  readonly selfReferences: readonly SelfReference[];
}

const CLINICS_TABLE = 'clinics';

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

interface ColumnRow {
  table: string;
  column: string;
  type: string;
  sequence: string | null;
}
interface KeyRow {
  table: string;
  columns: string;
}
interface ForeignKeyRow {
  table: string;
  referenced: string;
  columns: string;
  references: string;
}

/** Reads the catalogue in the caller's transaction. Throws on a cycle of foreign keys between tables. */
export async function readTableCatalog(tx: KnotworkTx): Promise<CatalogTable[]> {
  const columns = rowsOf<ColumnRow>(
    await tx.execute(sql`
      select c.relname as "table", a.attname as "column", format_type(a.atttypid, a.atttypmod) as "type",
        pg_get_serial_sequence(format('public.%I', c.relname), a.attname) as "sequence"
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by c.relname, a.attnum`),
  );
  const keys = rowsOf<KeyRow>(
    await tx.execute(sql`
      select c.relname as "table",
        (select json_agg(a.attname order by k.i)::text
           from unnest(i.indkey::int2[]) with ordinality as k(num, i)
           join pg_attribute a on a.attrelid = c.oid and a.attnum = k.num) as "columns"
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and i.indisprimary`),
  );
  const foreignKeys = rowsOf<ForeignKeyRow>(
    await tx.execute(sql`
      select c.relname as "table", r.relname as "referenced",
        (select json_agg(a.attname order by k.i)::text
           from unnest(con.conkey) with ordinality as k(num, i)
           join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num) as "columns",
        (select json_agg(a.attname order by k.i)::text
           from unnest(con.confkey) with ordinality as k(num, i)
           join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num) as "references"
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_class r on r.oid = con.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and con.contype = 'f'`),
  );

  const byTable = new Map<string, CatalogColumn[]>();
  for (const row of columns) {
    const list = byTable.get(row.table) ?? [];
    list.push({ name: row.column, type: row.type, sequence: row.sequence });
    byTable.set(row.table, list);
  }
  const primaryKeys = new Map(keys.map((k) => [k.table, JSON.parse(k.columns) as string[]]));
  const parents = new Map<string, Set<string>>();
  const selfReferences = new Map<string, SelfReference[]>();
  for (const fk of foreignKeys) {
    if (fk.table === fk.referenced) {
      const list = selfReferences.get(fk.table) ?? [];
      list.push({ columns: JSON.parse(fk.columns) as string[], references: JSON.parse(fk.references) as string[] });
      selfReferences.set(fk.table, list);
    } else {
      const set = parents.get(fk.table) ?? new Set<string>();
      set.add(fk.referenced);
      parents.set(fk.table, set);
    }
  }
  return dependencyOrder([...byTable.keys()], parents).map((name) => {
    const cols = byTable.get(name) ?? [];
    const clinicColumn =
      name === CLINICS_TABLE ? 'id' : cols.some((c) => c.name === 'clinic_id') ? ('clinic_id' as const) : null;
    return {
      name,
      columns: cols,
      primaryKey: primaryKeys.get(name) ?? [],
      clinicColumn,
      selfReferences: selfReferences.get(name) ?? [],
    };
  });
}

/** Parents before children; among tables free to go, alphabetical, so the order is the same everywhere. */
export function dependencyOrder(
  tables: readonly string[],
  parents: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const pending = [...tables].sort();
  while (pending.length > 0) {
    const next = pending.findIndex((t) => [...(parents.get(t) ?? [])].every((p) => done.has(p) || !tables.includes(p)));
    if (next === -1)
      throw new Error(`the foreign keys of ${pending.join(', ')} form a cycle: no order to copy them in`);
    const [table] = pending.splice(next, 1) as [string];
    done.add(table);
    order.push(table);
  }
  return order;
}
