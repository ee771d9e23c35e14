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

  /**
   * Takes one request from `client`'s bucket, or throws RateLimitedError (with `message`, when
   * given) when it is empty.
   */
  take(client: string, limit: RateLimit, message?: string): void {
    const retryAfterSeconds = this.tryTake(client, limit);
    if (retryAfterSeconds > 0) throw new RateLimitedError(retryAfterSeconds, message);
  }

  /**
   * Takes one request from `client`'s bucket if it holds one: 0 when it did, otherwise the
   * seconds until it will (at least 1).
   */
  tryTake(client: string, limit: RateLimit): number {
    const bucket = this.refilled(client, limit);
    if (bucket.tokens < 1) {
      const perMs = limit.perMinute / 60_000;
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1_000));
    }
    bucket.tokens -= 1;
    return 0;
  }

  /** Gives a taken request back (e.g. an attempt that turned out not to count). */
  giveBack(client: string, limit: RateLimit): void {
    const bucket = this.refilled(client, limit);
    bucket.tokens = Math.min(limit.burst, bucket.tokens + 1);
  }

  private refilled(client: string, limit: RateLimit): Bucket {
    const now = this.now();
    const perMs = limit.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: limit.burst, updatedAt: now };
    bucket.tokens = Math.min(
      limit.burst,
      bucket.tokens + Math.max(0, now - bucket.updatedAt) * perMs,
    );
    bucket.updatedAt = now;
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return bucket;
  }
}

/**
 * The rate-limiting key of a client address: IPv4 as is, IPv6 by its /64 (one subscriber's
 * prefix, which a client could otherwise walk through address by address).
 */
export function addressKey(address: string | undefined): string {
  const ip = (address ?? '')
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!ip) return 'unknown';
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
