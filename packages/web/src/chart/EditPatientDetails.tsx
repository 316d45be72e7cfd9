// Editing a patient's details (name, birth date, sex, identifiers) from the chart header: the
// current details are read with their revision, and saved with PUT If-Match. When someone else
// saved them in between (412), nothing was changed: what was typed stays in the form, the details
// as they are now are shown beside it, and saving again replaces them knowingly.
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/problem';
import type { Identifier, Patient, PatientInput, Sex } from '../api/types';
import { useSession } from '../session/session-context';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { formatDate, fullName, isoDate, sexLabel } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useChartActions } from './chart-actions';

const DEFAULT_SYSTEM = 'urn:knotwork:mrn';

interface Draft {
  readonly family: string;
  readonly given: string;
  readonly birthDate: string;
  readonly sex: Sex | '';
  readonly identifiers: readonly Identifier[];
}

const draftOf = (p: Patient): Draft => ({
  family: p.family,
  given: p.given.join(' '),
  birthDate: p.birthDate ?? '',
  sex: p.sex ?? '',
  identifiers: p.identifiers,
});

const inputOf = (d: Draft): PatientInput => ({
  family: d.family,
  given: d.given.split(/\s+/).filter(Boolean),
  birthDate: d.birthDate || null,
  sex: d.sex || null,
  identifiers: d.identifiers
    .map((i) => ({ system: i.system.trim(), value: i.value.trim() }))
    .filter((i) => i.value !== ''),
});

export function EditPatientDetails() {
  const { api } = useSession();
  const { patientId } = useChartActions();
  const [loaded, setLoaded] = useState<Patient>();
  const [loadProblem, setLoadProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setLoaded(undefined);
    requestAnimationFrame(() => opener.current?.focus());
  };

  async function open() {
    setBusy(true);
    setLoadProblem(undefined);
    try {
      setLoaded((await api.readPatient(patientId)).data);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setLoadProblem(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button ref={opener} busy={busy} onClick={() => void open()}>
        Edit details
      </Button>
      {loadProblem && <ProblemAlert problem={loadProblem} />}
      {loaded && <EditPatientDialog patient={loaded} onClose={close} />}
    </>
  );
}

function EditPatientDialog({ patient, onClose }: { readonly patient: Patient; readonly onClose: () => void }) {
  const { api, now } = useSession();
  const { saved } = useChartActions();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(patient));
  const [base, setBase] = useState(patient);
  /** The details someone else saved meanwhile (after a 412). */
  const [theirs, setTheirs] = useState<Patient>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const setIdentifier = (index: number, change: Partial<Identifier>) =>
    set({ identifiers: draft.identifiers.map((i, n) => (n === index ? { ...i, ...change } : i)) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api.updatePatient(patient.id, inputOf(draft), base.revision);
      onClose();
      await saved('Patient details saved');
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
      if (error.status === 412) {
        // Nothing was saved. Keep what was typed; read what is there now, to compare and save over.
        const current = (await api.readPatient(patient.id)).data;
        setTheirs(current);
        setBase(current);
      }
    } finally {
      setBusy(false);
    }
  }

  const ids = {
    family: `${id}-family`,
    given: `${id}-given`,
    birthDate: `${id}-birth`,
    sex: `${id}-sex`,
    identifiers: `${id}-identifiers`,
  };
  return (
    <Dialog open labelledBy={`${id}-title`} title="Patient details" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Patient details">
        <ProblemAlert problem={problem} fields={ids} />
        {theirs && (
          <div className="alert alert-info" role="status">
            <p className="alert-title">Someone else saved these details while you were editing</p>
            <p>
              Your changes were not saved. The details are now: {fullName(theirs)}, born{' '}
              {theirs.birthDate ? formatDate(theirs.birthDate) : 'unknown'}, {sexLabel(theirs.sex)}
              {theirs.identifiers.length > 0 && `, ${theirs.identifiers.map((i) => i.value).join(', ')}`}. The form
              still holds what you typed: check it, and save again to replace their version.
            </p>
          </div>
        )}
        <div className="form-grid">
          <TextField
            id={ids.family}
            label="Family name"
            required
            autoComplete="off"
            value={draft.family}
            onChange={(e) => set({ family: e.target.value })}
            errors={problem?.issuesAt('family')}
          />
          <TextField
            id={ids.given}
            label="Given names"
            optional
            hint="Separated by spaces"
            autoComplete="off"
            value={draft.given}
            onChange={(e) => set({ given: e.target.value })}
            errors={problem?.issuesAt('given')}
          />
          <TextField
            id={ids.birthDate}
            label="Birth date"
            optional
            type="date"
            max={isoDate(now())}
            value={draft.birthDate}
            onChange={(e) => set({ birthDate: e.target.value })}
            errors={problem?.issuesAt('birthDate')}
          />
          <SelectField
            id={ids.sex}
            label="Sex"
            optional
            value={draft.sex}
            onChange={(e) => set({ sex: e.target.value as Sex | '' })}
            errors={problem?.issuesAt('sex')}
          >
            <option value="">Not recorded</option>
            <option value="female">Female</option>
            <option value="male">Male</option>
            <option value="other">Other</option>
            <option value="unknown">Unknown</option>
          </SelectField>
        </div>
        <fieldset className="form" id={ids.identifiers} tabIndex={-1}>
          <legend className="field-label">Identifiers</legend>
          {draft.identifiers.map((identifier, n) => (
            <div className="form-grid" key={n}>
              <TextField
                label={`Identifier ${n + 1}`}
                autoComplete="off"
                value={identifier.value}
                onChange={(e) => setIdentifier(n, { value: e.target.value })}
                errors={problem?.errors.filter((i) => i.path.startsWith(`$.identifiers[${n}]`))}
              />
              <TextField
                label={`Identifier ${n + 1} system`}
                hint="The URI naming the numbering system"
                value={identifier.system}
                onChange={(e) => setIdentifier(n, { system: e.target.value })}
              />
              <Button
                size="sm"
                variant="ghost"
                onClick={() => set({ identifiers: draft.identifiers.filter((_, m) => m !== n) })}
              >
                Remove identifier {n + 1}
              </Button>
            </div>
          ))}
          <Button
            size="sm"
            onClick={() => set({ identifiers: [...draft.identifiers, { system: DEFAULT_SYSTEM, value: '' }] })}
          >
            Add identifier
          </Button>
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {theirs ? 'Save over their version' : 'Save details'}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
