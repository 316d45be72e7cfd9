// The settings sections' shared state: the admin's endpoints, who is signed in, and the clinic's
// users (listed by the users section, and naming who made each settings change).
import { useMemo, type ReactNode } from 'react';
import type { ClinicUser, SettingsEndpoints } from '../api/settings-endpoints';
import { useLoad } from '../ui/use-load';
import { SettingsContext, type SettingsContextValue } from './settings-context';

export interface SettingsProviderProps {
  readonly api: SettingsEndpoints;
  readonly selfId: string;
  readonly children: ReactNode;
}

export function SettingsProvider({ api, selfId, children }: SettingsProviderProps) {
  const [users, reloadUsers] = useLoad<readonly ClinicUser[]>(() => api.listUsers(), [api]);
  const context = useMemo<SettingsContextValue>(
    () => ({
      api,
      selfId,
      users,
      reloadUsers,
      nameOf: (userId) => {
        if (userId === null) return '—';
        return users.value?.find((u) => u.id === userId)?.displayName ?? userId;
      },
    }),
    [api, selfId, users, reloadUsers],
  );
  return <SettingsContext.Provider value={context}>{children}</SettingsContext.Provider>;
}
