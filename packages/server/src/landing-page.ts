// GET /: what this server is, how to try it, and where its parts are, until the web app is served
// from here. The stylesheet is a file of its own: the Content-Security-Policy allows no inline style.
import type { FastifyInstance } from 'fastify';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo/index.js';
import type { Clock } from './clock.js';

const CSS = `
:root { color-scheme: light dark; --ink: #1d2733; --muted: #5b6673; --accent: #0b6e69; --card: #f4f7f8; }
@media (prefers-color-scheme: dark) { :root { --ink: #e8edf1; --muted: #a9b4bf; --accent: #5cc8c0; --card: #1c252e; } body { background: #111820; } }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 3rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; letter-spacing: -.01em; }
h1 span { color: var(--accent); }
.lead { color: var(--muted); margin: 0 0 1.5rem; font-size: 1.1rem; }
.asof { background: #fff4d6; color: #5a4300; border-radius: .5rem; padding: .5rem .75rem; }
section { background: var(--card); border-radius: .75rem; padding: 1rem 1.25rem; margin: 1rem 0; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem .3rem 0; }
code { font-size: .95em; }
a { color: var(--accent); }
footer { color: var(--muted); font-size: .9rem; margin-top: 2rem; }
`;

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

export function registerLandingPage(
  app: FastifyInstance,
  options: { clock: Clock; databaseKind: 'pglite' | 'postgres'; demo: boolean },
): void {
  const fixed =
    options.clock.fixedAt === undefined
      ? ''
      : `<p class="asof" role="status">The clock is fixed at ${new Date(options.clock.fixedAt).toISOString()} (<code>--as-of</code>): every screen uses this time.</p>`;
  const logins = options.demo
    ? `<section aria-labelledby="demo"><h2 id="demo">Demo clinic logins</h2>
<table><thead><tr><th scope="col">Email</th><th scope="col">Role</th></tr></thead><tbody>
${DEMO_LOGINS.map((l) => `<tr><td><code>${escape(l.email)}</code></td><td>${escape(l.role)}</td></tr>`).join('\n')}
</tbody></table><p>Password for each: <code>${escape(DEMO_PASSWORD)}</code></p></section>`
    : '';
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Knotwork</title><link rel="stylesheet" href="/landing.css"></head>
<body><main>
<h1>Knot<span>work</span></h1>
<p class="lead">Trigger point injection services: screening, dose limits, coding, the procedure note and outcomes.</p>
${fixed}
<section aria-labelledby="try"><h2 id="try">Try it</h2>
<ol>
<li>Open the <a href="/api/docs">API documentation</a> and sign in with <code>POST /api/session</code>.</li>
<li>Find a patient with <code>GET /api/patients?name=hartley</code>, start a visit, and screen a plan with
<code>POST /api/visits/{id}/screens</code>. Writes carry the <code>X-CSRF-Token</code> that sign-in returns.</li>
<li>EHRs call the <a href="/cds-services">CDS Hooks service</a> <code>tpi-screening</code> with a signed JWT
(register one with <code>knotwork cds-client add</code>).</li>
</ol>
<p>The clinician's web app is being built; this page stands in for it.</p></section>
${logins}
<footer>Database: ${options.databaseKind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'} ·
<a href="/api/openapi.json">OpenAPI 3.1</a></footer>
</main></body></html>`;
  app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
  app.get('/landing.css', { config: { auth: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(CSS),
  );
}
