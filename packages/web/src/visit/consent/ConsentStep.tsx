// Step 5, consent: the form the server generated from the plan, read with the patient, then signed
// on screen. A plan changed after the form was shown refuses the signature (409): the form is read
// again and the screen says so. Signed consents are listed with their printable PDF.
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { pdfLinks, useVisitRecordApi } from '../../api/visit-record-endpoints';
import type { ConsentSignature as Signature } from '../../api/visit-record-types';
import { patientName } from '../../chart/PatientHeader';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useLoad } from '../../ui/use-load';
import type { StepProps } from '../step-props';
import { ConsentFormView } from './ConsentFormView';
import { ConsentSignature } from './ConsentSignature';
import { ScreeningHold } from './ScreeningHold';
import '../record.css';

export function ConsentStep({ visit, chart }: StepProps) {
  const api = useVisitRecordApi(visit.id);
  const [notice, setNotice] = useState<string>();
  // A new, empty signature form after each consent recorded.
  const [signed, setSigned] = useState(0);
  const [loaded, reload] = useLoad(async () => {
    const [consents, form] = await Promise.all([
      api.listConsents(visit.id),
      api.readConsentForm(visit.id).catch((error: unknown) => {
        if (error instanceof ApiProblem && error.status === 409) return null;
        throw error;
      }),
    ]);
    return { consents, form };
  }, [api, visit.id]);

  if (loaded.status === 'loading' && !loaded.value) return <Loading label="Preparing the consent form" />;
  if (loaded.status === 'failed') return <ProblemAlert problem={loaded.problem} />;
  const value = loaded.value;
  if (!value) return <Loading label="Preparing the consent form" />;
  const { consents, form } = value;

  const sign = async (signature: Signature) => {
    try {
      await api.signConsent(visit.id, signature);
      setNotice(`Consent recorded: signed by ${signature.signerName}.`);
      setSigned((n) => n + 1);
      await reload();
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) {
        setNotice(
          'The plan changed since this form was shown: here is the form for the current plan. Read it again with the patient before signing.',
        );
        await reload();
        return;
      }
      throw error;
    }
  };

  return (
    <div className="record-step">
      <p role="status" className={notice ? 'notice' : 'visually-hidden'}>
        {notice}
      </p>
      {consents.length > 0 && (
        <section aria-labelledby="consents-signed" className="record-block">
          <h3 id="consents-signed" className="record-subtitle">
            Signed consents
          </h3>
          <ul className="entry-list">
            {consents.map((c) => (
              <li key={c.id} className="entry entry-row">
                <div className="entry-main">
                  <p className="entry-title">
                    Signed by {c.signerName}
                    {c.signerKind === 'representative' && ` (${c.signerRelationship ?? 'representative'})`}
                  </p>
                  <p className="entry-meta">
                    {formatDateTime(c.signedAt)} · {c.signatureKind === 'image' ? 'drawn signature' : 'typed name'} ·
                    plan revision {c.planRevision} · form {c.form.version}
                  </p>
                </div>
                <a
                  className="btn btn-secondary btn-sm"
                  href={pdfLinks.consent(visit.id, c.id)}
                  target="_blank"
                  rel="noreferrer"
                >
                  Print (PDF)<span className="visually-hidden">: consent signed by {c.signerName}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {form === null ? (
        <div className="alert alert-info">
          <p className="alert-title">Plan first</p>
          <p>
            The consent form is written from the plan’s sites and products.{' '}
            <Link to={`/visits/${visit.id}/plan`}>Go to the plan</Link>, then come back to consent.
          </p>
        </div>
      ) : (
        <>
          <ScreeningHold visitId={visit.id} />
          <ConsentFormView form={form.form} />
          <ConsentSignature
            key={`${form.form.version}-${signed}`}
            formVersion={form.form.version}
            patientName={patientName(chart)}
            onSign={sign}
          />
        </>
      )}
    </div>
  );
}
