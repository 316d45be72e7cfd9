// @vitest-environment jsdom
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogue, type MuscleCode } from '@knotwork/core';
import { BodyMap, type BodyMapView } from './BodyMap';
import { MIDLINE } from './figure';
import type { BodySide } from './muscle-shapes';
import { pathBounds } from './path-geometry';
import { SiteList } from './SiteList';
import { toggleSite, type PlanSite } from './sites';

afterEach(cleanup);

/** The map and the list over one state, as a plan page uses them. */
function Plan(props: { initial?: PlanSite[]; view?: BodyMapView; onSites?: (sites: PlanSite[]) => void }) {
  const [sites, setSites] = useState<PlanSite[]>(props.initial ?? []);
  const update = (next: PlanSite[]) => {
    setSites(next);
    props.onSites?.(next);
  };
  return (
    <>
      <BodyMap
        sites={sites}
        onToggle={(muscle, side) => update(toggleSite(sites, muscle, side))}
        {...(props.view === undefined ? {} : { view: props.view })}
      />
      <SiteList sites={sites} onChange={update} />
    </>
  );
}

const view = (name: 'Front of the body' | 'Back of the body') => screen.getByRole('group', { name });

function shape(viewName: 'Front of the body' | 'Back of the body', name: string | RegExp): SVGGElement {
  return within(view(viewName)).getByRole('checkbox', { name }) as unknown as SVGGElement;
}

/** Where a shape is drawn: on the viewer's left or right of the picture. */
function placement(element: Element): 'viewer-left' | 'viewer-right' {
  const d = element.querySelector('.bm-shape')?.getAttribute('d') ?? '';
  const { minX, maxX } = pathBounds(d);
  return (minX + maxX) / 2 < MIDLINE ? 'viewer-left' : 'viewer-right';
}

