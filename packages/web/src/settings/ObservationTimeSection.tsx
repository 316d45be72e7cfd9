// The observation time: how long a patient stays under observation after the injections before
// discharge (the discharge step's timer), with its default and why, the version in force, and a
// change saved as a new clinic settings version (If-Match; a 412 reloads and says so).
import { DEFAULT_OBSERVATION_MINUTES, OBSERVATION_MINUTES_MAX } from '@knotwork/core';
import { useId, useState, type FormEvent } from 'react';
import type { ObservationTimeSetting } from '../api/settings-endpoints';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { ProblemAlert } from '../ui/ProblemAlert';
import { ChangeHistory } from './ChangeHistory';
import { issuesAt } from './issues';
import { SettingCard } from './SettingCard';
import { useSettings } from './settings-context';
import { StaleNotice } from './StaleNotice';
import { useVersionedSave } from './use-versioned-save';
import { VersionLine } from './VersionLine';

const minutesInWords = (n: unknown) => (n === 1 ? '1 minute' : `${String(n)} minutes`);

/** A whole number as typed, else what the server should name as wrong (null for an empty field). */
export function numberOf(text: string): number {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function ObservationTimeSection() {
  return (
    <SettingCard
      title="Observation time"
      headingId="settings-observation"
      loadingLabel="Reading the observation time"
      read={(api) => api.readObservationTime()}
    >
      {(setting, reload) => <ObservationForm setting={setting} reload={reload} />}
    </SettingCard>
  );
}

function ObservationForm({ setting, reload }: { setting: ObservationTimeSetting; reload: () => Promise<void> }) {
  const { api } = useSettings();
  const id = useId();
  const [minutes, setMinutes] = useState(String(setting.minutes));
  // A new version (saved here, or loaded again after a 412): the form shows it.
  const [shown, setShown] = useState(setting.settingsVersion);
  if (shown !== setting.settingsVersion) {
    setShown(setting.settingsVersion);
    setMinutes(String(setting.minutes));
  }
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState('');
  const { problem, stale, busy, save } = useVersionedSave(reload);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved('');
    let version = 0;
    const outcome = await save(async () => {
      version = (
        await api.changeObservationTime(numberOf(minutes), reason.trim() || undefined, setting.settingsVersion)
      ).settingsVersion;
    });
    if (outcome === 'saved') {
      await reload();
      setReason('');
      setSaved(`Saved: ${minutesInWords(numberOf(minutes))} of observation, clinic settings version ${version}.`);
    }
  }

  const ids = { minutes: `${id}-minutes`, reason: `${id}-reason` };
  return (
    <>
      <VersionLine {...setting} />
      <p>
        How long a patient stays under observation after the injections before discharge. The discharge step’s timer
        counts it down beside the discharge checklist.
      </p>
      <div className="setting-source">
        <p>
          <strong>Default: {minutesInWords(DEFAULT_OBSERVATION_MINUTES)}.</strong> No source sets a post-TPI observation
          period (REFERENCE.md 6.1, 10 item 11), so it is a clinic setting. The default is the upper end of the
          reference’s suggested 15–30 minutes: local anaesthetic toxicity usually shows within 1–5 minutes but can
          appear up to 60 [MEDSCAPE_LA], and vasovagal reactions come during or just after the procedure [VVR].
        </p>
      </div>
      <StaleNotice problem={stale} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Change the observation time">
        <ProblemAlert problem={problem} fields={ids} />
        <div className="form-grid">
          <TextField
            id={ids.minutes}
            label="Observation time (minutes)"
            hint={`Whole minutes, 0 to ${OBSERVATION_MINUTES_MAX}; 0 means no observation period.`}
            type="number"
            inputMode="numeric"
            min={0}
            max={OBSERVATION_MINUTES_MAX}
            step={1}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            errors={issuesAt(problem, 'minutes')}
          />
          <TextField
            id={ids.reason}
            label="Reason for the change"
            optional
            hint="Kept in the audit log with the change"
            autoComplete="off"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            errors={issuesAt(problem, 'reason')}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Save observation time
          </Button>
        </div>
        <p className="save-status" role="status">
          {saved}
        </p>
      </form>
      <ChangeHistory
        action="settings.observation-time.update"
        describe={(d) => `${minutesInWords(d['before'])} → ${minutesInWords(d['after'])}`}
      />
    </>
  );
}
