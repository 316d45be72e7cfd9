// @vitest-environment jsdom
// The signature: a typed name must be the signer's name (for keyboard users); a drawn signature
// is the canvas exported as a PNG data URL (the canvas mocked: jsdom has none).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import type { ConsentSignature as Signature } from '../../api/visit-record-types';
import { ConsentSignature } from './ConsentSignature';
import { SignaturePad } from './SignaturePad';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

it('signs with the typed name only when it is the signer’s name', async () => {
  const user = userEvent.setup();
  const onSign = vi.fn<(signature: Signature) => Promise<void>>(() => Promise.resolve());
  render(<ConsentSignature formVersion="f-1" patientName="Ada Okafor" onSign={onSign} />);
  const record = screen.getByRole('button', { name: 'Record consent' });
  expect(record).toHaveProperty('disabled', true);

  const typed = screen.getByLabelText('Typed signature');
  await user.type(typed, 'Ada Okafur');
  expect(typed.getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByText('must be the signer’s name as written above')).toBeTruthy();
  expect(record).toHaveProperty('disabled', true);

  await user.clear(typed);
  await user.type(typed, 'Ada Okafor');
  expect(typed.getAttribute('aria-invalid')).toBeNull();
  await user.click(record);
  await waitFor(() => expect(onSign).toHaveBeenCalledTimes(1));
  expect(onSign.mock.calls[0]?.[0]).toEqual({
    formVersion: 'f-1',
    signerKind: 'patient',
    signerName: 'Ada Okafor',
    signerRelationship: null,
    signatureKind: 'typed-name',
    signatureData: 'Ada Okafor',
  });
});

it('asks a representative for the relationship', async () => {
  const user = userEvent.setup();
  const onSign = vi.fn<(signature: Signature) => Promise<void>>(() => Promise.resolve());
  render(<ConsentSignature formVersion="f-1" patientName="Ada Okafor" onSign={onSign} />);
  await user.click(screen.getByRole('radio', { name: 'A representative' }));
  await user.type(screen.getByLabelText('Signer’s full name'), 'Chidi Okafor');
  await user.type(screen.getByLabelText(/Typed signature/), 'Chidi Okafor');
  expect(screen.getByRole('button', { name: 'Record consent' })).toHaveProperty('disabled', true);
  await user.type(screen.getByLabelText(/Relationship to the patient/), 'Son');
  await user.click(screen.getByRole('button', { name: 'Record consent' }));
  await waitFor(() => expect(onSign).toHaveBeenCalled());
  expect(onSign.mock.calls[0]?.[0]).toMatchObject({
    signerKind: 'representative',
    signerName: 'Chidi Okafor',
    signerRelationship: 'Son',
  });
});

it('exports a drawn signature as a PNG data URL, and clears it', () => {
  const context = {
    beginPath: vi.fn(),
    moveTo: vi.fn(),
    lineTo: vi.fn(),
    stroke: vi.fn(),
    clearRect: vi.fn(),
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as never);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,AAAA');
  const onChange = vi.fn();
  render(<SignaturePad label="Signature" onChange={onChange} />);
  const canvas = screen.getByRole('img', { name: /Signature: empty/ });
  fireEvent.pointerDown(canvas, { clientX: 10, clientY: 10, pointerId: 1 });
  fireEvent.pointerMove(canvas, { clientX: 40, clientY: 30, pointerId: 1 });
  fireEvent.pointerUp(canvas, { clientX: 40, clientY: 30, pointerId: 1 });
  expect(onChange).toHaveBeenLastCalledWith('data:image/png;base64,AAAA');
  expect(screen.getByRole('img', { name: 'Signature: signed' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Clear signature' }));
  expect(onChange).toHaveBeenLastCalledWith(null);
});
