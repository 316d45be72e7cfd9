// The benchmark's profile summary: busy samples by layer (idle left out), and the busiest functions.
import { describe, expect, it } from 'vitest';
import { summariseProfile, topFunctions, type CpuProfile } from './profile-summary.js';

const node = (id: number, functionName: string, url: string) => ({ id, callFrame: { functionName, url } });

const profile: CpuProfile = {
  nodes: [
    node(1, '(idle)', ''),
    node(2, 'hn', 'file:///x/node_modules/@electric-sql/pglite/dist/chunk.js'),
    node(3, '', 'wasm://wasm/022c915e'),
    node(4, 'is', 'file:///x/node_modules/drizzle-orm/entity.js'),
    node(5, 'loadChart', 'file:///x/packages/server/dist/app/db-repositories/charts.js'),
    node(6, '(garbage collector)', ''),
  ],
  samples: [1, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 2],
};

describe('summariseProfile', () => {
  it('shares the busy samples by layer, largest first, idle left out', () => {
    expect(summariseProfile(profile)).toEqual([
      { layer: 'PGlite (PostgreSQL in WebAssembly)', percent: 62.5 },
      { layer: 'drizzle (query building, row mapping)', percent: 12.5 },
      { layer: 'Knotwork server code (other)', percent: 12.5 },
      { layer: 'garbage collection', percent: 12.5 },
    ]);
  });

  it('names the busiest functions with their file', () => {
    expect(topFunctions(profile, 2)).toEqual([
      { layer: 'hn (@electric-sql/pglite/dist/chunk.js)', percent: 37.5 },
      { layer: '(anonymous) (wasm://wasm/022c915e)', percent: 25 },
    ]);
  });
});
