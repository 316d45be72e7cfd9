// @vitest-environment jsdom
// The versions table names who signed each version: by the name the server answered, never an id
// when a name is known.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { ProcedureNote } from '../../api/visit-record-types';
import { VersionList } from './VersionList';

afterEach(cleanup);

const version = (over: Partial<ProcedureNote>): ProcedureNote =>
  ({
    id: 'n1',
    visitId: 'v1',
    version: 1,
    status: 'signed',
    revision: 3,
    createdBy: 'u-nurse',
    createdByName: 'Nurse Ito',
    signedBy: 'u-lee',
    signedByName: 'Dr Lee',
    signedAt: '2026-11-27T10:30:00.000Z',
    amendmentReason: null,
    previousVersionId: null,
    ...over,
  }) as ProcedureNote;

it('shows the signer’s name, the caller as “you”, and a dash for a draft', () => {
  const you = (id: string, name: string | null | undefined) => (id === 'u-me' ? 'Me (you)' : (name ?? id));
  render(
    <VersionList
      notes={[
        version({}),
        version({
          id: 'n2',
          version: 2,
          status: 'amended',
          signedBy: 'u-me',
          signedByName: 'Me',
          amendmentReason: 'Typo',
        }),
        version({ id: 'n3', version: 3, status: 'draft', signedBy: null, signedByName: null, signedAt: null }),
      ]}
      signerName={you}
    />,
  );
  const cells = screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelectorAll('td')[2]?.textContent);
  expect(cells).toEqual(['—', 'Me (you)', 'Dr Lee']);
  expect(screen.queryByText('u-lee')).toBeNull();
});