describe('BodyMap', () => {
  it('offers every catalogue muscle on both sides as a named checkbox', () => {
    render(<Plan />);
    for (const muscle of catalogue.muscles) {
      for (const side of ['left', 'right'] as const) {
        const boxes = screen.getAllByRole('checkbox', { name: new RegExp(`^${muscle.display}, ${side}\\b`) });
        expect(boxes.length, `${muscle.code} ${side}`).toBeGreaterThan(0);
      }
    }
  });

  it('names each shape with its side and its pleural risk', () => {
    render(<Plan />);
    expect(
      within(view('Back of the body')).getByRole('checkbox', {
        name: 'Trapezius, upper fibres, left (pleural risk moderate)',
      }),
    ).toBeTruthy();
    expect(shape('Front of the body', 'Intercostal muscles, right (pleural risk very high)')).toBeTruthy();
    expect(shape('Back of the body', 'Piriformis, left (deep)')).toBeTruthy();
    expect(shape('Front of the body', 'Masseter, right')).toBeTruthy();
  });

  it('gives each view a title and a description that says where each side is', () => {
    render(<Plan />);
    const front = view('Front of the body');
    expect(front.querySelector('title')?.textContent).toBe('Front of the body');
    expect(front.getAttribute('aria-describedby')).toBeTruthy();
    expect(front.querySelector('desc')?.textContent).toMatch(/patient's right is on the left/);
    expect(view('Back of the body').querySelector('desc')?.textContent).toMatch(/patient's left is on the left/);
  });

  it("draws the patient's right on the viewer's left from the front and on the viewer's right from the back", () => {
    render(<Plan />);
    expect(placement(shape('Front of the body', 'Deltoid, right'))).toBe('viewer-left');
    expect(placement(shape('Front of the body', 'Deltoid, left'))).toBe('viewer-right');
    expect(placement(shape('Back of the body', 'Deltoid, right'))).toBe('viewer-right');
    expect(placement(shape('Back of the body', 'Deltoid, left'))).toBe('viewer-left');
    const letters = (name: 'Front of the body' | 'Back of the body') =>
      Object.fromEntries(
        [...view(name).querySelectorAll('.bm-side-letter')].map((t) => [
          Number(t.getAttribute('x')) < MIDLINE ? 'viewer-left' : 'viewer-right',
          t.textContent,
        ]),
      );
    expect(letters('Front of the body')).toEqual({ 'viewer-left': 'R', 'viewer-right': 'L' });
    expect(letters('Back of the body')).toEqual({ 'viewer-left': 'L', 'viewer-right': 'R' });
  });

  it('toggles the side that was clicked, and only that side', () => {
    const onToggle = vi.fn<(muscle: MuscleCode, side: BodySide) => void>();
    render(<BodyMap sites={[]} onToggle={onToggle} />);
    fireEvent.click(shape('Back of the body', 'Gluteus medius and minimus, left'));
    expect(onToggle).toHaveBeenCalledExactlyOnceWith('gluteus-medius-minimus', 'left');
  });

  it('shows a site planned on both sides as checked on both, and unchecking one side keeps the other', async () => {
    const onSites = vi.fn();
    render(<Plan initial={[{ muscle: 'rhomboids', side: 'both' }]} onSites={onSites} />);
    const left = shape('Back of the body', /^Rhomboid major and minor, left/);
    const right = shape('Back of the body', /^Rhomboid major and minor, right/);
    expect([left.getAttribute('aria-checked'), right.getAttribute('aria-checked')]).toEqual(['true', 'true']);
    await userEvent.click(right);
    expect(onSites).toHaveBeenLastCalledWith([{ muscle: 'rhomboids', side: 'left' }]);
    expect(shape('Back of the body', /^Rhomboid major and minor, left/).getAttribute('aria-checked')).toBe('true');
    expect(shape('Back of the body', /^Rhomboid major and minor, right/).getAttribute('aria-checked')).toBe('false');
  });

  it('marks a planned shape with more than colour: a pattern, an outline class and an injection mark', () => {
    render(<Plan initial={[{ muscle: 'masseter', side: 'left' }]} />);
    const planned = shape('Front of the body', 'Masseter, left');
    expect(planned.getAttribute('class')).toContain('bm-selected');
    expect(planned.querySelector('.bm-planned-fill')?.getAttribute('fill')).toMatch(/^url\(#.+-planned\)$/);
    expect(planned.querySelector('.bm-site-mark')).not.toBeNull();
    expect(shape('Front of the body', 'Masseter, right').querySelector('.bm-site-mark')).toBeNull();
  });

  it('toggles from the keyboard with Space and Enter', async () => {
    const user = userEvent.setup();
    const onSites = vi.fn();
    render(<Plan onSites={onSites} />);
    const scm = shape('Front of the body', 'Sternocleidomastoid, left');
    scm.focus();
    expect(document.activeElement).toBe(scm);
    await user.keyboard(' ');
    expect(onSites).toHaveBeenLastCalledWith([{ muscle: 'sternocleidomastoid', side: 'left' }]);
    await user.keyboard('{Enter}');
    expect(onSites).toHaveBeenLastCalledWith([]);
  });

  it('is one tab stop per view, with arrow keys moving between the shapes', async () => {
    const user = userEvent.setup();
    render(<Plan view="back" />);
    const tabbable = () =>
      within(view('Back of the body'))
        .getAllByRole('checkbox')
        .filter((b) => b.tabIndex === 0);
    expect(tabbable()).toHaveLength(1);
    await user.tab();
    const first = document.activeElement;
    expect(first?.getAttribute('role')).toBe('checkbox');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).not.toBe(first);
    expect(document.activeElement?.getAttribute('role')).toBe('checkbox');
    expect(tabbable()).toEqual([document.activeElement]);
    await user.keyboard('{End}');
    await user.keyboard(' ');
    expect(document.activeElement?.getAttribute('aria-checked')).toBe('true');
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(first);
  });

  it('keeps the map and the list in step both ways', async () => {
    const user = userEvent.setup();
    render(<Plan />);
    await user.click(shape('Back of the body', /^Latissimus dorsi, right/));
    const list = screen.getByRole('region', { name: 'Planned sites' });
    const rows = () => within(list).getByRole('list');
    expect(within(rows()).getByText('Latissimus dorsi')).toBeTruthy();
    const latRow = within(rows()).getByRole('group', { name: 'Side for Latissimus dorsi' });
    expect(within(latRow).getByRole<HTMLInputElement>('radio', { name: 'Right' }).checked).toBe(true);

    await user.click(within(latRow).getByRole('radio', { name: 'Both' }));
    expect(shape('Back of the body', /^Latissimus dorsi, left/).getAttribute('aria-checked')).toBe('true');

    await user.selectOptions(within(list).getByLabelText('Muscle'), 'piriformis');
    const add = within(list).getByRole('form', { name: 'Add a site' });
    await user.click(within(add).getByRole('radio', { name: 'Left' }));
    await user.click(within(add).getByRole('button', { name: 'Add site' }));
    expect(shape('Back of the body', /^Piriformis, left/).getAttribute('aria-checked')).toBe('true');
    expect(shape('Back of the body', /^Piriformis, right/).getAttribute('aria-checked')).toBe('false');

    await user.click(within(list).getByRole('button', { name: 'Remove Latissimus dorsi' }));
    expect(shape('Back of the body', /^Latissimus dorsi, left/).getAttribute('aria-checked')).toBe('false');
    expect(within(rows()).queryByText('Latissimus dorsi')).toBeNull();
  });

  it('groups the muscles by body area in the list', () => {
    render(<Plan />);
    const select = screen.getByLabelText('Muscle');
    const groups = [...select.querySelectorAll('optgroup')].map((g) => g.getAttribute('label'));
    expect(groups).toContain('Neck');
    expect(select.querySelectorAll('option[value]:not([value=""])')).toHaveLength(catalogue.muscles.length);
  });

  it('shows one view at a time from the tabs', async () => {
    const user = userEvent.setup();
    render(<Plan />);
    expect(screen.getAllByRole('group', { name: /of the body/ })).toHaveLength(2);
    await user.click(screen.getByRole('tab', { name: 'Back' }));
    expect(screen.getByRole('tab', { name: 'Back' }).getAttribute('aria-selected')).toBe('true');
    expect(
      screen.getAllByRole('group', { name: /of the body/ }).map((g) => g.getAttribute('aria-labelledby')),
    ).toHaveLength(1);
    expect(screen.getByRole('group', { name: 'Back of the body' })).toBeTruthy();
  });

  it('moves between the tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    render(<Plan />);
    screen.getByRole('tab', { name: 'Front and back' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Front' }));
    expect(screen.queryByRole('group', { name: 'Back of the body' })).toBeNull();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Back' }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows a fixed view without tabs', () => {
    render(<Plan view="front" />);
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Back of the body' })).toBeNull();
  });

  it('names and outlines a muscle the screen flags', () => {
    render(
      <BodyMap
        sites={[]}
        onToggle={() => undefined}
        highlight={(m) => (m === 'iliopsoas' ? 'critical' : 'none')}
        view="front"
      />,
    );
    const flagged = shape('Front of the body', 'Iliopsoas, left (deep, screening critical)');
    expect(flagged.getAttribute('class')).toContain('bm-highlight-critical');
  });

  it('updates the plan within 100 ms of a click', () => {
    render(<Plan />);
    // one click first: the first event in a fresh jsdom pays for warming up the event system
    fireEvent.click(shape('Back of the body', /^Gluteus maximus, right/));
    const targets = [
      shape('Back of the body', /^Gluteus maximus, left/),
      shape('Back of the body', /^Piriformis, left/),
      shape('Front of the body', /^Deltoid, right/),
      shape('Front of the body', /^Masseter, left/),
      shape('Back of the body', /^Rhomboid major and minor, right/),
    ];
    const times = targets.map((target) => {
      const started = performance.now();
      fireEvent.click(target);
      const elapsed = performance.now() - started;
      // the same element, re-rendered in place (fireEvent commits React's update before returning)
      expect(target.getAttribute('aria-checked')).toBe('true');
      return elapsed;
    });
    // The median, so that a garbage-collection pause on a busy test machine does not fail it;
    // jsdom and React's development build are several times slower than a browser.
    expect(times.sort((a, b) => a - b)[2]).toBeLessThan(100);
  });

  it('uses no style attributes (the CSP forbids inline styles)', () => {
    const { container } = render(<Plan initial={[{ muscle: 'deltoid', side: 'both' }]} />);
    expect(container.querySelectorAll('[style]')).toHaveLength(0);
  });
});
