import { describe, expect, it } from 'vitest';
import { memoryReplayCache } from './replay-cache.js';

describe('memoryReplayCache', () => {
  it('says fresh once and replayed after, until the token expires', async () => {
    const cache = memoryReplayCache();
    expect(await cache.claim('a', 2000, 1000)).toBe('fresh');
    expect(await cache.claim('a', 2000, 1500)).toBe('replayed');
    expect(await cache.claim('a', 4000, 2000)).toBe('fresh');
  });

  it('when full, frees expired ids, and refuses rather than forgets an unexpired one', async () => {
    const cache = memoryReplayCache({ maxEntries: 2 });
    expect(await cache.claim('a', 2000, 1000)).toBe('fresh');
    expect(await cache.claim('b', 5000, 1000)).toBe('fresh');
    expect(await cache.claim('c', 5000, 1500)).toBe('full');
    expect(await cache.claim('a', 2000, 1500)).toBe('replayed');
    expect(await cache.claim('c', 5000, 2500)).toBe('fresh');
    expect(cache.size).toBe(2);
    expect(await cache.claim('b', 5000, 2600)).toBe('replayed');
  });
});
