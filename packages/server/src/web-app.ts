// The clinician's web app (packages/web, issue 4), served from its production build: hashed assets
// under /assets (cached for a year: their names change with their content, and they hold no patient
// data), the few files of its public folder, and index.html for every other GET a browser makes for a
// page (the app routes itself). /api, /cds-services and /fhir never fall back to the page: their
// unknown paths stay problem+json 404s. The strict Content-Security-Policy applies unchanged: the
// build has no inline script or style.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** packages/web/dist, from this file in packages/server/src or packages/server/dist alike. */
export const WEB_BUILD_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const NOT_THE_APP = /^\/(api|cds-services|fhir)(\/|$)/;

/** True when the folder holds a production build of the web app. */
export function hasWebBuild(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

function wantsPage(request: FastifyRequest): boolean {
  const path = request.url.split('?', 1)[0] ?? '';
  return !NOT_THE_APP.test(path) && (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the build in `dir` at `/`. Call it only when hasWebBuild(dir); otherwise the landing page
 * stands in for the app.
 */
export async function registerWebApp(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyStatic, { root: dir, serve: false });
  const route = { config: { auth: 'public' as const }, schema: { hide: true } };
  const sendPage = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').sendFile('index.html', dir, { cacheControl: false });

  app.get('/assets/*', route, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply.sendFile(file, join(dir, 'assets'), { maxAge: '365d', immutable: true });
  });
  // The public folder's files (favicon, manifest), known at start: nothing else is served from the root.
  const rootFiles = readdirSync(dir).filter((name) => name !== 'index.html' && statSync(join(dir, name)).isFile());
  for (const name of rootFiles) {
    app.get(`/${name}`, route, (_request, reply) => reply.sendFile(name, dir, { maxAge: '1d' }));
  }
  app.get('/', route, (_request, reply) => sendPage(reply));
  app.get('/*', route, (request, reply) => (wantsPage(request) ? sendPage(reply) : reply.callNotFound()));
}
