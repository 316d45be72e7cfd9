// Where a server's CPU goes, from a V8 CPU profile: each sample's own function, put in a bucket by
// the file it belongs to (PGlite's WebAssembly, drizzle, node-postgres, fastify, zod, our code...).
// Async calls break the stack, so this is self time by layer, not a per-feature call tree.

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly hitCount?: number;
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
}

export interface Share {
  readonly layer: string;
  /** Of the samples in which the process was busy (idle excluded). */
  readonly percent: number;
}

const LAYERS: readonly (readonly [RegExp, string])[] = [
  [/@electric-sql\/pglite|^wasm:\/\//, 'PGlite (PostgreSQL in WebAssembly)'],
  [/drizzle-orm/, 'drizzle (query building, row mapping)'],
  [/node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-[a-z]+)\//, 'node-postgres driver'],
  [/zod|fast-json-stringify|fastify-type-provider-zod/, 'zod (validation, response serialisation)'],
  [/@fastify\/helmet|helmet/, 'helmet (security headers)'],
  [/@fastify\/cookie|cookie/, 'cookies'],
  [/fastify|find-my-way|avvio|light-my-request|@fastify\//, 'fastify (routing, hooks, reply)'],
  [/packages\/server\/dist\/(db\/audit|app\/actor)/, 'audit rows (hashing, insert)'],
  [/packages\/server\/dist\/app\/auth|packages\/server\/dist\/http\/auth/, 'authentication (session check)'],
  [/packages\/server\/dist/, 'Knotwork server code (other)'],
  [/packages\/core\/dist/, 'Knotwork core'],
  [/^node:|^internal\//, 'Node.js (HTTP, streams, crypto)'],
];

function layerOf(node: ProfileNode): string | undefined {
  const { url, functionName } = node.callFrame;
  if (functionName === '(idle)') return undefined;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url === '' && /^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(functionName)) {
    return 'socket writes (one per statement and per response)';
  }
  if (functionName === '(program)' || url === '') return 'native / other';
  for (const [pattern, layer] of LAYERS) if (pattern.test(url)) return layer;
  return 'other JavaScript';
}

/** The busy samples' shares by layer, largest first. */
export function summariseProfile(profile: CpuProfile): Share[] {
  const hits = new Map<number, number>();
  if (profile.samples && profile.samples.length > 0) {
    for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  } else {
    for (const node of profile.nodes) hits.set(node.id, node.hitCount ?? 0);
  }
  const byLayer = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    const layer = layerOf(node);
    if (layer === undefined || count === 0) continue;
    busy += count;
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + count);
  }
  return [...byLayer.entries()]
    .map(([layer, count]) => ({ layer, percent: busy === 0 ? 0 : (100 * count) / busy }))
    .sort((a, b) => b.percent - a.percent);
}

/** The functions with the most self time, as "name (file)" and their share of busy samples. */
export function topFunctions(profile: CpuProfile, count: number): Share[] {
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byName = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const n = hits.get(node.id) ?? 0;
    if (n === 0 || node.callFrame.functionName === '(idle)') continue;
    busy += n;
    const file = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*packages\//, '');
    const name = `${node.callFrame.functionName || '(anonymous)'} (${file || 'native'})`;
    byName.set(name, (byName.get(name) ?? 0) + n);
  }
  return [...byName.entries()]
    .map(([layer, n]) => ({ layer, percent: (100 * n) / busy }))
    .sort((a, b) => b.percent - a.percent)
    .slice(0, count);
}
