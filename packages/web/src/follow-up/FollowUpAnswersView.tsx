// What the patient sees after sending: on a red flag, at once and above everything, what to do and
// how urgently, in the server's words (reference.json escalation); otherwise, thank you.
import { useEffect, useRef } from 'react';
import type { FollowUpAnswersCreated, RedFlagUrgency } from './follow-up-types';

const HEADLINE: Readonly<Record<RedFlagUrgency, string>> = {
  emergency: 'Get emergency help now',
  urgent: 'Get medical help today',
  soon: 'Contact the clinic today',
};
const RANK: Readonly<Record<RedFlagUrgency, number>> = { emergency: 0, urgent: 1, soon: 2 };

export function FollowUpAnswersView({ created }: { readonly created: FollowUpAnswersCreated }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (created.redFlags.length === 0) {
    return (
      <section className="fu-thanks" aria-labelledby="fu-done">
        <h1 id="fu-done" className="fu-title" tabIndex={-1} ref={heading}>
          Thank you
        </h1>
        <p>Your answers have reached the clinic. They help your clinician see how the injection is working for you.</p>
        <p>If anything changes or worries you, please call the clinic.</p>
      </section>
    );
  }
  const flags = [...created.redFlags].sort((a, b) => RANK[a.urgency] - RANK[b.urgency]);
  const top = flags[0]?.urgency ?? 'soon';
  return (
    <section className={`fu-urgent fu-urgent-${top}`} role="alert" aria-labelledby="fu-urgent-title">
      <h1 id="fu-urgent-title" className="fu-urgent-title" tabIndex={-1} ref={heading}>
        {HEADLINE[top]}
      </h1>
      <ul className="fu-advice-list">
        {flags.map((f) => (
          <li key={f.id} className={`fu-advice fu-advice-${f.urgency}`}>
            {flags.length > 1 && <p className="fu-advice-urgency">{HEADLINE[f.urgency]}</p>}
            <p className="fu-advice-text">{f.advice}</p>
          </li>
        ))}
      </ul>
      <p className="fu-urgent-note">
        Your answers have also been sent to the clinic, but do not wait for them to contact you.
      </p>
    </section>
  );
}
