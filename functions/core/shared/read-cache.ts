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
}

/**
 * Memoises reads for a bounded time, per process. The promise is kept from the start, so
 * requests for the same key that arrive while a read is in flight share it; a read that fails
 * is forgotten at once.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly now: () => number;

  constructor(private readonly options: ReadCacheOptions<V>) {
    this.now = options.now ?? (() => performance.now());
  }

  /** The value for `key`: reused while fresh, otherwise read with `load` (and kept). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.now();
    const writes = this.options.writes?.() ?? 0;
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now && entry.writes === writes) {
      // Most recently used last: Map iteration order is insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    const value = load();
    const fresh: Entry<V> = { value, expiresAt: now + this.options.ttlMs, writes };
    this.entries.delete(key);
    this.entries.set(key, fresh);
    if (this.entries.size > this.options.max)
      this.entries.delete(this.entries.keys().next().value!);
    const keep = this.options.keep;
    value.then(
      (loaded) => {
        if (keep && !keep(loaded) && this.entries.get(key) === fresh) this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
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
