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

const FRONT: readonly MuscleDrawing[] = [
  {
    muscle: 'abdominal-wall',
    view: 'front',
    depth: 'superficial',
    d:
      'M 197 266 C 197 300 197 350 197 398 C 190 398 184 394 178 388 C 170 378 162 366 156 353 ' +
      'C 153 340 152 325 153 311 C 153 305 154 302 157 299 C 172 292 186 280 197 266 Z',
    // external oblique, down and forward into the rectus sheath
    fibres: {
      from: [
        [156, 302],
        [157, 352],
      ],
      to: [
        [181, 300],
        [184, 372],
      ],
      count: 7,
    },
    // linea semilunaris and the rectus's tendinous intersections
    details: 'M 182 280 C 178 310 178 350 188 394 M 183 296 L 197 294 M 180 322 L 197 322 M 181 348 L 197 350',
    anchor: [170, 322],
  },
  {
    muscle: 'pectoralis',
    view: 'front',
    depth: 'superficial',
    d:
      'M 196 164 C 196 190 197 220 196 248 C 186 256 170 258 158 250 C 150 244 144 234 140 224 ' +
      'C 137 216 135 210 137 204 C 141 194 146 180 153 166 C 168 162 182 162 196 164 Z',
    fibres: {
      from: [
        [158, 164],
        [196, 246],
      ],
      to: [
        [138, 204],
        [141, 224],
      ],
      count: 12,
      bow: [0, 3],
    },
    anchor: [172, 212],
  },
  {
    muscle: 'serratus-anterior',
    view: 'front',
    depth: 'superficial',
    // digitations on the upper ribs, pointing forward and down
    d:
      'M 144 240 C 150 242 156 248 160 256 C 157 259 154 260 151 260 C 156 264 161 268 164 274 ' +
      'C 161 277 157 278 153 278 C 158 282 162 287 165 292 C 161 296 155 298 151 300 C 149 282 146 260 144 240 Z',
    fibres: {
      from: [
        [145, 244],
        [150, 298],
      ],
      to: [
        [159, 255],
        [164, 291],
      ],
      count: 6,
    },
    anchor: [152, 270],
  },
  {
    muscle: 'intercostals',
    view: 'front',
    depth: 'superficial',
    d:
      'M 163 256 C 174 258 186 256 195 252 C 197 256 197 260 196 264 C 186 276 176 284 167 290 ' +
      'C 168 280 166 266 163 256 Z',
    // the ribs the muscles lie between
    fibres: {
      from: [
        [162, 262],
        [166, 292],
      ],
      to: [
        [198, 254],
        [186, 280],
      ],
      count: 4,
      bow: [0, -3],
    },
    anchor: [177, 268],
  },
  {
    muscle: 'deltoid',
    view: 'front',
    depth: 'superficial',
    d:
      'M 139 160 C 127 160 112 168 108 186 C 105 202 104 222 106 244 C 110 251 114 253 117 248 ' +
      'C 124 232 132 214 140 200 C 144 190 149 176 153 165 C 149 161 144 160 139 160 Z',
    fibres: {
      from: [
        [108, 184],
        [153, 165],
      ],
      to: [
        [114, 249],
        [114, 249],
      ],
      count: 9,
    },
    anchor: [124, 196],
  },
  {
    muscle: 'trapezius-upper',
    view: 'front',
    depth: 'superficial',
    // the slope of the shoulder seen from the front, behind the clavicle
    d:
      'M 176 132 C 176 138 175 141 174 143 C 166 150 152 155 137 160 C 148 162 158 161 165 158 ' +
      'C 170 155 173 150 174 144 C 175 140 176 136 176 132 Z',
    fibres: {
      from: [
        [176, 134],
        [174, 146],
      ],
      to: [
        [150, 157],
        [139, 161],
      ],
      count: 4,
    },
    anchor: [158, 156],
  },
  {
    muscle: 'sternocleidomastoid',
    view: 'front',
    depth: 'superficial',
    d:
      'M 173 115 C 176 115 178 118 180 122 C 185 134 190 146 195 155 C 196 159 193 162 189 160 ' +
      'C 182 149 176 137 172 126 C 171 121 171 117 173 115 Z',
    fibres: {
      from: [
        [174, 116],
        [179, 119],
      ],
      to: [
        [189, 160],
        [195, 157],
      ],
      count: 3,
    },
    anchor: [184, 140],
  },
  {
    muscle: 'scalenes',
    view: 'front',
    depth: 'deep',
    d:
      'M 177 128 C 180 136 182 146 184 156 C 180 160 174 161 168 160 C 164 160 160 159 158 158 ' +
      'C 164 150 170 140 174 131 C 175 128 176 127 177 128 Z',
    fibres: {
      from: [
        [174, 130],
        [178, 130],
      ],
      to: [
        [162, 158],
        [183, 158],
      ],
      count: 4,
    },
    anchor: [174, 149],
  },
  {
    muscle: 'iliopsoas',
    view: 'front',
    depth: 'deep',
    d:
      'M 172 344 C 180 356 186 374 186 392 C 186 410 184 426 181 440 C 177 441 173 438 171 432 ' +
      'C 166 414 160 394 158 376 C 157 362 163 350 172 344 Z',
    fibres: {
      from: [
        [160, 352],
        [182, 350],
      ],
      to: [
        [175, 438],
        [180, 438],
      ],
      count: 6,
    },
    anchor: [174, 398],
  },
  {
    muscle: 'temporalis',
    view: 'front',
    inset: 'head',
    depth: 'superficial',
    d:
      'M 84 70 C 76 66 66 58 56 52 C 46 48 36 46 34 39 C 36 26 50 18 66 18 C 82 18 94 26 98 38 ' +
      'C 100 48 96 58 92 64 C 90 68 88 70 84 70 Z',
    fibres: {
      from: [
        [34, 40],
        [99, 42],
      ],
      to: [
        [84, 70],
        [86, 70],
      ],
      count: 10,
      bow: [0, -4],
    },
    anchor: [68, 36],
  },
  {
    muscle: 'masseter',
    view: 'front',
    inset: 'head',
    depth: 'superficial',
    d: 'M 72 70 C 80 68 92 67 100 68 C 101 78 100 90 98 100 C 90 102 82 102 75 100 C 72 92 71 80 72 70 Z',
    fibres: {
      from: [
        [76, 69],
        [100, 68],
      ],
      to: [
        [73, 96],
        [94, 101],
      ],
      count: 7,
    },
    anchor: [86, 85],
  },
];

