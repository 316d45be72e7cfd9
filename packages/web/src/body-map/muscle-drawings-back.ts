// The muscles of the back view, drawn on the viewer's-left half: the PATIENT'S LEFT side
// (muscle-shapes.ts mirrors them for the right). Superficial muscles first, then the deep ones
// (dashed, painted over them where they are palpated).
import type { MuscleDrawing } from './muscle-shapes';

export const BACK_DRAWINGS: readonly MuscleDrawing[] = [
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
