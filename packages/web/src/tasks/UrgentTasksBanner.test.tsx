// @vitest-environment jsdom
// The urgent-task banner: polls the open tasks, most urgent first, announces new ones, and
// acknowledges or resolves a task with its ETag.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { outcomeEndpoints } from '../api/outcome-endpoints';
import type { ClinicTask } from '../api/outcome-types';
import { UrgentTasks } from './UrgentTasksBanner';

afterEach(cleanup);

const task = (id: string, urgency: ClinicTask['urgency'], summary: string): ClinicTask => ({
  id,
  kind: 'red-flag',
  urgency,
  patientId: `p-${id}`,
  patientName: `Patient ${id}`,
  visitId: `v-${id}`,
  createdAt: '2026-11-27T12:00:00Z',
  summary,
  status: 'open',
  etag: '"1"',
});

function rig(initial: ClinicTask[]) {
  let tasks = initial;
  const sent: string[] = [];
  const fetchImpl = (url: string, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    sent.push(`${init?.method} ${url} ${headers['if-match'] ?? ''}`.trim());
    const m = /^\/api\/tasks\/([^/]+)\/(acknowledge|resolve)$/.exec(url);
    let body: unknown = { tasks };
    if (m) {
      const status = m[2] === 'resolve' ? 'resolved' : 'acknowledged';
      tasks = tasks.map((t) => (t.id === m[1] ? { ...t, status, etag: '"2"' } : t));
      body = tasks.find((t) => t.id === m[1]);
    }
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  };
  const api = outcomeEndpoints(
    createApiClient(
      { csrfToken: () => 'csrf', renewSession: (p) => Promise.reject(p) },
      fetchImpl as unknown as typeof fetch,
    ),
  );
  return {
    api,
    sent,
    add: (t: ClinicTask) => {
      tasks = [...tasks, t];
    },
  };
}

describe('the urgent-task banner', () => {
  it('shows nothing while there is no open task', async () => {
    const r = rig([]);
    render(
      <MemoryRouter>
        <UrgentTasks api={r.api} />
      </MemoryRouter>,
    );
    await waitFor(() => expect(r.sent).toEqual(['GET /api/tasks?status=open']));
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('lists open tasks most urgent first, and picks up a new one on the next poll', async () => {
    const r = rig([
      task('a', 'soon', 'Fever after injection'),
      task('b', 'emergency', 'Chest pain or shortness of breath'),
    ]);
    render(
      <MemoryRouter>
        <UrgentTasks api={r.api} pollMs={40} />
      </MemoryRouter>,
    );
    const banner = await screen.findByRole('region', { name: /2 urgent tasks/ });
    const items = within(banner).getAllByRole('listitem');
    expect(items[0]?.textContent).toMatch(/Emergency.*Patient b.*Chest pain/);
    expect(within(banner).getByRole('link', { name: 'Patient b' }).getAttribute('href')).toBe('/patients/p-b');
    r.add(task('c', 'urgent', 'Fainting'));
    await screen.findByRole('region', { name: /3 urgent tasks/ });
    expect(screen.getByRole('status').textContent).toMatch(/1 new urgent task: Fainting/);
  });

  it('acknowledges then resolves a task with its ETag; a resolved task leaves the banner', async () => {
    const r = rig([task('a', 'emergency', 'Chest pain or shortness of breath')]);
    render(
      <MemoryRouter>
        <UrgentTasks api={r.api} />
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge Patient a' }));
    await screen.findByText(/acknowledged/);
    expect(screen.queryByRole('button', { name: 'Acknowledge Patient a' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resolve Patient a' }));
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    expect(r.sent.filter((s) => s.startsWith('POST'))).toEqual([
      'POST /api/tasks/a/acknowledge "1"',
      'POST /api/tasks/a/resolve "2"',
    ]);
  });
});
