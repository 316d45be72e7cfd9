// The web app's build and dev server. The build runs under the server's strict Content-Security-
// Policy: no inline script or style, and no data: URLs (assets are never inlined).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = process.env['KNOTWORK_API'] ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
    reportCompressedSize: false,
    rolldownOptions: {
      // @knotwork/core is pure (its lint forbids I/O and globals): a module of it that the app does
      // not use (the screening engine) can be left out even though its top level calls functions.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]core[\\/]/.test(id) },
    },
  },
  server: {
    port: 5173,
    // `npm run dev`: the app from Vite, the API from `npm start` (same origin for cookies and CSRF).
    proxy: { '/api': { target: server, changeOrigin: false } },
  },
});
