// The clinic admin's routes (settings-routes.ts, aftercare-settings-routes.ts, user-routes.ts,
// audit-routes.ts on the server) as typed functions over an ApiClient, and the hook that gives the
// settings screens one.
//
// Versioned settings are changed with If-Match "<settingsVersion>" (the server's ETag): a 412
// precondition-failed means someone saved a newer version meanwhile. The screening policy, the
// follow-up schedule and the observation time share one settings version: a change to any of them
// makes the others' If-Match stale.
import { useEffect, useMemo, useRef } from 'react';
import { useSession } from '../session/session-context';
import { createApiClient, type ApiClient, type ApiResponse } from './client';
import type { Role } from './types';

interface SettingVersion {
  readonly settingsVersion: number;
  /** When this version was made; null: never changed (Knotwork's defaults). */
  readonly changedAt: string | null;
  /** The user id of who made it. */
  readonly changedBy: string | null;
  readonly reason: string | null;
}

export interface ScreeningPolicySetting extends SettingVersion {
  /** The label every screen and card cites (`default-…` or `clinic-…`). */
  readonly policyVersion: string;
  readonly values: Readonly<Record<string, unknown>>;
}

export interface FollowUpPoint {
  readonly id: string;
  readonly label: string;
  /** ISO 8601 duration after the note is signed (PT6H, P1D, P2W). */
  readonly after: string;
  readonly afterMinutes: number;
  readonly asksPeg: boolean;
}

export type FollowUpPointInput = Omit<FollowUpPoint, 'afterMinutes'>;

export interface FollowUpScheduleSetting extends SettingVersion {
  readonly points: readonly FollowUpPoint[];
  readonly isDefault: boolean;
}

export interface ObservationTimeSetting extends SettingVersion {
  readonly minutes: number;
  readonly isDefault: boolean;
}

export interface ClinicUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly active: boolean;
  /** Refusing sign-ins after repeated failures. */
  readonly locked: boolean;
  readonly totp: 'off' | 'pending' | 'on';
  readonly mustChangePassword: boolean;
}

export interface NewUserInput {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
  readonly mustChangePassword: boolean;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string | null;
  readonly actorKind: 'user' | 'api-token' | 'cds-client' | 'system' | 'anonymous';
  readonly action: string;
  readonly outcome: 'success' | 'denied' | 'failed';
  readonly detail: Readonly<Record<string, unknown>> | null;
}

/** The settings changes the audit log records, one action per setting. */
export type SettingsAction =
  'settings.screening-policy.update' | 'settings.follow-up-schedule.update' | 'settings.observation-time.update';

const data = <T>(response: Promise<ApiResponse<T>>): Promise<T> => response.then((r) => r.data);
const ifMatch = (settingsVersion: number) => ({ ifMatch: `"${settingsVersion}"` });
const user = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export function settingsEndpoints(api: ApiClient) {
  return {
    readScreeningPolicy: () => data(api.request<ScreeningPolicySetting>('GET', '/api/settings/screening-policy')),
    changeScreeningPolicy: (values: Record<string, unknown>, reason: string | undefined, settingsVersion: number) =>
      data(
        api.request<ScreeningPolicySetting>('PUT', '/api/settings/screening-policy', {
          body: { values, ...(reason ? { reason } : {}) },
          ...ifMatch(settingsVersion),
        }),
      ),

    readFollowUpSchedule: () => data(api.request<FollowUpScheduleSetting>('GET', '/api/settings/follow-up-schedule')),
    changeFollowUpSchedule: (
      points: readonly FollowUpPointInput[],
      reason: string | undefined,
      settingsVersion: number,
    ) =>
      data(
        api.request<FollowUpScheduleSetting>('PUT', '/api/settings/follow-up-schedule', {
          body: { points, ...(reason ? { reason } : {}) },
          ...ifMatch(settingsVersion),
        }),
      ),

    readObservationTime: () => data(api.request<ObservationTimeSetting>('GET', '/api/settings/observation-time')),
    changeObservationTime: (minutes: number, reason: string | undefined, settingsVersion: number) =>
      data(
        api.request<ObservationTimeSetting>('PUT', '/api/settings/observation-time', {
          body: { minutes, ...(reason ? { reason } : {}) },
          ...ifMatch(settingsVersion),
        }),
      ),

    listUsers: () => data(api.request<{ items: ClinicUser[] }>('GET', '/api/users')).then((r) => r.items),
    createUser: (input: NewUserInput) => data(api.request<ClinicUser>('POST', '/api/users', { body: input })),
    deactivateUser: (id: string) => data(api.request<ClinicUser>('POST', `${user(id)}/deactivate`)),
    reactivateUser: (id: string) => data(api.request<ClinicUser>('POST', `${user(id)}/reactivate`)),
    resetPassword: (id: string) =>
      data(api.request<{ user: ClinicUser; temporaryPassword: string }>('POST', `${user(id)}/reset-password`)),

    /** The newest changes of one setting, as the audit log keeps them (refused attempts included). */
    settingChanges: (action: SettingsAction, limit = 20) =>
      data(api.request<{ items: AuditEntry[] }>('GET', '/api/audit', { query: { action, limit } })).then(
        (r) => r.items,
      ),
  };
}

export type SettingsEndpoints = ReturnType<typeof settingsEndpoints>;

/**
 * The settings endpoints for the signed-in admin. The session shares its endpoints, not its
 * ApiClient, so this builds a client with the same behaviour: the session's CSRF token on writes,
 * and a session that ends in the middle of work handed to the session's sign-in dialog (by a
 * renewing read of the clinic's settings), after which the request is retried with the new token.
 */
export function useSettingsApi(): SettingsEndpoints {
  const { session, api } = useSession();
  const csrf = useRef(session.csrfToken);
  useEffect(() => {
    csrf.current = session.csrfToken;
  }, [session.csrfToken]);
  return useMemo(
    () =>
      settingsEndpoints(
        // eslint-disable-next-line react-hooks/refs -- read when a request is sent, not during render
        createApiClient({
          csrfToken: () => csrf.current,
          renewSession: async () => {
            await api.readClinicSettings();
            csrf.current = (await api.readSession()).csrfToken;
          },
        }),
      ),
    [api],
  );
}
