// One view of the body map (front or back) as inline SVG: the figure, then every muscle shape as
// a checkbox. A shape's state shows in more than colour: planned shapes are striped with a heavy
// outline and carry an injection mark; deep muscles are dashed; pleural-risk muscles dotted.
import { memo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { MuscleCode } from '@knotwork/core';
import {
  BODY_CONTOUR,
  BODY_FILL,
  BACK_LANDMARKS,
  FRONT_LANDMARKS,
  headInset,
  HEAD_INSET_LABEL,
  MIDLINE,
  VIEW_BOX,
} from './figure';
import { findMuscle, hasPleuralRiskHint, shapeName, type Highlight } from './muscle-names';
import { MUSCLE_SHAPES, sideAt, shapesInView, type BodySide, type MuscleShape, type View } from './muscle-shapes';
import type { SiteSides } from './sites';

export interface BodyViewProps {
  readonly view: View;
  readonly idPrefix: string;
  readonly planned: (muscle: string) => SiteSides;
  readonly onToggle: (muscle: MuscleCode, side: BodySide) => void;
  readonly highlight?: ((muscle: MuscleCode) => Highlight) | undefined;
}

const HOW = 'Each muscle side is a checkbox: Space or Enter plans it; the arrow keys move between muscles.';

const TITLES: Record<View, { title: string; description: string }> = {
  front: {
    title: 'Front of the body',
    description: `Seen from the front: the patient's right is on the left of the picture. The insets show the sides of the head. ${HOW}`,
  },
  back: {
    title: 'Back of the body',
    description: `Seen from behind: the patient's left is on the left of the picture. ${HOW}`,
  },
};

const VIEW_SHAPES: Record<View, MuscleShape[]> = { front: shapesInView('front'), back: shapesInView('back') };

const SHAPES_BY_ID = new Map(MUSCLE_SHAPES.map((shape) => [shape.id, shape]));

/** Arrow-key order within a view: top to bottom, then across (the marker points, in bands). */
const FOCUS_ORDER: Record<View, string[]> = {
  front: focusOrder('front'),
  back: focusOrder('back'),
};

function focusOrder(view: View): string[] {
  const band = (shape: MuscleShape) => Math.round(shape.anchor[1] / 12);
  return [...VIEW_SHAPES[view]].sort((a, b) => band(a) - band(b) || a.anchor[0] - b.anchor[0]).map((shape) => shape.id);
}

const NEXT_KEYS: Record<string, (at: number, last: number) => number> = {
  ArrowDown: (at, last) => Math.min(at + 1, last),
  ArrowRight: (at, last) => Math.min(at + 1, last),
  ArrowUp: (at) => Math.max(at - 1, 0),
  ArrowLeft: (at) => Math.max(at - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

const SIDE_LETTER: Record<BodySide, string> = { left: 'L', right: 'R' };

export function BodyView({ view, idPrefix, planned, onToggle, highlight }: BodyViewProps) {
  const id = (name: string): string => `${idPrefix}-${view}-${name}`;
  const { title, description } = TITLES[view];
  const leftOfPicture = sideAt(view, 'viewer-left');
  const rightOfPicture = sideAt(view, 'viewer-right');

  // One handler for the whole view (the shapes carry their muscle and side as data), so a
  // toggle re-renders only the shapes whose state changed.
  const shapeOf = (target: EventTarget): MuscleShape | undefined => {
    const element = target instanceof Element ? target.closest('[data-shape]') : null;
    return element === null ? undefined : SHAPES_BY_ID.get(element.getAttribute('data-shape') ?? '');
  };
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const shape = shapeOf(event.target);
    if (shape !== undefined) onToggle(shape.muscle, shape.side);
  };
  // One tab stop per view (the shape last focused); arrow keys, Home and End move between shapes.
  const order = FOCUS_ORDER[view];
  const [active, setActive] = useState(order[0]);
  const svg = useRef<SVGSVGElement>(null);
  // The focused shape's ring is drawn over everything: its neighbours would hide part of it.
  const [focused, setFocused] = useState<MuscleShape | undefined>(undefined);
  const onFocus = (event: FocusEvent<SVGSVGElement>) => {
    const shape = shapeOf(event.target);
    if (shape !== undefined) setActive(shape.id);
    setFocused(shape !== undefined && event.target.matches(':focus-visible') ? shape : undefined);
  };
  const onBlur = () => setFocused(undefined);
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const shape = shapeOf(event.target);
    if (shape === undefined) return;
    const move = NEXT_KEYS[event.key];
    if (move !== undefined) {
      event.preventDefault();
      const next = order[move(order.indexOf(shape.id), order.length - 1)];
      svg.current?.querySelector<SVGGElement>(`[data-shape="${next}"]`)?.focus();
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      onToggle(shape.muscle, shape.side);
    }
  };

  return (
    <svg
      className={`bm-view bm-view-${view}`}
      viewBox={`${VIEW_BOX.x} ${VIEW_BOX.y} ${VIEW_BOX.width} ${VIEW_BOX.height}`}
      role="group"
      aria-labelledby={id('title')}
      aria-describedby={id('desc')}
      ref={svg}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <title id={id('title')}>{title}</title>
      <desc id={id('desc')}>{description}</desc>
      <ViewFigure view={view} prefix={`${idPrefix}-${view}`} />

      {VIEW_SHAPES[view].map((shape) => (
        <MuscleShapeView
          key={shape.id}
          shape={shape}
          selected={planned(shape.muscle)[shape.side]}
          mark={highlight?.(shape.muscle) ?? 'none'}
          clipId={id(`clip-${shape.id}`)}
          plannedPatternId={id('planned')}
          pleuralPatternId={id('pleural')}
          tabbable={shape.id === active}
        />
      ))}

      {focused !== undefined && (
        <g className="bm-focus-ring" aria-hidden="true">
          <path className="bm-focus-halo" d={focused.d} />
          <path className="bm-focus-line" d={focused.d} />
        </g>
      )}

      <g className="bm-side-labels" aria-hidden="true">
        {(
          [
            [VIEW_BOX.x + 34, leftOfPicture],
            [2 * MIDLINE - VIEW_BOX.x - 34, rightOfPicture],
          ] as const
        ).map(([x, side]) => (
          <g key={side} className={`bm-side-label bm-side-label-${side}`}>
            <text className="bm-side-letter" x={x} y="512">
              {SIDE_LETTER[side]}
            </text>
            <text className="bm-side-word" x={x} y="528">
              {side === 'left' ? 'Left' : 'Right'}
            </text>
          </g>
        ))}
        {view === 'front' && (
          <>
            <text className="bm-inset-label" x={HEAD_INSET_LABEL[0]} y={HEAD_INSET_LABEL[1]}>
              {`${SIDE_LETTER[leftOfPicture]} side of head`}
            </text>
            <text className="bm-inset-label" x={2 * MIDLINE - HEAD_INSET_LABEL[0]} y={HEAD_INSET_LABEL[1]}>
              {`${SIDE_LETTER[rightOfPicture]} side of head`}
            </text>
          </>
        )}
      </g>
    </svg>
  );
}

interface MuscleShapeViewProps {
  readonly shape: MuscleShape;
  readonly selected: boolean;
  readonly mark: Highlight;
  readonly clipId: string;
  readonly plannedPatternId: string;
  readonly pleuralPatternId: string;
  readonly tabbable: boolean;
}

/** One muscle on one side: a checkbox drawn as the muscle, its fibres, its state. */
const MuscleShapeView = memo(function MuscleShapeView(props: MuscleShapeViewProps) {
  const { shape, selected, mark } = props;
  const muscle = findMuscle(shape.muscle);
  const pleural = muscle !== undefined && hasPleuralRiskHint(muscle);
  const className = [
    'bm-muscle',
    `bm-${shape.depth}`,
    selected ? 'bm-selected' : '',
    pleural ? 'bm-pleural' : '',
    mark === 'none' ? '' : `bm-highlight-${mark}`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <g
      className={className}
      role="checkbox"
      aria-checked={selected}
      aria-label={shapeName(shape.muscle, shape.side, { deep: shape.depth === 'deep', highlight: mark })}
      tabIndex={props.tabbable ? 0 : -1}
      data-shape={shape.id}
    >
      <path className="bm-shape" d={shape.d} />
      <path className="bm-fibres" d={shape.fibres} clipPath={`url(#${props.clipId})`} />
      {pleural && <path className="bm-pleural-dots" d={shape.d} fill={`url(#${props.pleuralPatternId})`} />}
      {selected && <path className="bm-planned-fill" d={shape.d} fill={`url(#${props.plannedPatternId})`} />}
      <path className="bm-outline" d={shape.d} />
      {selected && (
        <g className="bm-site-mark" transform={`translate(${shape.anchor[0]} ${shape.anchor[1]})`}>
          <circle r="5" />
          <path d="M -3 -3 L 3 3 M -3 3 L 3 -3" />
        </g>
      )}
    </g>
  );
});

/** The static part of a view: patterns, clip paths and the figure under the muscles. */
const ViewFigure = memo(function ViewFigure({ view, prefix }: { view: View; prefix: string }) {
  return (
    <>
      <defs>
        <pattern
          id={`${prefix}-planned`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect className="bm-pattern-planned-ground" width="6" height="6" />
          <rect className="bm-pattern-planned-stripe" width="2.5" height="6" />
        </pattern>
        <pattern id={`${prefix}-pleural`} width="8" height="8" patternUnits="userSpaceOnUse">
          <circle className="bm-pattern-pleural-dot" cx="4" cy="4" r="0.85" />
        </pattern>
        {VIEW_SHAPES[view].map((shape) => (
          <clipPath key={shape.id} id={`${prefix}-clip-${shape.id}`}>
            <path d={shape.d} />
          </clipPath>
        ))}
      </defs>

      <g className="bm-figure" aria-hidden="true">
        {BODY_FILL.map((d) => (
          <path key={d} className="bm-body" d={d} />
        ))}
        <path className="bm-landmark" d={view === 'front' ? FRONT_LANDMARKS : BACK_LANDMARKS} />
        <path className="bm-contour" d={BODY_CONTOUR} />
        {view === 'front' &&
          [false, true].map((mirrored) => {
            const inset = headInset(mirrored);
            return (
              <g key={String(mirrored)} className="bm-inset">
                <path className="bm-inset-frame" d={inset.frame} />
                <path className="bm-body bm-contour" d={inset.outline} />
                <path className="bm-landmark" d={inset.landmarks} />
              </g>
            );
          })}
      </g>
    </>
  );
});
