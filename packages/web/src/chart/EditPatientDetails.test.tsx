// @vitest-environment jsdom
// Editing a patient's details from the chart: read with the revision, saved with If-Match; a 412
// keeps what was typed, shows the details someone else saved, and saving again uses their revision.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { ApiProblem } from '../api/problem';
import type { Patient, PatientInput } from '../api/types';
import { SessionContext, type SessionContextValue } from '../session/session-context';
import { ChartActionsContext } from './chart-actions';
import { EditPatientDetails } from './EditPatientDetails';

afterEach(cleanup);

const ben: Patient = {
  id: 'p1',
  identifiers: [{ system: 'urn:knotwork:mrn', value: 'MRN-1' }],
  family: 'Hartley',
  given: ['Ben'],
  birthDate: '1970-03-02',
  sex: 'male',
  revision: 4,
};
const theirs: Patient = { ...ben, family: 'Hartley-Jones', revision: 5 };

it('saves the edited details with the revision read; a 412 keeps the typing and explains', async () => {
  const user = userEvent.setup();
  const reads = [ben, theirs];
  const stale = new ApiProblem({
    status: 412,
    code: 'precondition-failed',
    title: 'The record has changed',
    detail: 'patient p1 is at revision 5, not revision 4: read it again',
  });
  const api = {
    readPatient: vi.fn(() => Promise.resolve({ data: reads.shift() ?? theirs, status: 200, etag: undefined })),
    updatePatient: vi
      .fn<(id: string, input: PatientInput, revision: number) => Promise<Patient>>()
      .mockRejectedValueOnce(stale)
      .mockResolvedValueOnce({ ...theirs, given: ['Benjamin'], revision: 6 }),
  };
  const saved = vi.fn(() => Promise.resolve());
  const session = { api, now: () => new Date('2026-11-27T10:00:00Z') } as unknown as SessionContextValue;
  render(
    <SessionContext.Provider value={session}>
      <ChartActionsContext.Provider value={{ patientId: 'p1', saved }}>
        <EditPatientDetails />
      </ChartActionsContext.Provider>
    </SessionContext.Provider>,
  );
  await user.click(screen.getByRole('button', { name: 'Edit details' }));
  const form = await screen.findByRole('form', { name: 'Patient details' });
  const given = within(form).getByRole<HTMLInputElement>('textbox', { name: /Given names/ });
  expect(given.value).toBe('Ben');
  expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Identifier 1' }).value).toBe('MRN-1');
  await user.clear(given);
  await user.type(given, 'Benjamin');
  await user.click(within(form).getByRole('button', { name: 'Save details' }));

  expect(api.updatePatient).toHaveBeenLastCalledWith(
    'p1',
    {
      family: 'Hartley',
      given: ['Benjamin'],
      birthDate: '1970-03-02',
      sex: 'male',
      identifiers: [{ system: 'urn:knotwork:mrn', value: 'MRN-1' }],
    },
    4,
  );
  expect((await screen.findByRole('status')).textContent).toContain('Someone else saved these details');
  expect(screen.getByRole('status').textContent).toContain('Ben Hartley-Jones');
  expect(given.value).toBe('Benjamin');
  expect(saved).not.toHaveBeenCalled();

  await user.click(within(form).getByRole('button', { name: 'Save over their version' }));
  expect(api.updatePatient.mock.calls[1]?.[2]).toBe(5);
  expect(saved).toHaveBeenCalledWith('Patient details saved');
});
