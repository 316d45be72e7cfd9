// Where each catalogue muscle lies on the body map: pure data. Each muscle is drawn once, on the
// viewer's-left half of a view, and mirrored for the other side (see figure.ts for the figure).
//
// Orientation: in the front view we face the patient, so the viewer's left is the PATIENT'S
// RIGHT; in the back view we stand behind them, so the viewer's left is the PATIENT'S LEFT.
// `drawnSide` says which side a drawing is; its mirror image is the other side.
//
// Outlines follow the muscle's attachments (origin to insertion) and `fibres` the direction of
// its fibres, so the shapes read as the muscles a clinician palpates: the trapezius as a kite,
// the latissimus as a wing into the axilla, the gluteals stacked, pectoralis as a fan into the
// humerus. Deep muscles (lying under others: piriformis, quadratus lumborum, iliopsoas,
// supraspinatus, scalenes...) are drawn over the superficial ones with a dashed outline, at the
// place they are palpated and injected, so they can be chosen without peeling layers.
import type { MuscleCode } from '@knotwork/core';
import { MIDLINE, placeInHeadInset } from './figure';
import { BACK_DRAWINGS } from './muscle-drawings-back';
import { FRONT_DRAWINGS } from './muscle-drawings-front';
import { fibreLines, mirrorPath, mirrorPoint, transformPath, type FibreSpec, type Point } from './path-geometry';

export type View = 'front' | 'back';
export type BodySide = 'left' | 'right';
export type Depth = 'superficial' | 'deep';

export interface MuscleDrawing {
  readonly muscle: MuscleCode;
  readonly view: View;
  /** 'head': the enlarged side-of-head inset in the front view's top corners. */
  readonly inset?: 'head';
  readonly depth: Depth;
  /** The outline on the viewer's-left half (for an inset, in the inset's own coordinates). */
  readonly d: string;
  readonly fibres: FibreSpec;
  /** Extra anatomical lines inside the outline (tendinous intersections, rib lines). */
  readonly details?: string;
  /** A point inside the exposed part of the outline: where a planned site's marker sits. */
  readonly anchor: Point;
}

export interface MuscleShape {
  /** Unique per shape, usable in SVG ids: `${view}-${muscle}-${side}`. */
  readonly id: string;
  readonly muscle: MuscleCode;
  readonly view: View;
  readonly side: BodySide;
  readonly inset?: 'head';
  readonly depth: Depth;
  readonly d: string;
  readonly fibres: string;
  readonly anchor: Point;
}

/** Which side of the patient the viewer's-left half of a view shows. */
export function drawnSide(view: View): BodySide {
  switch (view) {
    case 'front':
      return 'right';
    case 'back':
      return 'left';
  }
}

const otherSide = (side: BodySide): BodySide => (side === 'left' ? 'right' : 'left');

/** Which side of the patient lies on the viewer's left ('start') or right ('end') of a view. */
export function sideAt(view: View, edge: 'viewer-left' | 'viewer-right'): BodySide {
  return edge === 'viewer-left' ? drawnSide(view) : otherSide(drawnSide(view));
}

/** Every drawing, in paint order: superficial before deep, so deep shapes stay reachable. */
export const MUSCLE_DRAWINGS: readonly MuscleDrawing[] = [...FRONT_DRAWINGS, ...BACK_DRAWINGS];

function shapesOf(drawing: MuscleDrawing): MuscleShape[] {
  const side = drawnSide(drawing.view);
  const base = {
    muscle: drawing.muscle,
    view: drawing.view,
    depth: drawing.depth,
    ...(drawing.inset === undefined ? {} : { inset: drawing.inset }),
  };
  // An inset's drawing is in the inset's own coordinates: place it in the view.
  const place = (d: string): string => (drawing.inset === 'head' ? transformPath(d, placeInHeadInset) : d);
  const d = place(drawing.d);
  const fibres = place(fibreLines(drawing.fibres) + (drawing.details === undefined ? '' : ` ${drawing.details}`));
  const anchor = drawing.inset === 'head' ? placeInHeadInset(drawing.anchor) : drawing.anchor;
  const other = otherSide(side);
  return [
    { ...base, id: `${drawing.view}-${drawing.muscle}-${side}`, side, d, fibres, anchor },
    {
      ...base,
      id: `${drawing.view}-${drawing.muscle}-${other}`,
      side: other,
      d: mirrorPath(d, MIDLINE),
      fibres: mirrorPath(fibres, MIDLINE),
      anchor: mirrorPoint(anchor, MIDLINE),
    },
  ];
}

const byDepth = (a: MuscleDrawing, b: MuscleDrawing): number =>
  (a.depth === 'deep' ? 1 : 0) - (b.depth === 'deep' ? 1 : 0);

/** Every shape of every muscle, both sides, in paint order per view. */
export const MUSCLE_SHAPES: readonly MuscleShape[] = [...MUSCLE_DRAWINGS].sort(byDepth).flatMap(shapesOf);

export function shapesInView(view: View): MuscleShape[] {
  return MUSCLE_SHAPES.filter((s) => s.view === view);
}
