import type { Clock } from '../shared/runtime';

export interface FailureThrottleOptions {
  readonly clock: Clock;
  /** Failed attempts a source may make in a burst. @default 20 */
  readonly burst?: number;
  /** Failed attempts a source earns back per minute. @default 10 */
  readonly refillPerMinute?: number;
  /** Sources tracked at once; the oldest is forgotten beyond this. @default 10_000 */
  readonly maxSources?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket of failed attempts per request source, kept in memory (per function
 * instance). An attempt takes a token up front and gives it back when it succeeds, so only
 * failures drain the bucket and a burst of concurrent bad attempts cannot overshoot it. A
 * source with an empty bucket is refused before any lookup. Other sources have buckets of
 * their own, so one source flooding never locks anyone else out.
 */
export class FailureThrottle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly burst: number;
  private readonly refillPerMs: number;
  private readonly maxSources: number;

  constructor(private readonly options: FailureThrottleOptions) {
    this.burst = options.burst ?? 20;
    this.refillPerMs = (options.refillPerMinute ?? 10) / 60_000;
    this.maxSources = options.maxSources ?? 10_000;
  }

  /** Takes a token for an attempt from `source`; false (and nothing taken) when none is left. */
  tryAcquire(source: string): boolean {
    const bucket = this.refilled(source);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Gives back the token of an attempt that succeeded. */
  release(source: string): void {
    const bucket = this.refilled(source);
    bucket.tokens = Math.min(this.burst, bucket.tokens + 1);
  }

  private refilled(source: string): Bucket {
    const now = this.options.clock.now().getTime();
    let bucket = this.buckets.get(source);
    if (!bucket) {
      if (this.buckets.size >= this.maxSources) {
        const oldest = this.buckets.keys().next();
        if (!oldest.done) this.buckets.delete(oldest.value);
      }
      bucket = { tokens: this.burst, updatedAt: now };
      this.buckets.set(source, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(this.burst, bucket.tokens + elapsed * this.refillPerMs);
    bucket.updatedAt = now;
    return bucket;
  }
}

/**
 * The throttling key of a client address: IPv4 as is, IPv6 by its /64 (one subscriber's
 * prefix, which an attacker can otherwise walk through address by address).
 */
export function sourceOf(address: string | undefined): string {
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
