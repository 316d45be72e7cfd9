// The HTTP edge's public surface, for src/index.ts and the CLI's `knotwork serve`.
export { buildApp, declaredRoutes, normalisePublicBaseUrl, AS_OF_HEADER, type DeclaredRoute } from './build-app.js';
export type { AppDeps, CdsClient, CdsClientRegistry, RateLimitSettings, StoredScreen, StoreScreen } from './deps.js';
export { memoryCdsClientRegistry, memoryScreenStore, staticPolicies } from './memory-deps.js';
export { ERROR_CODES, isErrorCode, problemType, type ErrorCode } from './error-codes.js';
export {
  KnotworkError,
  unwrap,
  isKnotworkError,
  type Failure,
  type Outcome,
  type ProblemIssue,
} from './knotwork-error.js';
export { PROBLEM_JSON, type ProblemBody } from './error-handler.js';
export { problemResponses, Problem, OPENAPI_PATH, DOCS_PREFIX } from './openapi.js';
export type {
  Authenticator,
  AuthMethod,
  Principal,
  CdsClientPrincipal,
  UserPrincipal,
  RouteAuth,
} from './auth/authenticate.js';
export { SESSION_COOKIE } from './auth/session-auth.js';
export { CSRF_HEADER } from './auth/csrf.js';
export { ANY_ROLE, CLINICAL_ROLES, PRESCRIBER_ROLES, ADMIN_ROLES } from './auth/roles.js';
export { CDS_JWT_ALGORITHMS } from './auth/cds-jwt.js';
export { memoryReplayCache, type ReplayCache, type ReplayClaim } from './auth/replay-cache.js';
export { discoveryDocument, TPI_SERVICE_ID, TPI_SERVICE_PATH } from './cds/discovery.js';
