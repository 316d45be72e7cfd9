// Who signs and how: the patient or a representative (with the relationship), and a drawn
// signature or the signer's typed name (for keyboard users; it must be the signer's name).
import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../../api/problem';
import type { ConsentSignature as Signature, SignatureKind, SignerKind } from '../../api/visit-record-types';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { SignaturePad } from './SignaturePad';

export interface ConsentSignatureProps {
  readonly formVersion: string;
  readonly patientName: string;
  /** Resolves when recorded; rejects with the server's problem. */
  readonly onSign: (signature: Signature) => Promise<void>;
}

export function ConsentSignature({ formVersion, patientName, onSign }: ConsentSignatureProps) {
  const [signerKind, setSignerKind] = useState<SignerKind>('patient');
  const [signerName, setSignerName] = useState(patientName);
  const [relationship, setRelationship] = useState('');
  const [kind, setKind] = useState<SignatureKind>('typed-name');
  const [typed, setTyped] = useState('');
  const [image, setImage] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);

  const name = signerName.trim();
  const typedMismatch = kind === 'typed-name' && typed.trim() !== '' && typed.trim() !== name;
  const ready =
    name !== '' &&
    (signerKind === 'patient' || relationship.trim() !== '') &&
    (kind === 'image' ? image !== null : typed.trim() === name);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    try {
      await onSign({
        formVersion,
        signerKind,
        signerName: name,
        signerRelationship: signerKind === 'representative' ? relationship.trim() : null,
        signatureKind: kind,
        signatureData: kind === 'image' ? (image ?? '') : typed.trim(),
      });
      setProblem(undefined);
      setTyped('');
      setImage(null);
    } catch (error) {
      if (error instanceof ApiProblem) setProblem(error);
      else throw error;
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form consent-signature" aria-labelledby="consent-sign-title" onSubmit={(e) => void submit(e)}>
      <h3 id="consent-sign-title" className="record-subtitle">
        Signature
      </h3>
      <ProblemAlert problem={problem} />
      <fieldset className="choice-group">
        <legend className="field-label">Who signs</legend>
        <label className="choice">
          <input
            type="radio"
            name="signer-kind"
            checked={signerKind === 'patient'}
            onChange={() => {
              setSignerKind('patient');
              setSignerName(patientName);
            }}
          />
          The patient
        </label>
        <label className="choice">
          <input
            type="radio"
            name="signer-kind"
            checked={signerKind === 'representative'}
            onChange={() => {
              setSignerKind('representative');
              setSignerName('');
            }}
          />
          A representative
        </label>
      </fieldset>
      <div className="form-grid">
        <TextField
          label="Signer’s full name"
          value={signerName}
          onChange={(e) => setSignerName(e.target.value)}
          autoComplete="off"
          required
        />
        {signerKind === 'representative' && (
          <TextField
            label="Relationship to the patient"
            hint="For example: parent, guardian, power of attorney"
            value={relationship}
            onChange={(e) => setRelationship(e.target.value)}
            required
          />
        )}
      </div>
      <fieldset className="choice-group">
        <legend className="field-label">How they sign</legend>
        <label className="choice">
          <input
            type="radio"
            name="signature-kind"
            checked={kind === 'typed-name'}
            onChange={() => setKind('typed-name')}
          />
          Type their name
        </label>
        <label className="choice">
          <input type="radio" name="signature-kind" checked={kind === 'image'} onChange={() => setKind('image')} />
          Draw a signature
        </label>
      </fieldset>
      {kind === 'typed-name' ? (
        <TextField
          label="Typed signature"
          hint={`The signer types their name exactly: ${name || 'the name above'}`}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          errors={
            typedMismatch ? [{ path: 'signatureData', message: 'must be the signer’s name as written above' }] : []
          }
          autoComplete="off"
        />
      ) : (
        <SignaturePad label="Signature" onChange={setImage} />
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy} disabled={!ready}>
          Record consent
        </Button>
      </div>
    </form>
  );
}
