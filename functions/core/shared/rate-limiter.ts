import { DomainError } from './errors';

/** A client sent more requests than its limit allows; it may retry after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly category = 'RATE_LIMITED';
  override readonly retryable = true;
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many requests; slow down and try again shortly.',
  ) {
    super('RATE_LIMITED', message);
  }
}

/** A token bucket: `perMinute` requests a minute on average, bursts of up to `burst`. */
export interface RateLimit {
  readonly perMinute: number;
  readonly burst: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Per-client token buckets held in memory. In AWS each function instance keeps its own, so a
 * client's effective limit grows with the instances serving it; API Gateway's stage throttle
 * caps the total. Least recently used clients are forgotten past `maxClients`, which bounds
 * memory whatever the number of clients (a forgotten client starts again with a full bucket).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxClients = 10_000,
  ) {}

  /** Takes one request from `client`'s bucket, or throws RateLimitedError when it is empty. */
  take(client: string, limit: RateLimit): void {
    const now = this.now();
    const perMs = limit.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: limit.burst, updatedAt: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (bucket.tokens < 1) {
      throw new RateLimitedError(Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1_000)));
    }
    bucket.tokens -= 1;
  }
}
