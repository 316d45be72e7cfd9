// GET /: what this server is and where its parts are, until the web app is served from here.
import type { FastifyInstance } from 'fastify';
import type { Clock } from './clock.js';

export function registerLandingPage(
  app: FastifyInstance,
  options: { clock: Clock; databaseKind: 'pglite' | 'postgres' },
): void {
  const fixed =
    options.clock.fixedAt === undefined
      ? ''
      : `<p class="asof">Clock fixed at ${new Date(options.clock.fixedAt).toISOString()} (--as-of).</p>`;
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Knotwork</title></head>
<body>
<main>
<h1>Knotwork</h1>
<p>Trigger point injection services: screening, dose limits, coding, the procedure note and outcomes.</p>
${fixed}
<ul>
<li><a href="/api/docs">API documentation</a> (OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a>)</li>
<li><a href="/cds-services">CDS Hooks discovery</a>: the <code>tpi-screening</code> service for EHRs</li>
</ul>
<p>Database: ${options.databaseKind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'}.</p>
</main>
</body></html>`;
  app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
}
