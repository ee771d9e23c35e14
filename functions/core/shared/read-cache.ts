import { LRUCache } from 'lru-cache';

/** How long a {@link ReadCache} may reuse a read, and what makes it forget sooner. */
export interface ReadCacheOptions<V> {
  /**
   * How long after its read started an entry may be reused, in ms (`Infinity` for values that
   * never change): a reused value was read at most `ttlMs` before it is used.
   */
  readonly ttlMs: number;
  /** Entries kept at most; the least recently used go first. */
  readonly max: number;
  /**
   * Bytes kept at most, by `size`; the least recently used go first. A read in flight counts
   * as 64 bytes until it settles. @default 16 MB
   */
  readonly maxBytes?: number;
  /**
   * The bytes a loaded value holds. @default its JSON text, two bytes a character (an
   * estimate of the strings and objects a parsed item holds; values are DynamoDB items)
   */
  readonly size?: (value: V) => number;
  /**
   * A counter that moves whenever this process writes to storage (see `DynamoTable.writes`).
   * An entry read before the counter last moved is not reused, so a process always sees its
   * own changes at once and other processes' within `ttlMs`.
   */
  readonly writes?: () => number;
  /** Which loaded values may be kept (e.g. only approved snapshots); all by default. */
  readonly keep?: (value: V) => boolean;
  /** Milliseconds on a monotonic clock; `performance.now` by default. */
  readonly now?: () => number;
}

interface Entry<V> {
  readonly value: Promise<V>;
  readonly expiresAt: number;
  readonly writes: number;
  /** Bytes by the cache's `size`, once the value has settled. */
  readonly bytes: number;
}

/** What a value read from storage holds in memory, roughly: its JSON text, two bytes a character. */
export function jsonBytes(value: unknown): number {
  return (JSON.stringify(value) ?? '').length * 2 + 64;
}

/**
 * Memoises reads for a bounded time, per process, and in bounded memory (an `lru-cache` with a
 * count and a size in bytes). The promise is kept from the start, so requests for the same key
 * that arrive while a read is in flight share it; a read that fails is forgotten at once.
 */
export class ReadCache<V> {
  private readonly entries: LRUCache<string, Entry<V>>;
  private readonly now: () => number;

  constructor(private readonly options: ReadCacheOptions<V>) {
    this.now = options.now ?? (() => performance.now());
    this.entries = new LRUCache({
      max: options.max,
      maxSize: options.maxBytes ?? 16_000_000,
      sizeCalculation: (entry, key) => entry.bytes + key.length * 2,
    });
  }

  /** Bytes held, by the cache's own count (for tests). */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  /** The value for `key`: reused while fresh, otherwise read with `load` (and kept). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.now();
    const writes = this.options.writes?.() ?? 0;
    const entry = this.entries.get(key);
    // `get` marks the entry most recently used.
    if (entry && entry.expiresAt > now && entry.writes === writes) return entry.value;
    const value = load();
    const fresh: Entry<V> = { value, expiresAt: now + this.options.ttlMs, writes, bytes: 64 };
    this.entries.set(key, fresh);
    const keep = this.options.keep;
    const size = this.options.size ?? jsonBytes;
    // Whether `key` still holds this read (a later read or a write may have replaced it).
    const current = () => this.entries.peek(key)?.value === value;
    value.then(
      (loaded) => {
        if (!current()) return;
        if (keep && !keep(loaded)) {
          this.entries.delete(key);
          return;
        }
        // A new entry with its size (lru-cache sizes an entry when it is set): evicts what no
        // longer fits, and drops this one if it is larger than the whole cache.
        this.entries.set(key, { ...fresh, bytes: size(loaded) });
      },
      () => {
        if (current()) this.entries.delete(key);
      },
    );
    return value;
  }

  /** The value for `key` while it is fresh, without reading it otherwise. */
  cached(key: string): Promise<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now() && entry.writes === (this.options.writes?.() ?? 0))
      return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps `value` for `key`, as if it had just been read. */
  set(key: string, value: V): void {
    void this.get(key, () => Promise.resolve(value));
  }
}
