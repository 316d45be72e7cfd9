// @vitest-environment jsdom
// The dose meter shows the server's level in words (not colour alone), its sentence, the combined
// percentage, each line's mg against its maximum and the mL still available.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DoseCheck, DoseLevel } from '../../api/visit-planning-types';
import { DoseMeter } from './DoseMeter';

afterEach(cleanup);

const LIDO = 'Lidocaine 1% (10 mg/mL), preservative-free';

function check(level: DoseLevel, fraction: number, overrides: Partial<DoseCheck> = {}): DoseCheck {
  return {
    weightKg: 68,
    weightAt: '2026-11-20T10:00:00.000Z',
    lines: [{ injectate: 'lidocaine-1pct', display: LIDO, volumeMl: 20, mg: 200, maxMg: 300, maxBy: 'cap', fraction }],
    combinedFraction: fraction,
    warnFraction: 0.8,
    level,
    available: [{ injectate: 'lidocaine-1pct', display: LIDO, ml: 10.000000000000002 }],
    words: `server words for ${level}`,
    sources: ['OLSON'],
    ...overrides,
  };
}

describe('DoseMeter', () => {
  it.each([
    ['within', 0.6667, 'Within the maximum', '67% of maximum'],
    ['near', 0.85, 'Near the maximum', '85% of maximum'],
    ['above', 1.2, 'Above the maximum', '120% of maximum'],
  ] as const)('reads %s in words and numbers', (level, fraction, word, percent) => {
    const { container } = render(<DoseMeter check={check(level, fraction)} />);
    const meter = screen.getByRole('region', { name: 'Dose meter' });
    expect(meter.textContent).toContain(word);
    expect(meter.textContent).toContain(percent);
    expect(meter.textContent).toContain(`server words for ${level}`);
    expect(meter.textContent).toContain('200 mg of 300 mg (absolute cap)');
    // The server's float noise is not shown.
    expect(screen.getByRole('list', { name: 'Still available' }).textContent).toBe(`10 mL still available of ${LIDO}`);
    expect(container.querySelector(`[data-level="${level}"]`)).not.toBeNull();
  });

  it('keeps the bar within its track above the maximum, and says so in words', () => {
    const { container } = render(<DoseMeter check={check('above', 1.5)} />);
    expect((container.querySelector('.dose-bar-fill') as HTMLElement).style.width).toBe('100%');
    expect(screen.getByText('Above the maximum')).toBeTruthy();
  });

  it('never shows more mL still available than the server allows', () => {
    render(
      <DoseMeter
        check={check('near', 0.87, {
          available: [{ injectate: 'lidocaine-1pct', display: LIDO, ml: 3.9999999999999996 }],
        })}
      />,
    );
    expect(screen.getByRole('list', { name: 'Still available' }).textContent).toBe(`3.9 mL still available of ${LIDO}`);
  });

  it('says the maximum is unknown without a weight, with no percentage', () => {
    render(<DoseMeter check={check('no-weight', 0, { weightKg: null, weightAt: null, available: [] })} />);
    const meter = screen.getByRole('region', { name: 'Dose meter' });
    expect(meter.textContent).toContain('No weight: maximum unknown');
    expect(meter.textContent).not.toContain('% of maximum');
    expect(meter.textContent).toContain('server words for no-weight');
  });

  it('asks for a product before there is anything to measure', () => {
    render(<DoseMeter check={undefined} />);
    expect(screen.getByRole('region', { name: 'Dose meter' }).textContent).toContain('Choose a product');
  });

  it('reads the same without colour: the level word is text, the icon is hidden from speech', () => {
    const { container } = render(<DoseMeter check={check('near', 0.85)} />);
    const icon = container.querySelector('.dose-icon');
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
    expect(container.querySelector('.dose-level strong')?.textContent).toBe('Near the maximum');
  });
});
