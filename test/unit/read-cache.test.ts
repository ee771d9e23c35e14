import { describe, expect, it } from 'vitest';
import { jsonBytes, ReadCache } from '../../functions/core/shared/read-cache';

/** A cache on a clock the test moves, counting the reads it makes. */
function cacheWith(options: { ttlMs: number; max?: number; keep?: (value: number) => boolean }) {
  const clock = { ms: 0, writes: 0 };
  let reads = 0;
  const cache = new ReadCache<number>({
    ttlMs: options.ttlMs,
    max: options.max ?? 10,
    keep: options.keep,
    now: () => clock.ms,
    writes: () => clock.writes,
  });
  const read = (key: string, value = 1) =>
    cache.get(key, () => {
      reads += 1;
      return Promise.resolve(value);
    });
  return { cache, clock, read, reads: () => reads };
}

describe('ReadCache', () => {
  it('shares one read between requests until the TTL has passed since it started', async () => {
    const { clock, read, reads } = cacheWith({ ttlMs: 100 });

    await Promise.all([read('a'), read('a')]);
    clock.ms = 99;
    await read('a');
    const sharedReads = reads();
    clock.ms = 100;
    await read('a');

    expect(sharedReads).toBe(1);
    expect(reads()).toBe(2);
  });

  it('reads again after any write of this process, whatever the TTL', async () => {
    const { clock, read, reads } = cacheWith({ ttlMs: Infinity });

    await read('a');
    clock.writes += 1;
    await read('a');
    await read('a');

    expect(reads()).toBe(2);
  });

  it('forgets a read that failed, and values it may not keep', async () => {
    const { cache, read, reads } = cacheWith({ ttlMs: Infinity, keep: (value) => value > 0 });

    await expect(cache.get('a', () => Promise.reject(new Error('throttled')))).rejects.toThrow();
    await read('a');
    await read('b', 0);
    await read('b', 0);

    expect(reads()).toBe(3);
    expect(cache.cached('a')).toBeDefined();
    expect(cache.cached('b')).toBeUndefined();
  });

  it('drops the least recently used entry past its size', async () => {
    const { read, reads } = cacheWith({ ttlMs: Infinity, max: 2 });

    await read('a');
    await read('b');
    await read('a');
    await read('c');
    await read('a');
    await read('b');

    expect(reads()).toBe(4);
  });

  it('keeps the bytes of what it holds under its size, however large the values', async () => {
    const cache = new ReadCache<string>({ ttlMs: Infinity, max: 1_000, maxBytes: 20_000 });
    const keys = Array.from({ length: 40 }, (_, index) => `key-${index}`);

    for (const key of keys) await cache.get(key, () => Promise.resolve(key.padEnd(2_000, 'x')));
    const held = keys.filter((key) => cache.cached(key) !== undefined);
    const heldBytes = held.reduce((sum, key) => sum + jsonBytes(key.padEnd(2_000, 'x')), 0);

    expect(held.length).toBeGreaterThan(0);
    expect(held).toContain('key-39');
    expect(heldBytes).toBeLessThanOrEqual(20_000);
  });
});
