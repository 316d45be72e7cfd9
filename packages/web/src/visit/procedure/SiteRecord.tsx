// One site of the note: the needle, aspiration, twitch, tolerance, and what was given there
// (a product of the plan, volume, lot and expiry as printed on the vial).
import type { ApiProblem } from '../../api/problem';
import { ASPIRATION_RESULTS, TOLERANCES, type NoteContent } from '../../api/visit-record-types';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import type { LocalAdministration, LocalSite } from './use-note-draft';
import { issuesAt } from './issues';
import { fieldIdOf, muscleName, productName, SIDE_WORDS } from './names';

const ASPIRATION_WORDS = { negative: 'Negative', blood: 'Blood', air: 'Air', 'not-done': 'Not done' } as const;
const TOLERANCE_WORDS = { well: 'Well', moderate: 'Moderately', poor: 'Poorly' } as const;

export interface SiteRecordProps {
  readonly index: number;
  readonly site: LocalSite;
  readonly products: NoteContent['plan']['products'];
  readonly problem: ApiProblem | undefined;
  readonly readOnly: boolean;
  readonly onChange: (site: LocalSite) => void;
}

const numberOrNull = (value: string): number | null =>
  value.trim() === '' || Number.isNaN(Number(value)) ? null : Number(value);

function Radios<T extends string>(props: {
  readonly legend: string;
  readonly name: string;
  readonly id: string;
  readonly options: readonly T[];
  readonly words: Readonly<Record<T, string>>;
  readonly value: T | null;
  readonly disabled: boolean;
  readonly onChange: (value: T) => void;
}) {
  return (
    <fieldset className="choice-group choice-row" id={props.id}>
      <legend className="field-label">{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o} className="choice">
          <input
            type="radio"
            name={props.name}
            checked={props.value === o}
            disabled={props.disabled}
            onChange={() => props.onChange(o)}
          />
          {props.words[o]}
        </label>
      ))}
    </fieldset>
  );
}

export function SiteRecord({ index, site, products, problem, readOnly, onChange }: SiteRecordProps) {
  const at = (field: string) => `$.sites[${index}].${field}`;
  const title = `${muscleName(site.muscle)}, ${SIDE_WORDS[site.side]}`;
  const setAdministration = (i: number, a: LocalAdministration) =>
    onChange({ ...site, administrations: site.administrations.map((x, j) => (j === i ? a : x)) });
  const addAdministration = () =>
    onChange({
      ...site,
      administrations: [
        ...site.administrations,
        { injectate: products[0]?.injectate ?? '', volumeMl: null, lot: null, expiry: null },
      ],
    });
  const removeAdministration = (i: number) =>
    onChange({ ...site, administrations: site.administrations.filter((_, j) => j !== i) });

  return (
    <section className="record-block site-record" aria-labelledby={`site-${index}-title`}>
      <h3 id={`site-${index}-title`} className="record-subtitle">
        Site {index + 1}: {title}
      </h3>
      <div className="form-grid form-grid-4">
        <TextField
          id={fieldIdOf(at('needle.gauge'))}
          label="Needle gauge (G)"
          type="number"
          inputMode="numeric"
          min={18}
          max={32}
          value={site.needle.gauge ?? ''}
          disabled={readOnly}
          errors={issuesAt(problem, at('needle.gauge'))}
          onChange={(e) => onChange({ ...site, needle: { ...site.needle, gauge: numberOrNull(e.target.value) } })}
        />
        <TextField
          id={fieldIdOf(at('needle.lengthMm'))}
          label="Needle length (mm)"
          type="number"
          inputMode="decimal"
          min={1}
          step="any"
          value={site.needle.lengthMm ?? ''}
          disabled={readOnly}
          errors={issuesAt(problem, at('needle.lengthMm'))}
          onChange={(e) => onChange({ ...site, needle: { ...site.needle, lengthMm: numberOrNull(e.target.value) } })}
        />
      </div>
      <Radios
        legend="Aspiration"
        name={`site-${index}-aspiration`}
        id={fieldIdOf(at('aspiration'))}
        options={ASPIRATION_RESULTS}
        words={ASPIRATION_WORDS}
        value={site.aspiration}
        disabled={readOnly}
        onChange={(aspiration) => onChange({ ...site, aspiration })}
      />
      <Radios
        legend="Local twitch response"
        name={`site-${index}-twitch`}
        id={fieldIdOf(at('twitch'))}
        options={['yes', 'no'] as const}
        words={{ yes: 'Yes', no: 'No' }}
        value={site.twitch === null ? null : site.twitch ? 'yes' : 'no'}
        disabled={readOnly}
        onChange={(v) => onChange({ ...site, twitch: v === 'yes' })}
      />
      <Radios
        legend="Tolerated"
        name={`site-${index}-tolerance`}
        id={fieldIdOf(at('tolerance'))}
        options={TOLERANCES}
        words={TOLERANCE_WORDS}
        value={site.tolerance}
        disabled={readOnly}
        onChange={(tolerance) => onChange({ ...site, tolerance })}
      />
      <h4 className="record-minor">Given at this site</h4>
      {site.administrations.length === 0 && <p className="muted">Nothing recorded as given here yet.</p>}
      {site.administrations.map((a, i) => {
        const path = (f: string) => at(`administrations[${i}].${f}`);
        return (
          <fieldset key={i} className="administration">
            <legend className="visually-hidden">
              Product {i + 1} at {title}
            </legend>
            <div className="form-grid administration-grid">
              <SelectField
                id={fieldIdOf(path('injectate'))}
                label="Product"
                value={a.injectate}
                disabled={readOnly}
                errors={issuesAt(problem, path('injectate'))}
                onChange={(e) => setAdministration(i, { ...a, injectate: e.target.value })}
              >
                {products.map((p) => (
                  <option key={p.injectate} value={p.injectate}>
                    {productName(p.injectate)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={fieldIdOf(path('volumeMl'))}
                label="Volume (mL)"
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                value={a.volumeMl ?? ''}
                disabled={readOnly}
                errors={issuesAt(problem, path('volumeMl'))}
                onChange={(e) => setAdministration(i, { ...a, volumeMl: numberOrNull(e.target.value) })}
              />
              <TextField
                id={fieldIdOf(path('lot'))}
                label="Lot"
                value={a.lot ?? ''}
                autoComplete="off"
                disabled={readOnly}
                errors={issuesAt(problem, path('lot'))}
                onChange={(e) => setAdministration(i, { ...a, lot: e.target.value === '' ? null : e.target.value })}
              />
              <TextField
                id={fieldIdOf(path('expiry'))}
                label="Expiry"
                hint="YYYY-MM or YYYY-MM-DD"
                value={a.expiry ?? ''}
                autoComplete="off"
                disabled={readOnly}
                errors={issuesAt(problem, path('expiry'))}
                onChange={(e) =>
                  setAdministration(i, { ...a, expiry: e.target.value.trim() === '' ? null : e.target.value.trim() })
                }
              />
            </div>
            {!readOnly && (
              <Button size="sm" variant="ghost" onClick={() => removeAdministration(i)}>
                Remove product {i + 1}
                <span className="visually-hidden"> at {title}</span>
              </Button>
            )}
          </fieldset>
        );
      })}
      {!readOnly && products.length > 0 && (
        <Button size="sm" onClick={addAdministration}>
          Add what was given<span className="visually-hidden"> at {title}</span>
        </Button>
      )}
    </section>
  );
}
