// One clinic setting's card: read through the settings API, marked "Default" or "Clinic setting",
// the server's refusal or a loading line meanwhile, then the setting's own form.
import type { ReactNode } from 'react';
import { Badge } from '../ui/Badge';
import { Card } from '../ui/Card';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useLoad } from '../ui/use-load';
import { useSettings, type SettingsContextValue } from './settings-context';

export function SettingCard<T extends { readonly isDefault: boolean }>(props: {
  readonly title: string;
  readonly headingId: string;
  /** Says what is being read: "Reading the observation time". */
  readonly loadingLabel: string;
  readonly read: (api: SettingsContextValue['api']) => Promise<T>;
  readonly children: (setting: T, reload: () => Promise<void>) => ReactNode;
}) {
  const { api } = useSettings();
  const [state, reload] = useLoad(() => props.read(api), [api]);
  const { value } = state;
  return (
    <Card
      title={props.title}
      headingId={props.headingId}
      status={
        value && (
          <Badge tone={value.isDefault ? 'neutral' : 'primary'}>{value.isDefault ? 'Default' : 'Clinic setting'}</Badge>
        )
      }
    >
      {state.status === 'failed' && <ProblemAlert problem={state.problem} />}
      {!value && state.status === 'loading' && <Loading label={props.loadingLabel} />}
      {value && props.children(value, reload)}
    </Card>
  );
}
