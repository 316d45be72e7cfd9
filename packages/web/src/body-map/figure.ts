// The figure the muscles are drawn on: a standing adult, arms a little away from the trunk,
// about eight heads tall (head 95 units) in a 400 x 800 picture per view. Everything is drawn
// for the half of the picture left of the midline and mirrored for the other half; the front
// and back share the outline (a body is nearly symmetric front to back in silhouette) and
// differ in their landmark lines. Landmarks are drawn faint: they orient the eye (clavicle,
// scapula, spine, iliac crest) without competing with the muscles.
import { mirrorPath, transformPath, type Point } from './path-geometry';

export const MIDLINE = 200;

/**
 * The part of the drawing a view shows: hand to hand, crown to above the knees (the catalogue
 * has no muscle below the buttock, and a taller picture would only shrink the muscles).
 */
export const VIEW_BOX = { x: 60, y: 0, width: 280, height: 560 } as const;

/** One half of the outline, from the crown down the viewer's-left side to the crotch. */
const OUTLINE_HALF =
  'M 200 20 C 180 20 166 33 165 55 C 164 66 165 74 166 80 C 160 78 158 86 159 93 C 160 100 164 104 168 104 ' +
  'C 170 112 173 118 177 123 C 177 130 176 137 175 142 C 166 150 150 156 136 160 ' +
  'C 120 163 108 172 106 190 C 104 205 102 222 101 240 C 99 262 96 282 94 300 ' +
  'C 92 320 88 345 86 365 C 84 378 83 388 84 398 C 80 404 75 410 73 418 C 71 425 73 429 77 427 ' +
  'C 80 424 81 420 82 416 C 80 430 80 448 84 462 C 86 470 94 472 97 466 C 100 454 102 432 104 404 C 108 380 112 350 116 325 C 118 312 120 302 121 294 ' +
  'C 124 272 128 250 134 228 C 137 223 140 221 143 221 C 142 240 143 258 146 276 C 148 290 150 300 150 310 ' +
  'C 150 325 146 340 143 355 C 140 370 138 385 138 400 C 138 440 142 500 150 560 C 152 575 152 590 151 600 ' +
  'C 148 620 146 650 150 680 C 154 710 160 735 164 752 C 164 765 160 778 162 785 C 168 790 182 790 190 786 ' +
  'C 194 782 193 770 192 760 C 191 740 186 710 186 680 C 186 650 190 625 190 605 C 190 590 189 575 190 560 ' +
  'C 192 520 196 460 199 420 C 199.5 414 200 412 200 410';

/** The two halves as closed shapes for the body's fill, separate so their overlap stays filled. */
export const BODY_FILL: readonly string[] = [`${OUTLINE_HALF} L 201 410 L 201 20 Z`].flatMap((d) => [
  d,
  mirrorPath(d, MIDLINE),
]);

/** Both halves as open lines, for the body's contour (no seam down the middle). */
export const BODY_CONTOUR = `${OUTLINE_HALF} ${mirrorPath(OUTLINE_HALF, MIDLINE)}`;

const FRONT_LANDMARKS_HALF = [
  // clavicle, S-shaped from the sternal notch to the acromion
  'M 193 159 C 182 155 170 160 158 158 C 150 157 144 158 139 161',
  // costal margin
  'M 199 262 C 186 276 168 292 152 300',
  // inguinal ligament, anterior superior iliac spine to pubic tubercle
  'M 155 352 C 166 372 180 390 194 402',
  // biceps and elbow crease
  'M 118 252 C 112 270 110 286 112 300',
  'M 96 304 C 104 308 112 308 120 302',
];

const BACK_LANDMARKS_HALF = [
  // scapula: spine, medial border, inferior angle, lateral border
  'M 139 165 C 150 170 164 182 174 194',
  'M 171 172 C 174 196 175 226 172 250 C 170 258 166 264 162 264 C 156 246 148 224 140 204',
  // iliac crest and the dimple over the posterior superior iliac spine
  'M 148 338 C 158 332 172 334 184 344',
  'M 187 372 C 189 370 191 370 192 372',
  // gluteal fold
  'M 150 446 C 166 452 184 450 198 442',
  // elbow (olecranon)
  'M 100 300 C 104 296 110 296 114 300',
];

function withMirror(halves: readonly string[]): string {
  return halves.map((d) => `${d} ${mirrorPath(d, MIDLINE)}`).join(' ');
}

export const FRONT_LANDMARKS = withMirror([
  ...FRONT_LANDMARKS_HALF,
  // sternum and navel, on the midline
  'M 200 164 L 200 260',
  'M 198 318 C 198 315 202 315 202 318 C 202 321 198 321 198 318 Z',
]);

/** The spine: spinous processes as short ticks down the midline, C7 to the sacrum. */
const SPINE = Array.from({ length: 17 }, (_, i) => {
  const y = 154 + i * 14.5;
  return `M ${MIDLINE} ${y} L ${MIDLINE} ${y + 6}`;
}).join(' ');

export const BACK_LANDMARKS = `${withMirror(BACK_LANDMARKS_HALF)} ${SPINE} M 200 400 L 200 440`;

/**
 * The side of the head, for temporalis and masseter, which a front view shows edge-on. Drawn
 * (in its own coordinates, 126 x 144) as the patient's right side, face toward the viewer's
 * right, and placed beside the head on the viewer's left; the left-side inset is its mirror
 * image beside the head on the viewer's right.
 */
const INSET_PLACE = { x: 66, y: 6, scale: 0.72 } as const;

export function placeInHeadInset([x, y]: Point): Point {
  return [INSET_PLACE.x + x * INSET_PLACE.scale, INSET_PLACE.y + y * INSET_PLACE.scale];
}

/** Where the inset's caption goes (its centre, under the frame). */
export const HEAD_INSET_LABEL: Point = placeInHeadInset([63, 162]);

const HEAD_INSET = {
  frame: 'M 4 0 L 122 0 Q 126 0 126 4 L 126 140 Q 126 144 122 144 L 4 144 Q 0 144 0 140 L 0 4 Q 0 0 4 0 Z',
  outline:
    'M 56 8 C 82 6 100 20 104 38 C 106 44 108 48 107 52 C 108 58 113 64 116 68 C 115 72 110 73 108 74 ' +
    'C 110 78 110 80 109 82 C 110 86 108 88 107 90 C 110 94 109 100 104 102 C 98 104 92 104 90 106 ' +
    'C 90 116 91 126 92 138 L 42 138 C 42 126 40 116 36 108 C 22 96 16 80 16 62 C 16 30 32 10 56 8 Z',
  landmarks: [
    // ear
    'M 56 54 C 64 52 69 60 67 69 C 66 77 63 83 57 83 C 53 83 52 78 54 72 C 55 66 52 58 56 54 Z',
    // zygomatic arch and mandible
    'M 68 68 C 78 65 90 64 100 64',
    'M 68 76 C 68 86 69 94 74 102 C 84 103 94 103 104 102',
    // eye
    'M 98 52 C 101 50 104 50 106 52',
  ],
};

/** The inset's frame, head and landmarks in view coordinates; mirrored for the patient's left. */
export function headInset(mirrored: boolean): { frame: string; outline: string; landmarks: string } {
  const place = (d: string): string => {
    const placed = transformPath(d, placeInHeadInset);
    return mirrored ? mirrorPath(placed, MIDLINE) : placed;
  };
  return {
    frame: place(HEAD_INSET.frame),
    outline: place(HEAD_INSET.outline),
    landmarks: place(HEAD_INSET.landmarks.join(' ')),
  };
}
