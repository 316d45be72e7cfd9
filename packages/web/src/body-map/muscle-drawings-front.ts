// The muscles of the front view, drawn on the viewer's-left half: the PATIENT'S RIGHT side
// (muscle-shapes.ts mirrors them for the left). Coordinates are those of figure.ts; the head
// inset's muscles (temporalis, masseter) are in the inset's own coordinates.
import type { MuscleDrawing } from './muscle-shapes';

export const FRONT_DRAWINGS: readonly MuscleDrawing[] = [
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
    // the groove between the clavicular and sternal heads
    details: 'M 195 171 C 180 175 162 184 145 197',
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
