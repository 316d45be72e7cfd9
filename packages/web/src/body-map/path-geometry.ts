// The small piece of SVG path geometry the body map needs: its shapes are drawn once, on one
// half of the figure, and mirrored across the midline for the other side; the tests flatten
// them to check they lie inside the picture. Paths use absolute M, L, C, Q and Z only, so that
// mirroring is a matter of reflecting each x.

export type Point = readonly [x: number, y: number];

export interface PathSegment {
  readonly command: 'M' | 'L' | 'C' | 'Q' | 'Z';
  readonly points: readonly Point[];
}

const ARITY = { M: 1, L: 1, C: 3, Q: 2, Z: 0 } as const;
const TOKEN = /\s*([MLCQZ])|\s*,?\s*(-?(?:\d+\.?\d*|\.\d+))/gy;

/** Parses a path of absolute M/L/C/Q/Z commands; throws on anything else (a drawing bug). */
export function parsePath(d: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let command: PathSegment['command'] | undefined;
  let numbers: number[] = [];
  const flush = (): void => {
    if (command === undefined) return;
    const arity = ARITY[command];
    if (arity === 0) {
      if (numbers.length > 0) throw new Error(`Z takes no numbers in "${d}"`);
      segments.push({ command, points: [] });
      return;
    }
    if (numbers.length === 0 || numbers.length % (arity * 2) !== 0) {
      throw new Error(`${command} needs ${arity * 2} numbers per segment in "${d}"`);
    }
    for (let i = 0; i < numbers.length; i += arity * 2) {
      const points: Point[] = [];
      for (let p = 0; p < arity; p++) points.push([numbers[i + p * 2]!, numbers[i + p * 2 + 1]!]);
      // Extra pairs after an M are line-tos, as in SVG.
      segments.push({ command: command === 'M' && i > 0 ? 'L' : command, points });
    }
  };
  TOKEN.lastIndex = 0;
  const source = d.trim();
  while (TOKEN.lastIndex < source.length) {
    const match = TOKEN.exec(source);
    if (match === null) throw new Error(`Unreadable path at ${TOKEN.lastIndex} in "${d}"`);
    if (match[1] !== undefined) {
      flush();
      command = match[1] as PathSegment['command'];
      numbers = [];
    } else {
      if (command === undefined) throw new Error(`Path must start with M: "${d}"`);
      numbers.push(Number(match[2]));
    }
  }
  flush();
  if (segments[0]?.command !== 'M') throw new Error(`Path must start with M: "${d}"`);
  return segments;
}

const format = (n: number): string => String(Math.round(n * 100) / 100);

export function formatPath(segments: readonly PathSegment[]): string {
  return segments.map((s) => [s.command, ...s.points.map(([x, y]) => `${format(x)} ${format(y)}`)].join(' ')).join(' ');
}

/** Moves every point of a path through `move` (an affine map keeps the curves exact). */
export function transformPath(d: string, move: (point: Point) => Point): string {
  return formatPath(parsePath(d).map((s) => ({ command: s.command, points: s.points.map(move) })));
}

/** Reflects a path across the vertical line x = axis. */
export function mirrorPath(d: string, axis: number): string {
  return transformPath(d, (p) => mirrorPoint(p, axis));
}

export function mirrorPoint([x, y]: Point, axis: number): Point {
  return [2 * axis - x, y];
}

/** Straight or curved strokes from points along one edge to points along another: fibre lines. */
export function fibreLines(spec: FibreSpec): string {
  const { from, to, count } = spec;
  const lerp = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = count === 1 ? 0.5 : i / (count - 1);
    const [x1, y1] = lerp(from[0], from[1], t);
    const [x2, y2] = lerp(to[0], to[1], t);
    if (spec.bow === undefined) {
      lines.push(`M ${format(x1)} ${format(y1)} L ${format(x2)} ${format(y2)}`);
    } else {
      const [bx, by] = spec.bow;
      const cx = (x1 + x2) / 2 + bx;
      const cy = (y1 + y2) / 2 + by;
      lines.push(`M ${format(x1)} ${format(y1)} Q ${format(cx)} ${format(cy)} ${format(x2)} ${format(y2)}`);
    }
  }
  return lines.join(' ');
}

export interface FibreSpec {
  /** The edge the fibres start from (origin), as two ends of a segment. */
  readonly from: readonly [Point, Point];
  /** Where they go (insertion): two ends of a segment, or the same point twice for a fan. */
  readonly to: readonly [Point, Point];
  readonly count: number;
  /** Offset of each line's midpoint, to curve the fibres around a shoulder or rib cage. */
  readonly bow?: Point;
}

/** The path as polygons (one per subpath), curves sampled finely enough for hit tests. */
export function flattenPath(d: string, steps = 16): Point[][] {
  const polygons: Point[][] = [];
  let current: Point[] = [];
  let at: Point = [0, 0];
  let start: Point = [0, 0];
  for (const s of parsePath(d)) {
    switch (s.command) {
      case 'M':
        if (current.length > 0) polygons.push(current);
        at = s.points[0]!;
        start = at;
        current = [at];
        break;
      case 'L':
        at = s.points[0]!;
        current.push(at);
        break;
      case 'Q': {
        const [c, end] = s.points as [Point, Point];
        for (let i = 1; i <= steps; i++) {
          const t = i / steps;
          const u = 1 - t;
          current.push([
            u * u * at[0] + 2 * u * t * c[0] + t * t * end[0],
            u * u * at[1] + 2 * u * t * c[1] + t * t * end[1],
          ]);
        }
        at = end;
        break;
      }
      case 'C': {
        const [c1, c2, end] = s.points as [Point, Point, Point];
        for (let i = 1; i <= steps; i++) {
          const t = i / steps;
          const u = 1 - t;
          const a = u * u * u;
          const b = 3 * u * u * t;
          const c = 3 * u * t * t;
          const e = t * t * t;
          current.push([
            a * at[0] + b * c1[0] + c * c2[0] + e * end[0],
            a * at[1] + b * c1[1] + c * c2[1] + e * end[1],
          ]);
        }
        at = end;
        break;
      }
      case 'Z':
        at = start;
        break;
    }
  }
  if (current.length > 0) polygons.push(current);
  return polygons;
}

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function pathBounds(d: string): Bounds {
  const points = flattenPath(d).flat();
  return {
    minX: Math.min(...points.map((p) => p[0])),
    minY: Math.min(...points.map((p) => p[1])),
    maxX: Math.max(...points.map((p) => p[0])),
    maxY: Math.max(...points.map((p) => p[1])),
  };
}

/** Even-odd point-in-path test on the flattened path. */
export function pathContains(d: string, [x, y]: Point): boolean {
  let inside = false;
  for (const polygon of flattenPath(d)) {
    for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
      const [xi, yi] = polygon[i]!;
      const [xj, yj] = polygon[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Area of the flattened path (shoelace), to keep shapes big enough to tap. */
export function pathArea(d: string): number {
  let area = 0;
  for (const polygon of flattenPath(d)) {
    for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
      area += (polygon[j]![0] + polygon[i]![0]) * (polygon[j]![1] - polygon[i]![1]);
    }
  }
  return Math.abs(area / 2);
}
