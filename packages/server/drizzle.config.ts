// drizzle-kit reads the schema and writes SQL migrations next to it; the same folder serves PGlite
// and PostgreSQL (src/db/migrate.ts). Generate with `npx drizzle-kit generate` from this folder;
// hand-written SQL with `npx drizzle-kit generate --custom --name=<what>`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
  strict: true,
  verbose: true,
});