const BACK: readonly MuscleDrawing[] = [
  {
    muscle: 'latissimus-dorsi',
    view: 'back',
    depth: 'superficial',
    d:
      'M 193 262 C 182 262 172 266 164 270 C 156 262 148 248 140 234 C 137 229 135 227 132 226 ' +
      'C 136 234 142 242 145 254 C 146 272 149 294 151 316 C 151 326 151 332 153 338 ' +
      'C 162 341 172 341 181 340 C 184 318 188 290 193 262 Z',
    fibres: {
      from: [
        [192, 266],
        [181, 338],
      ],
      to: [
        [134, 228],
        [140, 236],
      ],
      count: 11,
      bow: [-4, 6],
    },
    anchor: [160, 300],
  },
  {
    muscle: 'trapezius-upper',
    view: 'back',
    depth: 'superficial',
    d:
      'M 200 94 C 193 95 187 98 184 104 C 181 116 179 130 176 142 C 166 150 150 156 138 161 ' +
      'C 144 165 150 167 156 168 C 172 166 186 163 200 160 Z',
    fibres: {
      from: [
        [199, 98],
        [199, 158],
      ],
      to: [
        [176, 132],
        [140, 162],
      ],
      count: 9,
    },
    anchor: [154, 161],
  },
  {
    muscle: 'trapezius-middle-lower',
    view: 'back',
    depth: 'superficial',
    d:
      'M 200 160 C 186 163 172 166 156 168 C 150 167 144 165 138 161 C 140 166 142 167 145 169 ' +
      'C 154 174 166 184 174 194 C 176 236 186 276 200 302 Z',
    fibres: {
      from: [
        [199, 164],
        [199, 300],
      ],
      to: [
        [142, 167],
        [176, 200],
      ],
      count: 13,
    },
    anchor: [184, 245],
  },
  {
    muscle: 'infraspinatus',
    view: 'back',
    depth: 'superficial',
    d:
      'M 173 199 C 162 190 150 182 141 178 C 139 188 140 198 144 206 C 150 222 157 240 163 254 ' +
      'C 167 254 170 250 171 244 C 172 228 173 212 173 199 Z',
    fibres: {
      from: [
        [172, 202],
        [167, 252],
      ],
      to: [
        [139, 182],
        [141, 190],
      ],
      count: 8,
    },
    anchor: [159, 220],
  },
  {
    muscle: 'teres-major-minor',
    view: 'back',
    depth: 'superficial',
    d:
      'M 166 258 C 160 246 152 228 144 214 C 140 208 135 205 130 206 C 128 214 130 222 134 228 ' +
      'C 142 242 151 256 158 268 C 162 270 166 264 166 258 Z',
    fibres: {
      from: [
        [165, 260],
        [160, 268],
      ],
      to: [
        [131, 207],
        [131, 224],
      ],
      count: 4,
    },
    anchor: [148, 238],
  },
  {
    muscle: 'deltoid',
    view: 'back',
    depth: 'superficial',
    d:
      'M 138 161 C 125 161 112 168 108 186 C 105 202 104 222 106 244 C 110 251 114 253 117 248 ' +
      'C 123 232 129 216 133 202 C 136 190 140 178 146 168 C 143 164 141 162 138 161 Z',
    fibres: {
      from: [
        [108, 184],
        [146, 168],
      ],
      to: [
        [114, 249],
        [114, 249],
      ],
      count: 8,
    },
    anchor: [123, 198],
  },
  {
    muscle: 'lumbar-paraspinals',
    view: 'back',
    depth: 'superficial',
    d: 'M 197 304 C 192 304 188 306 186 312 C 181 332 179 360 182 380 C 184 390 190 396 197 396 Z',
    fibres: {
      from: [
        [185, 310],
        [196, 306],
      ],
      to: [
        [184, 388],
        [196, 394],
      ],
      count: 4,
    },
    anchor: [190, 352],
  },
  {
    muscle: 'gluteus-medius-minimus',
    view: 'back',
    depth: 'superficial',
    d:
      'M 150 340 C 160 337 172 339 182 345 C 178 358 170 370 160 380 C 153 386 147 392 142 397 ' +
      'C 140 384 141 364 145 350 C 146 345 148 342 150 340 Z',
    fibres: {
      from: [
        [148, 341],
        [182, 346],
      ],
      to: [
        [142, 396],
        [145, 396],
      ],
      count: 8,
    },
    anchor: [158, 356],
  },
  {
    muscle: 'gluteus-maximus',
    view: 'back',
    depth: 'superficial',
    d:
      'M 190 370 C 178 371 166 378 157 389 C 150 398 145 408 142 420 C 143 430 146 438 152 445 ' +
      'C 166 451 184 449 198 441 C 198 420 196 392 190 370 Z',
    fibres: {
      from: [
        [190, 372],
        [198, 440],
      ],
      to: [
        [154, 390],
        [146, 434],
      ],
      count: 10,
    },
    anchor: [172, 426],
  },
  {
    muscle: 'cervical-paraspinals',
    view: 'back',
    depth: 'deep',
    d:
      'M 199 98 C 194 98 188 100 186 104 C 185 110 188 114 190 118 C 190 130 190 144 191 156 ' +
      'C 193 158 196 159 199 159 Z',
    fibres: {
      from: [
        [188, 104],
        [198, 100],
      ],
      to: [
        [191, 156],
        [198, 158],
      ],
      count: 3,
    },
    anchor: [194, 130],
  },
  {
    muscle: 'splenius-capitis',
    view: 'back',
    depth: 'deep',
    d:
      'M 172 106 C 176 104 181 105 183 108 C 186 122 189 138 192 152 C 190 156 186 156 185 152 ' +
      'C 182 140 178 126 172 114 C 170 111 170 108 172 106 Z',
    fibres: {
      from: [
        [173, 108],
        [182, 108],
      ],
      to: [
        [186, 154],
        [191, 154],
      ],
      count: 3,
    },
    anchor: [182, 128],
  },
  {
    muscle: 'levator-scapulae',
    view: 'back',
    depth: 'deep',
    // from the upper cervical transverse processes (under splenius and sternocleidomastoid) to
    // the superior angle of the scapula: drawn where it emerges at the side of the neck
    d:
      'M 180 138 C 182 140 182 144 181 148 C 179 157 176 165 173 172 C 171 176 167 176 167 172 ' +
      'C 169 162 173 151 176 142 C 177 138 179 137 180 138 Z',
    fibres: {
      from: [
        [177, 140],
        [181, 140],
      ],
      to: [
        [168, 172],
        [172, 173],
      ],
      count: 3,
    },
    anchor: [175, 158],
  },
  {
    muscle: 'supraspinatus',
    view: 'back',
    depth: 'deep',
    d: 'M 172 174 C 164 168 152 164 143 164 C 140 167 142 171 147 172 C 157 175 166 182 173 190 C 175 185 175 179 172 174 Z',
    fibres: {
      from: [
        [172, 176],
        [173, 188],
      ],
      to: [
        [143, 166],
        [146, 170],
      ],
      count: 4,
    },
    anchor: [161, 175],
  },
  {
    muscle: 'rhomboids',
    view: 'back',
    depth: 'deep',
    d: 'M 189 164 C 183 168 177 172 171 176 C 174 200 174 226 171 251 C 177 244 183 236 189 228 C 189 206 189 186 189 164 Z',
    fibres: {
      from: [
        [189, 166],
        [189, 228],
      ],
      to: [
        [172, 178],
        [171, 250],
      ],
      count: 7,
    },
    anchor: [181, 206],
  },
  {
    muscle: 'thoracic-paraspinals',
    view: 'back',
    depth: 'deep',
    d: 'M 197 162 C 193 162 190 165 189 170 C 188 210 188 255 189 298 C 191 301 194 302 197 302 Z',
    fibres: {
      from: [
        [190, 166],
        [196, 164],
      ],
      to: [
        [190, 300],
        [196, 300],
      ],
      count: 3,
    },
    anchor: [193, 236],
  },
  {
    muscle: 'quadratus-lumborum',
    view: 'back',
    depth: 'deep',
    d: 'M 184 306 C 176 305 168 307 162 312 C 158 324 158 336 160 344 C 168 346 176 346 182 344 C 180 332 180 318 184 306 Z',
    fibres: {
      from: [
        [164, 311],
        [183, 307],
      ],
      to: [
        [161, 343],
        [181, 344],
      ],
      count: 4,
    },
    anchor: [171, 326],
  },
  {
    muscle: 'piriformis',
    view: 'back',
    depth: 'deep',
    d: 'M 194 392 C 180 390 160 392 145 398 C 143 401 144 404 147 405 C 162 406 180 408 194 412 C 196 406 196 398 194 392 Z',
    fibres: {
      from: [
        [195, 394],
        [195, 410],
      ],
      to: [
        [146, 400],
        [146, 403],
      ],
      count: 4,
    },
    anchor: [172, 401],
  },
];

/** Every drawing, in paint order: superficial before deep, so deep shapes stay reachable. */
export const MUSCLE_DRAWINGS: readonly MuscleDrawing[] = [...FRONT, ...BACK];

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
