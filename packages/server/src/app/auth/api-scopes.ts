// The scopes an API token can carry (issue 3, item 3: "scoped"): a fixed list, so a token's power is
// read off its scopes. A route that accepts tokens names the scopes it accepts in `config.scopes`
// (http/auth/scopes.ts); a token needs one of them. Adding a scope: a row here, then the routes.
// charts:write: an EHR's FHIR import (POST /fhir/R4) creating or updating patients and charts.
export const API_SCOPES = ['patients:read', 'charts:read', 'charts:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_TOKEN_PREFIX = 'kwt_';
