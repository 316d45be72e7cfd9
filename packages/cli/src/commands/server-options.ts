// Where the server's data lives, from options and the environment (issue 3, item 1):
// --data-dir or KNOTWORK_DATA_DIR (default ./data) for PGlite, DATABASE_URL for PostgreSQL.
import { resolve } from 'node:path';

export interface DataOptions {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
}

export function dataOptions(values: { 'data-dir'?: string | undefined }, env: NodeJS.ProcessEnv): DataOptions | string {
  const databaseUrl = env['DATABASE_URL']?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return 'DATABASE_URL must be a postgres:// or postgresql:// URL';
  }
  return { dataDir: resolve(values['data-dir'] ?? env['KNOTWORK_DATA_DIR'] ?? 'data'), databaseUrl };
}

export const DATA_HELP = `  --data-dir DIR      where the embedded database lives (default: $KNOTWORK_DATA_DIR or ./data)

Environment:
  DATABASE_URL        postgres://user@host:5432/db to use PostgreSQL 15+ instead of the embedded database
  KNOTWORK_DATA_DIR   the data folder, as --data-dir
  KNOTWORK_ICD10CM_ORDER_FILE  a CMS ICD-10-CM order file (icd10cm-order-YYYY.txt) for the code search;
                      without it the search knows only the built-in TPI code list`;
