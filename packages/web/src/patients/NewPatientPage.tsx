// Register a patient: the API checks the fields and names each wrong one by its path, shown at
// the field; on success, the new patient's chart.
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiProblem } from '../api/problem';
import type { PatientInput, Sex } from '../api/types';
import { useSession } from '../session/session-context';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import { isoDate } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { ProblemAlert } from '../ui/ProblemAlert';

/** The clinic's record number system; a clinic with another system types its own. */
export const DEFAULT_MRN_SYSTEM = 'urn:knotwork:mrn';

export function NewPatientPage() {
  const { api, now } = useSession();
  const navigate = useNavigate();
  const id = useId();
  const [family, setFamily] = useState('');
  const [given, setGiven] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState<Sex | ''>('');
  const [mrn, setMrn] = useState('');
  const [mrnSystem, setMrnSystem] = useState(DEFAULT_MRN_SYSTEM);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: PatientInput = {
      family,
      given: given.split(/\s+/).filter(Boolean),
      birthDate: birthDate || null,
      sex: sex || null,
      identifiers: mrn.trim() ? [{ system: mrnSystem.trim(), value: mrn.trim() }] : [],
    };
    setBusy(true);
    try {
      const { data } = await api.createPatient(input);
      void navigate(`/patients/${data.id}`);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
      setBusy(false);
    }
  }

  const ids = {
    family: `${id}-family`,
    given: `${id}-given`,
    birthDate: `${id}-birth`,
    sex: `${id}-sex`,
    identifiers: `${id}-mrn`,
  };
  return (
    <>
      <PageHeader title="New patient" documentTitle="New patient" eyebrow={<Link to="/patients">← Patients</Link>} />
      <div className="card form-card">
        <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="New patient">
          <ProblemAlert problem={problem} fields={ids} />
          <div className="form-grid">
            <TextField
              id={ids.family}
              label="Family name"
              required
              autoComplete="off"
              value={family}
              onChange={(e) => setFamily(e.target.value)}
              errors={problem?.issuesAt('family')}
            />
            <TextField
              id={ids.given}
              label="Given names"
              optional
              hint="Separated by spaces"
              autoComplete="off"
              value={given}
              onChange={(e) => setGiven(e.target.value)}
              errors={problem?.issuesAt('given')}
            />
            <TextField
              id={ids.birthDate}
              label="Birth date"
              optional
              type="date"
              max={isoDate(now())}
              value={birthDate}
              onChange={(e) => setBirthDate(e.target.value)}
              errors={problem?.issuesAt('birthDate')}
            />
            <SelectField
              id={ids.sex}
              label="Sex"
              optional
              value={sex}
              onChange={(e) => setSex(e.target.value as Sex | '')}
              errors={problem?.issuesAt('sex')}
            >
              <option value="">Not recorded</option>
              <option value="female">Female</option>
              <option value="male">Male</option>
              <option value="other">Other</option>
              <option value="unknown">Unknown</option>
            </SelectField>
            <TextField
              id={ids.identifiers}
              label="Medical record number"
              optional
              autoComplete="off"
              value={mrn}
              onChange={(e) => setMrn(e.target.value)}
              errors={problem?.issuesAt('identifiers')}
            />
            <TextField
              label="Record number system"
              hint="The URI naming the numbering system"
              value={mrnSystem}
              onChange={(e) => setMrnSystem(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy}>
              Register patient
            </Button>
            <Link className="btn btn-ghost" to="/patients">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </>
  );
}
