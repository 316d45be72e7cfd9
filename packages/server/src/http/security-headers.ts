// Security headers on every response (helmet), with a strict Content-Security-Policy: only this
// origin's own files, no inline script or style, no plugins, never framed. The API docs page is the
// one relaxation (docsRouteOptions): Swagger UI draws its icons and logo from data: URLs.
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { RouteOptions } from 'fastify';

type Directives = Record<string, string[]>;

const STRICT_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

function csp(directives: Directives, https: boolean): NonNullable<FastifyHelmetOptions['contentSecurityPolicy']> {
  // upgrade-insecure-requests only when served over TLS: on http://<lan-address>:8080 it would
  // send every asset request to an https port nobody listens on.
  return { useDefaults: false, directives: https ? { ...directives, 'upgrade-insecure-requests': [] } : directives };
}

export function helmetOptions(options: { https: boolean }): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: csp(STRICT_DIRECTIVES, options.https),
    crossOriginEmbedderPolicy: true,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS means something only over TLS.
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  };
}

/** Swagger UI (/api/docs): the strict policy plus data: images, which its stylesheet and logo use. */
export function docsRouteOptions(route: RouteOptions, options: { https: boolean }): void {
  const directives = { ...STRICT_DIRECTIVES, 'img-src': ["'self'", 'data:'] };
  route.config = Object.assign(route.config ?? {}, {
    auth: 'public' as const,
    helmet: { ...helmetOptions(options), contentSecurityPolicy: csp(directives, options.https) },
  });
}

/**
 * Headers for the rare response that fastify sends before any hook runs (a malformed URL): no
 * resources at all may load with a problem+json body.
 */
export const FALLBACK_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};
