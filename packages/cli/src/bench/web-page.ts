// What ./web-bench.ts runs inside the page (page.evaluate serialises each function: they use
// nothing from outside themselves). The CLI's TypeScript has no DOM library, so the little of the
// DOM they use is declared here, for this file alone.
import type { ClickTiming } from './web-figures.js';

interface El {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): El | null;
  dispatchEvent(event: unknown): boolean;
}
interface ResourceEntry {
  readonly name: string;
  readonly startTime: number;
  readonly responseEnd: number;
}
declare const document: {
  readonly body: El;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
};
declare const performance: {
  now(): number;
  clearResourceTimings(): void;
  getEntriesByType(type: 'resource'): ResourceEntry[];
};
declare function requestAnimationFrame(callback: () => void): number;
declare const MutationObserver: new (callback: () => void) => {
  observe(target: El, options: Record<string, boolean>): void;
  disconnect(): void;
};
declare const MouseEvent: new (type: string, init: { bubbles: boolean }) => unknown;
declare const CSS: { escape(text: string): string };
declare const MessageChannel: new () => {
  readonly port1: { onmessage: (() => void) | null };
  readonly port2: { postMessage(message: unknown): void };
};

/** The shapes to click: `count` + 1 unchecked ones on the body map, one per muscle. */
export function pickShapes(count: number): string[] {
  const muscles = new Set<string>();
  const ids: string[] = [];
  for (const shape of document.querySelectorAll('.bm [role="checkbox"][data-shape]')) {
    const muscle = (shape.getAttribute('aria-label') ?? '').replace(/, (left|right).*$/, '');
    if (shape.getAttribute('aria-checked') !== 'false' || muscles.has(muscle)) continue;
    muscles.add(muscle);
    ids.push(shape.getAttribute('data-shape') ?? '');
  }
  return ids.slice(0, count + 1);
}

/**
 * Clicks one shape and times, from the click, until: the shape shows its new state; the plan step
 * says the plan is saved at the next revision (data-status="saved", data-revision: said once the
 * save and the saved plan's screen are both answered and shown); the dose meter waits for no
 * answer (no aria-busy) and shows a reading; a verdict is shown. Then the frame after that.
 */
export async function clickAndTime(shapeId: string): Promise<ClickTiming> {
  const shape = document.querySelector(`[data-shape="${CSS.escape(shapeId)}"]`);
  if (!shape) throw new Error(`no shape ${shapeId}`);
  const checked = shape.getAttribute('aria-checked') === 'true' ? 'false' : 'true';
  const before = Number(document.querySelector('.plan-sync')?.getAttribute('data-revision') ?? '0');
  const revision = String(before + 1);
  /** After the next frame is painted: a task queued from requestAnimationFrame. */
  const afterPaint = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(undefined);
      }),
    );
  performance.clearResourceTimings();
  let map: Promise<number> | undefined;
  let shown = NaN;
  const t0 = performance.now();
  const painted = await new Promise<number>((resolve, reject) => {
    const updated = () => {
      const now = performance.now();
      if (!map && shape.getAttribute('aria-checked') === checked) map = afterPaint();
      const sync = document.querySelector('.plan-sync');
      const meter = document.querySelector('.dose-meter');
      if (
        map &&
        sync?.getAttribute('data-status') === 'saved' &&
        sync.getAttribute('data-revision') === revision &&
        meter &&
        !meter.hasAttribute('aria-busy') &&
        meter.querySelector('.dose-reading[data-level]') &&
        document.querySelector('.screen-summary .verdict-line')
      ) {
        shown = now;
        observer.disconnect();
        clearTimeout(timer);
        void afterPaint().then(resolve);
      }
    };
    const observer = new MutationObserver(updated);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      const status = document.querySelector('.plan-sync')?.getAttribute('data-status') ?? 'no status';
      reject(new Error(`click on ${shapeId}: not updated in 10 s (${status})`));
    }, 10_000);
    shape.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
  const entries = performance.getEntriesByType('resource');
  const last = (suffix: string) => entries.filter((e) => new URL(e.name).pathname.endsWith(suffix)).at(-1);
  const save = last('/plan/screened');
  if (!save) throw new Error(`click on ${shapeId}: no save-and-screen request seen`);
  return {
    mapMs: (await (map ?? afterPaint())) - t0,
    saveStartMs: save.startTime - t0,
    saveEndMs: save.responseEnd - t0,
    shownMs: shown - t0,
    paintedMs: painted - t0,
    requests: entries.map((e) => new URL(e.name).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')),
  };
}

/** The page's bare round trip: GET /api/session read to the end, `count` times one after another (ms each). */
export async function sessionRoundTrips(count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const answer = await fetch('/api/session', { credentials: 'same-origin' });
    await answer.json();
    if (!answer.ok) throw new Error(`GET /api/session answered ${answer.status}`);
    times.push(performance.now() - t0);
  }
  return times;
}
