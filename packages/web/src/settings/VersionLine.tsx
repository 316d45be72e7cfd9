// Which version of the clinic's settings is shown: its number, and when, by whom and why the latest
// change was made (to any setting: the screening policy, the follow-up schedule and the observation
// time share one version), or that the settings are Knotwork's defaults, never changed. Each
// setting's own changes are in its change history.
import { formatDateTime } from '../ui/format';
import { useSettings } from './settings-context';

export interface VersionLineProps {
  readonly settingsVersion: number;
  readonly changedAt: string | null;
  readonly changedBy: string | null;
  readonly reason: string | null;
  readonly extra?: string;
}

export function VersionLine({ settingsVersion, changedAt, changedBy, reason, extra }: VersionLineProps) {
  const { nameOf } = useSettings();
  return (
    <p className="setting-version" data-testid="setting-version">
      <span className="setting-version-number">Clinic settings version {settingsVersion}</span>
      {extra && <span>{extra}</span>}
      {settingsVersion === 0 || changedAt === null ? (
        <span>Knotwork’s defaults, never changed</span>
      ) : (
        <span>
          Latest change to any setting: {formatDateTime(changedAt)} by {nameOf(changedBy)}
          {reason ? `: “${reason}”` : ''}
        </span>
      )}
    </p>
  );
}
