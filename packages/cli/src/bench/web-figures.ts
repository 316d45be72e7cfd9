// The web bench's pure part (./web-bench.ts): the first screen's scripts as index.html names them,
// sizes gzipped and summed, percentiles, and a map click's time split into its phases.
import { gzipSync } from 'node:zlib';
import type { CpuProfile } from './profile-summary.js';

export const KB = 1024;

/** The entry script and the modulepreload'ed chunks index.html names, as the paths it gives. */
export function firstScreenScripts(indexHtml: string): string[] {
  const found: string[] = [];
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    const isScript = /^<script/i.test(tag);
    const url = isScript ? attr('src') : attr('href');
    if (url === undefined) continue;
    if (isScript ? attr('type') === 'module' : attr('rel') === 'modulepreload') found.push(url);
  }
  return [...new Set(found)];
}

export interface Script {
  /** The path the browser asked for (/assets/index-B-_6zkHf.js). */
  readonly path: string;
  readonly rawBytes: number;
  /** As sent when the server compresses, else gzip level 9 of the body. */
  readonly gzipBytes: number;
}

export const gzipSize = (body: Uint8Array): number => gzipSync(body, { level: 9 }).length;

export function totalOf(scripts: readonly Script[]): { rawBytes: number; gzipBytes: number } {
  return {
    rawBytes: scripts.reduce((sum, s) => sum + s.rawBytes, 0),
    gzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
  };
}

/** 12.3 KB (1 KB = 1024 bytes). */
export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** The biggest scripts by their gzip size: "index-B-_6zkHf.js 95.1 KB, ...". */
export function biggest(scripts: readonly Script[], count: number): string {
  return [...scripts]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .slice(0, count)
    .map((s) => `${s.path.slice(s.path.lastIndexOf('/') + 1)} ${kb(s.gzipBytes)}`)
    .join(', ');
}

/** The nearest-rank percentile (p in 0..100) of the values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1] as number;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/**
 * One click, in ms from the click on the page's clock (performance.now()): when the map showed it,
 * the plan's save-and-screen request (PUT .../plan/screened) as Resource Timing saw it, and when the
 * page showed the plan saved, the meter settled and the screen, and the frame after that was painted.
 */
export interface ClickTiming {
  readonly mapMs: number;
  readonly saveStartMs: number;
  readonly saveEndMs: number;
  readonly shownMs: number;
  readonly paintedMs: number;
  /** The paths the page fetched from the click on (Resource Timing), ids as :id. */
  readonly requests: readonly string[];
}

export interface ClickPhases {
  /** Click to the map painted with it (no server). */
  readonly map: number;
  /** Click to the save's request: the wait the page adds before saving. */
  readonly beforeSave: number;
  /** The save-and-screen request, sent to answered. */
  readonly save: number;
  /** Its answer to the page showing it, painted. */
  readonly render: number;
}

/** The median of each phase over the clicks. */
export function phases(clicks: readonly ClickTiming[]): ClickPhases {
  const m = (f: (c: ClickTiming) => number) => median(clicks.map(f));
  return {
    map: m((c) => c.mapMs),
    beforeSave: m((c) => c.saveStartMs),
    save: m((c) => c.saveEndMs - c.saveStartMs),
    render: m((c) => c.paintedMs - c.saveEndMs),
  };
}

export const msText = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());

export interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  /** The server's own time for it (fastify's responseTime), ms. */
  readonly ms: number;
}

/**
 * The requests `knotwork serve --log-requests` logged (pino's JSON lines: "incoming request" with
 * the method and URL, "request completed" with the time, matched by reqId), in the order they
 * completed. Other lines are skipped.
 */
export function loggedRequests(log: string): LoggedRequest[] {
  const started = new Map<string, { method: string; url: string }>();
  const done: LoggedRequest[] = [];
  for (const line of log.split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { reqId?: unknown; req?: { method?: unknown; url?: unknown }; responseTime?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (typeof entry.reqId !== 'string') continue;
    const { method, url } = entry.req ?? {};
    if (typeof method === 'string' && typeof url === 'string') started.set(entry.reqId, { method, url });
    const request = started.get(entry.reqId);
    if (typeof entry.responseTime === 'number' && request) {
      done.push({ ...request, ms: entry.responseTime });
      started.delete(entry.reqId);
    }
  }
  return done;
}

/** A V8 CPU profile as `node --cpu-prof` writes it: sample times are µs on the system's monotonic clock. */
export interface TimedProfile extends CpuProfile {
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * The samples taken between `from` and `to` (µs, the monotonic clock process.hrtime reads, which
 * V8's profile timestamps use on Linux), and how long the process was busy then (ms: the time to
 * the next sample of each sample not idle).
 */
export function profileWindow(
  profile: TimedProfile,
  from: number,
  to: number,
): { profile: CpuProfile; samples: number; busyMs: number } {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const samples: number[] = [];
  let busyMicros = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    const id = profile.samples[i] as number;
    if (at < from || at > to) continue;
    samples.push(id);
    if (!idle.has(id)) busyMicros += profile.timeDeltas[i + 1] ?? 0;
  }
  return { profile: { nodes: profile.nodes, samples }, samples: samples.length, busyMs: busyMicros / 1000 };
}
