// What the HTTP edge needs from the rest of the server, as interfaces, so that the database layer
// plugs in later and tests pass in-memory twins (memory-deps.ts).
import type { CdsCard, ScreeningPolicy, ScreenTrace, Verdict } from '@knotwork/core';
import type { FastifyServerOptions } from 'fastify';
import type { JSONWebKeySet } from 'jose';
import type { SessionPolicy } from '../app/auth/auth-ports.js';
import type { Repositories } from '../app/ports.js';
import type { Icd10cmSource } from '../app/reference/icd10cm-source.js';
import type { AuditEvent, AuditSink } from '../audit-event.js';
import type { Clock } from '../clock.js';
import type { ReplayCache } from './auth/replay-cache.js';

/** An EHR registered to call the CDS Hooks service (CDS Hooks 2.0 "Trusting CDS Clients"). */
export interface CdsClient {
  /** The JWT `iss` the client signs with. */
  readonly issuer: string;
  readonly clinicId: string;
  /** The client's public keys; its JWTs must verify against one of them. */
  readonly jwks: JSONWebKeySet;
  /** A deactivated client is refused, whatever its keys. */
  readonly active: boolean;
}

export interface CdsClientRegistry {
  find(issuer: string): Promise<CdsClient | undefined>;
}

/** One screen as the CDS Hooks service ran it, for the screens table (issue 3, item 2). */
export interface StoredScreen {
  readonly clinicId: string;
  /** The CDS client's issuer. */
  readonly client: string;
  readonly hookInstance: string | undefined;
  /** The CDS Hooks request exactly as received. */
  readonly request: unknown;
  readonly cards: readonly CdsCard[];
  readonly verdict: Verdict;
  readonly policyVersion: string;
  /** The server clock's "now" the screen was run at (epoch ms). */
  readonly asOf: number;
  readonly trace: ScreenTrace;
}

/**
 * Saves a screen and its audit event together, in one transaction (GUIDE.md habit 10). Without it
 * the audit event alone goes to `AppDeps.audit`.
 */
export type StoreScreen = (screen: StoredScreen, audit: AuditEvent) => Promise<void>;

export interface RateLimitSettings {
  /** Apply `max` per `timeWindow` to every route; routes may still set their own limit. */
  readonly global: boolean;
  readonly max: number;
  readonly timeWindow: number | string;
}

export interface AppDeps {
  /** The clinical "now" (`knotwork serve --as-of` fixes it): every screen's asOf. */
  readonly clock: Clock;
  readonly audit: AuditSink;
  readonly cdsClients: CdsClientRegistry;
  /** The screening policy a clinic screens with (its current version). */
  policyFor(clinicId: string): Promise<ScreeningPolicy>;
  /** Where clients reach this server, e.g. `https://tpi.example.org`; JWT `aud` values are built on it. */
  readonly publicBaseUrl: string;
  readonly storeScreen?: StoreScreen;
  readonly logger?: FastifyServerOptions['logger'];
  /** Largest accepted body in bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** Largest CDS Hooks request in bytes: prefetch carries the patient's record (default 8 MiB). */
  readonly cdsBodyLimit?: number;
  /**
   * Real time for security checks (JWT exp/iat, replay cache, audit `at`), default Date.now. Kept
   * apart from `clock`: a server whose clinical clock is fixed must still refuse expired tokens.
   */
  readonly wallClock?: () => number;
  readonly replayCache?: ReplayCache;
  /** fastify's trustProxy: set it behind a reverse proxy so `from` is the client's address. */
  readonly trustProxy?: FastifyServerOptions['trustProxy'];
  /** Default: no global limit; routes such as login set their own. */
  readonly rateLimit?: RateLimitSettings;
  /**
   * The clinic's storage (sessions, patients, visits, screens, settings, audit). With it the clinic
   * API under /api and cookie sessions are served; without it only the CDS Hooks routes are.
   */
  readonly repos?: Repositories;
  /** Idle and absolute session expiry, lockout (default DEFAULT_SESSION_POLICY). */
  readonly sessionPolicy?: SessionPolicy;
  /** Sign-in attempts per address (default 10 a minute). */
  readonly loginRateLimit?: { readonly max: number; readonly timeWindow: number | string };
  /** Ids for sessions, screens and overrides (default crypto.randomUUID). */
  readonly newId?: () => string;
  /** The ICD-10-CM list the reference search uses (default: the built-in TPI list). */
  readonly icd10cm?: Icd10cmSource;
  /** Where Bulk Data export jobs keep their files (KNOTWORK_DATA_DIR/exports; a temporary folder if absent). */
  readonly exportDir?: string;
}
