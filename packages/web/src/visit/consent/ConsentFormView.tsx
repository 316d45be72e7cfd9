import type { ConsentForm, ConsentRisk } from '../../api/visit-record-types';
import { LearnLink } from '../../learn/LearnLink';

const GROUPS: readonly { readonly id: ConsentRisk['group']; readonly title: string }[] = [
  { id: 'common', title: 'Common risks' },
  { id: 'serious', title: 'Rare but serious risks' },
  { id: 'steroid', title: 'Risks of the steroid' },
];
const SIDE = { left: 'left', right: 'right', both: 'both sides' } as const;

function List({ items }: { readonly items: readonly string[] }) {
  return (
    <ul className="plain-list">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

/** The consent form as the server generated it from the plan: what, where, why, the risks and why each applies. */
export function ConsentFormView({ form }: { readonly form: ConsentForm }) {
  return (
    <article className="consent-form" aria-labelledby="consent-procedure">
      <h3 id="consent-procedure" className="record-subtitle">
        {form.procedure}
      </h3>
      <div className="consent-columns">
        <div>
          <h4 className="record-minor">Where</h4>
          <ul className="plain-list">
            {form.sites.map((s) => (
              <li key={`${s.muscle}-${s.side}`}>
                {s.display}, {SIDE[s.side]}
                {s.thoracic && <span className="muted"> (over the chest wall)</span>}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h4 className="record-minor">What is injected</h4>
          <ul className="plain-list">
            {form.drugs.map((d) => (
              <li key={d.injectate}>
                {d.display}, {d.volumeMl} mL
              </li>
            ))}
          </ul>
        </div>
      </div>
      <LearnLink muscles={form.sites.map((s) => s.muscle)} injectates={form.drugs.map((d) => d.injectate)} />
      <h4 className="record-minor">Benefits</h4>
      <List items={form.benefits} />
      <h4 className="record-minor">Limitations</h4>
      <List items={form.limitations} />
      {GROUPS.map((g) => {
        const risks = form.risks.filter((r) => r.group === g.id);
        if (risks.length === 0) return null;
        return (
          <section key={g.id} aria-labelledby={`risks-${g.id}`}>
            <h4 id={`risks-${g.id}`} className="record-minor">
              {g.title}
            </h4>
            <ul className="risk-list">
              {risks.map((r) => (
                <li key={r.id}>
                  {r.text}
                  {r.because && <span className="because"> Why this applies: {r.because}</span>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <h4 className="record-minor">Alternatives</h4>
      <List items={form.alternatives} />
      <h4 className="record-minor">By signing, the patient confirms</h4>
      <List items={form.declarations} />
      <p className="sources">
        Form version {form.version}. Sources: {form.sources.join(', ')}
      </p>
    </article>
  );
}
