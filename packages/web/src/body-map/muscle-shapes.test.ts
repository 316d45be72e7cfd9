// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { catalogue } from '@knotwork/core';
import { BODY_FILL, MIDLINE, VIEW_BOX, headInset } from './figure';
import { MUSCLE_SHAPES, drawnSide, sideAt, type MuscleShape } from './muscle-shapes';
import { formatPath, mirrorPath, parsePath, pathArea, pathBounds, pathContains, type Point } from './path-geometry';

const centreX = (shape: MuscleShape): number => {
  const b = pathBounds(shape.d);
  return (b.minX + b.maxX) / 2;
};

const insideBody = (point: Point): boolean => BODY_FILL.some((d) => pathContains(d, point));
const insideHeadInset = (point: Point): boolean =>
  [false, true].some((mirrored) => pathContains(headInset(mirrored).outline, point));

describe('muscle shapes', () => {
  it('draw every catalogue muscle on both sides, so a new muscle cannot be left off the map', () => {
    for (const muscle of catalogue.muscles) {
      const sides = new Set(MUSCLE_SHAPES.filter((s) => s.muscle === muscle.code).map((s) => s.side));
      expect([muscle.code, [...sides].sort()]).toEqual([muscle.code, ['left', 'right']]);
    }
  });

  it('draw only catalogue muscles, each shape once', () => {
    const codes = new Set<string>(catalogue.muscles.map((m) => m.code));
    expect(MUSCLE_SHAPES.filter((s) => !codes.has(s.muscle))).toEqual([]);
    const ids = MUSCLE_SHAPES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are paths of absolute M, L, C, Q and Z only, which parse', () => {
    for (const shape of MUSCLE_SHAPES) {
      expect(() => parsePath(shape.d), shape.id).not.toThrow();
      expect(() => parsePath(shape.fibres), shape.id).not.toThrow();
      expect(shape.d, shape.id).toMatch(/^M [\d .MLCQZ-]+Z$/);
      expect(
        parsePath(shape.d).some((s) => s.command === 'C'),
        `${shape.id} is drawn with curves`,
      ).toBe(true);
    }
  });

  it('lie within the picture', () => {
    for (const shape of MUSCLE_SHAPES) {
      const b = pathBounds(shape.d);
      expect(b.minX, shape.id).toBeGreaterThanOrEqual(VIEW_BOX.x);
      expect(b.minY, shape.id).toBeGreaterThanOrEqual(VIEW_BOX.y);
      expect(b.maxX, shape.id).toBeLessThanOrEqual(VIEW_BOX.x + VIEW_BOX.width);
      expect(b.maxY, shape.id).toBeLessThanOrEqual(VIEW_BOX.y + VIEW_BOX.height);
    }
  });

  it('mark each site inside its own shape and on the body (or the head inset)', () => {
    for (const shape of MUSCLE_SHAPES) {
      expect(pathContains(shape.d, shape.anchor), `${shape.id} anchor in shape`).toBe(true);
      const onFigure = shape.inset === 'head' ? insideHeadInset(shape.anchor) : insideBody(shape.anchor);
      expect(onFigure, `${shape.id} anchor on the figure`).toBe(true);
    }
  });

  it('leave each marker where a click reaches that shape (no shape painted over it)', () => {
    MUSCLE_SHAPES.forEach((shape, index) => {
      const over = MUSCLE_SHAPES.slice(index + 1).filter(
        (s) => s.view === shape.view && pathContains(s.d, shape.anchor),
      );
      expect([shape.id, over.map((s) => s.id)]).toEqual([shape.id, []]);
    });
  });

  it('are big enough to tap (at least 60 square units, a 7 mm target at 1024 x 768)', () => {
    for (const shape of MUSCLE_SHAPES) expect(pathArea(shape.d), shape.id).toBeGreaterThanOrEqual(60);
  });

  it("put the patient's right on the viewer's left from the front, and the patient's left from the back", () => {
    expect(drawnSide('front')).toBe('right');
    expect(drawnSide('back')).toBe('left');
    expect(sideAt('front', 'viewer-right')).toBe('left');
    expect(sideAt('back', 'viewer-right')).toBe('right');
    for (const shape of MUSCLE_SHAPES) {
      const onViewerLeft = centreX(shape) < MIDLINE;
      const expected = shape.view === 'front' ? shape.side === 'right' : shape.side === 'left';
      expect([shape.id, onViewerLeft]).toEqual([shape.id, expected]);
    }
  });

  it('mirror each side onto the other', () => {
    for (const shape of MUSCLE_SHAPES) {
      const twin = MUSCLE_SHAPES.find(
        (s) => s.view === shape.view && s.muscle === shape.muscle && s.side !== shape.side,
      );
      expect(twin && mirrorPath(twin.d, MIDLINE), shape.id).toBe(formatPath(parsePath(shape.d)));
    }
  });

  it('show deep muscles as deep and the back muscles from behind', () => {
    const depth = (code: string) => new Set(MUSCLE_SHAPES.filter((s) => s.muscle === code).map((s) => s.depth));
    for (const deep of ['piriformis', 'quadratus-lumborum', 'iliopsoas', 'supraspinatus', 'scalenes']) {
      expect([deep, [...depth(deep)]]).toEqual([deep, ['deep']]);
    }
    const views = (code: string) => new Set(MUSCLE_SHAPES.filter((s) => s.muscle === code).map((s) => s.view));
    expect([...views('deltoid')].sort()).toEqual(['back', 'front']);
    for (const back of ['rhomboids', 'latissimus-dorsi', 'gluteus-maximus', 'piriformis']) {
      expect([back, [...views(back)]]).toEqual([back, ['back']]);
    }
    for (const front of ['pectoralis', 'abdominal-wall', 'iliopsoas', 'temporalis', 'masseter']) {
      expect([front, [...views(front)]]).toEqual([front, ['front']]);
    }
  });
});

describe('path geometry', () => {
  it('refuses relative commands and stray numbers', () => {
    expect(() => parsePath('m 1 2 l 3 4')).toThrow();
    expect(() => parsePath('M 1 2 C 3 4 5 6')).toThrow();
    expect(() => parsePath('L 1 2')).toThrow();
    expect(() => parsePath('M 1 2 A 1 1 0 0 1 3 4')).toThrow();
  });

  it('mirrors across the midline and back', () => {
    const d = 'M 150 100 C 160 110 170 120 180 130 L 150 130 Z';
    expect(mirrorPath(d, MIDLINE)).toBe('M 250 100 C 240 110 230 120 220 130 L 250 130 Z');
    expect(mirrorPath(mirrorPath(d, MIDLINE), MIDLINE)).toBe(d);
  });

  it('tells inside from outside', () => {
    const square = 'M 0 0 L 10 0 L 10 10 L 0 10 Z';
    expect(pathContains(square, [5, 5])).toBe(true);
    expect(pathContains(square, [15, 5])).toBe(false);
    expect(pathArea(square)).toBe(100);
  });
});
