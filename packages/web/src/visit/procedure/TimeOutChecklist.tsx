// The time-out before the first needle: five checks, each confirmed aloud and ticked.
import { TIME_OUT_ITEMS, type TimeOut, type TimeOutItem } from '../../api/visit-record-types';

export const TIME_OUT_WORDS: Readonly<Record<TimeOutItem, string>> = {
  patient: 'Right patient, by two identifiers',
  sites: 'Right sites, marked',
  sides: 'Right sides',
  allergies: 'Allergies checked against what will be injected',
  consent: 'Consent signed for this plan',
};

export interface TimeOutChecklistProps {
  readonly timeOut: TimeOut;
  readonly onChange?: (timeOut: TimeOut) => void;
  readonly readOnly?: boolean;
}

export function TimeOutChecklist({ timeOut, onChange, readOnly = false }: TimeOutChecklistProps) {
  const done = TIME_OUT_ITEMS.filter((i) => timeOut[i]).length;
  return (
    <fieldset className="record-block time-out" id="note-timeOut">
      <legend className="record-subtitle">
        Time-out{' '}
        <span className="muted time-out-count">
          ({done} of {TIME_OUT_ITEMS.length} confirmed)
        </span>
      </legend>
      <ul className="check-list">
        {TIME_OUT_ITEMS.map((item) => (
          <li key={item}>
            <label className="choice choice-large">
              <input
                type="checkbox"
                id={`note-timeOut-${item}`}
                checked={timeOut[item]}
                disabled={readOnly}
                onChange={(e) => onChange?.({ ...timeOut, [item]: e.target.checked })}
              />
              {TIME_OUT_WORDS[item]}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
