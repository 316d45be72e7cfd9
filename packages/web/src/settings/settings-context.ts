// What every settings section needs: the admin's endpoints, who is signed in (their own account
// cannot be deactivated), and the names of the clinic's users (a change names who made it by id).
import { createContext, useContext } from 'react';
import type { ClinicUser, SettingsEndpoints } from '../api/settings-endpoints';
import type { Load } from '../ui/use-load';

export interface SettingsContextValue {
  readonly api: SettingsEndpoints;
  readonly selfId: string;
  /** A user's name by id; the id itself when the user is unknown; "—" for nobody. */
  readonly nameOf: (userId: string | null) => string;
  /** The clinic's accounts (the users section lists them; the other sections name who changed what). */
  readonly users: Load<readonly ClinicUser[]>;
  readonly reloadUsers: () => Promise<void>;
}

export const SettingsContext = createContext<SettingsContextValue | null>(null);

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside the clinic settings page');
  return value;
}
