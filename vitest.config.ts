import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources; the CLI's end-to-end tests run the built JavaScript.
    alias: { '@knotwork/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/web/src/**/*.test.tsx', 'packages/web/e2e/**/*.test.ts'],
    pool: 'threads',
    maxWorkers: 2,
    // Integration tests start PGlite (WebAssembly PostgreSQL, a few seconds cold) or a server:
    // generous limits keep a loaded 2-core CI machine from failing them on time alone.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
