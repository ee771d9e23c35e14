import { ReadCache } from '../shared/read-cache';
import type { StatusEntry, StatusPurpose } from '../credential/credential';
import type { StatusListRepository } from './ports';

/**
 * What the rows of one page of a bulk job share: the published design, the institution, the
 * approved snapshot, the signing keys and the endorsements are read once for the page instead
 * of once per row, and status positions are allocated in blocks of the page's size. A page is
 * seconds of work, so a change to any of them (a key revoked, a design retired) reaches at
 * most the rest of the page; nothing about idempotency changes (each row still reserves and
 * completes on its own). Make one per page with {@link IssueCredential.batch}.
 */
export class IssuanceBatch {
  /** For the life of the batch; a failed read is forgotten, so the next row tries again. */
  private readonly reads = new ReadCache<unknown>({
    ttlMs: Infinity,
    max: 64,
    maxBytes: 4_000_000,
  });
  /** Unused positions by institution and purpose. */
  private readonly pools = new Map<string, { free: StatusEntry[]; refill?: Promise<void> }>();

  constructor(
    private readonly statusLists: StatusListRepository,
    /** Positions allocated at a time: the rows the page will issue at most. */
    readonly size: number,
  ) {}

  /** `load()` once per batch. */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.reads.get(key, load) as Promise<T>;
  }

  /** The next position of the block for `purpose`, allocating a block when it is used up. */
  async position(institutionId: string, purpose: StatusPurpose): Promise<StatusEntry> {
    const poolKey = `${institutionId}:${purpose}`;
    let pool = this.pools.get(poolKey);
    if (!pool) {
      pool = { free: [] };
      this.pools.set(poolKey, pool);
    }
    for (;;) {
      const entry = pool.free.shift();
      if (entry) return entry;
      const current = pool;
      current.refill ??= this.statusLists
        .allocateBlock(institutionId, purpose, Math.max(1, this.size))
        .then((entries) => {
          current.free.push(...entries);
        })
        .finally(() => {
          current.refill = undefined;
        });
      await current.refill;
    }
  }
}

/** `load()` through the batch when there is one (read once for all its rows), else directly. */
export function shared<T>(batch: IssuanceBatch | undefined, key: string, load: () => Promise<T>) {
  return batch ? batch.once(key, load) : load();
}
