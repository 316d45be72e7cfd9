// Find a patient by name, identifier or birth date (any of them; none lists everyone), a page at a
// time as the API pages (its `next` cursor). The search lives in the URL: back and reload keep it.
import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { PatientSearch } from '../api/types';
import { useSession } from '../session/session-context';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { ageAt, formatDate, identifierLabel, listName, sexLabel } from '../ui/format';
import { Loading } from '../ui/Loading';
import { PageHeader } from '../ui/PageHeader';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useLoad } from '../ui/use-load';

const PAGE_SIZE = 20;
const KEYS = ['name', 'identifier', 'birthDate'] as const;

interface PagingState {
  /** The cursors of the pages before this one (the first page has none). */
  readonly previous?: readonly string[];
}

export function PatientSearchPage() {
  const { api, now } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const paging = (location.state as PagingState | null) ?? {};
  const id = useId();

  const query: PatientSearch = { limit: PAGE_SIZE };
  for (const k of [...KEYS, 'cursor'] as const) {
    const value = params.get(k);
    if (value) Object.assign(query, { [k]: value });
  }
  const key = params.toString();
  const [form, setForm] = useState(() => Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])));
  const [results] = useLoad(() => api.searchPatients(query), [key]);

  function search(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const k of KEYS) if (form[k]?.trim()) next.set(k, form[k].trim());
    void navigate({ search: next.toString() });
  }

  function goTo(cursor: string | undefined, previous: readonly string[]) {
    const next = new URLSearchParams(params);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    void navigate({ search: next.toString() }, { state: { previous } satisfies PagingState });
  }

  const previous = paging.previous ?? [];
  const problem = results.status === 'failed' ? results.problem : undefined;
  const fieldIds = { name: `${id}-name`, identifier: `${id}-identifier`, birthDate: `${id}-birth` };
  const filtered = KEYS.some((k) => params.get(k));
  const at = now();

  return (
    <>
      <PageHeader
        title="Patients"
        documentTitle="Patients"
        actions={
          <Link className="btn btn-primary" to="/patients/new">
            New patient
          </Link>
        }
      />
      <form className="search-bar" role="search" aria-label="Patients" onSubmit={search}>
        <TextField
          id={fieldIds.name}
          label="Name"
          hint="Start of a family or given name"
          value={form['name'] ?? ''}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          errors={problem?.issuesAt('name')}
          autoComplete="off"
        />
        <TextField
          id={fieldIds.identifier}
          label="Identifier"
          hint="MRN or other, exactly"
          value={form['identifier'] ?? ''}
          onChange={(e) => setForm({ ...form, identifier: e.target.value })}
          errors={problem?.issuesAt('identifier')}
          autoComplete="off"
        />
        <TextField
          id={fieldIds.birthDate}
          label="Birth date"
          hint="Exactly"
          type="date"
          value={form['birthDate'] ?? ''}
          onChange={(e) => setForm({ ...form, birthDate: e.target.value })}
          errors={problem?.issuesAt('birthDate')}
        />
        <div className="search-actions">
          <Button type="submit" variant="primary">
            Search
          </Button>
          {filtered && (
            <Button
              variant="ghost"
              onClick={() => {
                setForm({ name: '', identifier: '', birthDate: '' });
                void navigate({ search: '' });
              }}
            >
              Clear
            </Button>
          )}
        </div>
      </form>

      <ProblemAlert problem={problem} fields={fieldIds} />
      <section className="card" aria-labelledby={`${id}-results`}>
        <header className="card-header">
          <div className="card-heading">
            <h2 id={`${id}-results`} className="card-title">
              {filtered ? 'Matching patients' : 'All patients'}
            </h2>
          </div>
        </header>
        {results.status === 'loading' && <Loading label="Searching" />}
        {results.status === 'loaded' && results.value.items.length === 0 && (
          <p className="empty">
            {filtered ? 'No patient matches this search.' : 'No patients yet.'}{' '}
            <Link to="/patients/new">Register a new patient</Link>.
          </p>
        )}
        {results.status === 'loaded' && results.value.items.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Birth date</th>
                  <th scope="col">Age</th>
                  <th scope="col">Sex</th>
                  <th scope="col">Identifiers</th>
                </tr>
              </thead>
              <tbody>
                {results.value.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/patients/${p.id}`} className="row-link">
                        {listName(p)}
                      </Link>
                    </th>
                    <td>{formatDate(p.birthDate)}</td>
                    <td>{ageAt(p.birthDate, at) ?? '—'}</td>
                    <td>{sexLabel(p.sex)}</td>
                    <td>
                      {p.identifiers.length === 0
                        ? '—'
                        : p.identifiers.map((i) => (
                            <span key={`${i.system}|${i.value}`} className="identifier">
                              <span className="identifier-system">{identifierLabel(i)}</span> {i.value}
                            </span>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {results.status === 'loaded' && (previous.length > 0 || params.get('cursor') || results.value.next) && (
          <nav className="pager" aria-label="Result pages">
            <Button
              size="sm"
              disabled={!params.get('cursor')}
              onClick={() => goTo(previous[previous.length - 1], previous.slice(0, -1))}
            >
              Previous page
            </Button>
            <span className="pager-status">Page {previous.length + (params.get('cursor') ? 2 : 1)}</span>
            <Button
              size="sm"
              disabled={!results.value.next}
              onClick={() => {
                const here = params.get('cursor');
                goTo(results.value.next ?? undefined, here ? [...previous, here] : previous);
              }}
            >
              Next page
            </Button>
          </nav>
        )}
      </section>
    </>
  );
}
