// The web bench's pure part: index.html's first-screen scripts, sizes, percentiles, a click's
// phases, and the server's request log.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  biggest,
  firstScreenScripts,
  gzipSize,
  kb,
  loggedRequests,
  median,
  percentile,
  phases,
  profileWindow,
  totalOf,
  type ClickTiming,
} from './web-figures.js';

describe('firstScreenScripts', () => {
  it('names the module entry and the modulepreloads, not styles, icons or classic scripts', () => {
    const html = `<!doctype html><html><head>
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <script type="module" crossorigin src="/assets/index-B-_6zkHf.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/ProblemAlert-DOrI5bnh.js">
      <link crossorigin href='/assets/catalogue-B9-RqrB7.js' rel='modulepreload'>
      <link rel="stylesheet" crossorigin href="/assets/index-GI4ri9Dn.css">
      <script src="/legacy.js"></script>
      <link rel="modulepreload" href="/assets/ProblemAlert-DOrI5bnh.js">
    </head><body><div id="root"></div></body></html>`;
    expect(firstScreenScripts(html)).toEqual([
      '/assets/index-B-_6zkHf.js',
      '/assets/ProblemAlert-DOrI5bnh.js',
      '/assets/catalogue-B9-RqrB7.js',
    ]);
  });
});

describe('sizes', () => {
  it('gzips at level 9 and sums, naming the biggest by their gzip size', () => {
    const body = Buffer.from('const x = 1;\n'.repeat(500));
    expect(gzipSize(body)).toBe(gzipSync(body, { level: 9 }).length);
    const scripts = [
      { path: '/assets/a.js', rawBytes: 4096, gzipBytes: 1024 },
      { path: '/assets/b.js', rawBytes: 10240, gzipBytes: 3072 },
      { path: '/assets/c.js', rawBytes: 2048, gzipBytes: 512 },
    ];
    expect(totalOf(scripts)).toEqual({ rawBytes: 16384, gzipBytes: 4608 });
    expect(biggest(scripts, 2)).toBe('b.js 3.0 KB, a.js 1.0 KB');
    expect(kb(200 * 1024)).toBe('200.0 KB');
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i); // 20..1, unsorted
    expect(median(values)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 100)).toBe(20);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('phases', () => {
  it('splits each click at its requests and takes the median of each part', () => {
    const click = (offset: number): ClickTiming => ({
      mapMs: 16 + offset,
      saveStartMs: 2 + offset,
      saveEndMs: 73 + 2 * offset,
      shownMs: 80 + 2 * offset,
      paintedMs: 90 + 2 * offset,
      requests: ['/api/visits/:id/plan/screened'],
    });
    expect(phases([click(0), click(10), click(4)])).toEqual({
      map: 20,
      beforeSave: 6,
      save: 75,
      render: 17,
    });
  });
});

describe('loggedRequests', () => {
  it('matches fastify’s "incoming request" and "request completed" lines by reqId, skipping the rest', () => {
    const log = [
      'knotwork: Knotwork is serving http://127.0.0.1:8931',
      '{"level":30,"msg":"Server listening at http://127.0.0.1:8931"}',
      '{"level":30,"reqId":"req-1","req":{"method":"PUT","url":"/api/visits/v1/plan"},"msg":"incoming request"}',
      '{"level":30,"reqId":"req-2","req":{"method":"GET","url":"/api/session?x=1"},"msg":"incoming request"}',
      '{"level":30,"reqId":"req-1","code":"conflict","msg":"request refused"}',
      '{"level":30,"reqId":"req-2","res":{"statusCode":200},"responseTime":3.5,"msg":"request completed"}',
      '{"level":30,"reqId":"req-1","res":{"statusCode":200},"responseTime":41.25,"msg":"request completed"}',
      '{"level":30,"reqId":"req-9","res":{"statusCode":200},"responseTime":1,"msg":"request completed"}',
      '{"truncated',
    ].join('\n');
    expect(loggedRequests(log)).toEqual([
      { method: 'GET', url: '/api/session?x=1', ms: 3.5 },
      { method: 'PUT', url: '/api/visits/v1/plan', ms: 41.25 },
    ]);
  });
});

describe('profileWindow', () => {
  it('keeps the samples inside the window and counts the busy time to each next sample', () => {
    const frame = (id: number, functionName: string) => ({ id, callFrame: { functionName, url: '' } });
    const window = profileWindow(
      {
        nodes: [frame(1, '(idle)'), frame(2, 'savePlan'), frame(3, 'screen')],
        startTime: 1000,
        endTime: 9000,
        // at 1500, 2500, 3500, 4500, 5500, 6500
        samples: [2, 1, 2, 3, 1, 3],
        timeDeltas: [500, 1000, 1000, 1000, 1000, 1000],
      },
      2000,
      5000,
    );
    expect(window.profile.samples).toEqual([1, 2, 3]);
    expect(window.samples).toBe(3);
    expect(window.busyMs).toBe(2); // the two busy samples, 1 ms each
  });
});
