// CDS Hooks 2.0: a JWT's `jti` must not be used twice. Each (issuer, jti) is remembered until the
// token expires; only tokens whose signature verified are remembered, so a stranger cannot fill the
// cache. The memory twin is bounded: when it is full of unexpired ids it refuses new ones ('full',
// answered 429) rather than forgetting one and letting that token be replayed. Several server
// processes behind one address need a shared implementation (a table with a unique key).
export type ReplayClaim = 'fresh' | 'replayed' | 'full';

export interface ReplayCache {
  /** Records `key` until `expiresAt` (epoch ms) and says whether it was already there. */
  claim(key: string, expiresAt: number, now: number): Promise<ReplayClaim>;
}

export function memoryReplayCache(options: { maxEntries?: number } = {}): ReplayCache & { readonly size: number } {
  const maxEntries = options.maxEntries ?? 100_000;
  const seen = new Map<string, number>();
  // The earliest expiry in the map (a lower bound): no sweep can free anything before it.
  let earliest = Number.POSITIVE_INFINITY;

  const sweep = (now: number): void => {
    if (now < earliest) return;
    earliest = Number.POSITIVE_INFINITY;
    for (const [key, expiresAt] of seen) {
      if (expiresAt <= now) seen.delete(key);
      else earliest = Math.min(earliest, expiresAt);
    }
  };

  return {
    get size() {
      return seen.size;
    },
    claim(key, expiresAt, now) {
      const known = seen.get(key);
      if (known !== undefined && known > now) return Promise.resolve('replayed');
      if (seen.size >= maxEntries) sweep(now);
      if (seen.size >= maxEntries) return Promise.resolve('full');
      seen.set(key, expiresAt);
      earliest = Math.min(earliest, expiresAt);
      return Promise.resolve('fresh');
    },
  };
}
