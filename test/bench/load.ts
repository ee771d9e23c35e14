import { performance } from 'node:perf_hooks';
import { mean, percentile } from './stats';

export interface LoadOptions {
  /** Measured operations. */
  readonly requests: number;
  /** Operations in flight at once. */
  readonly concurrency: number;
  /** Operations run first at the same concurrency and discarded (JIT, connection pools). @default 0 */
  readonly warmup?: number;
}

export interface LoadResult {
  /** Latency percentiles and mean of the successful operations, in ms. */
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  /** Successful operations per second of wall-clock time of the measured phase. */
  readonly rps: number;
  /** Operations that threw (or rejected); their latency is not in the percentiles. */
  readonly errors: number;
  readonly requests: number;
  readonly concurrency: number;
  readonly durationMs: number;
  /**
   * CPU time, user plus system, of the whole process (every thread: API, worker threads, the
   * bench's HTTP client) during the measured phase, in ms.
   */
  readonly cpuMs: number;
  /** The first error's message, to say why errors happened. */
  readonly firstError?: string;
}

/**
 * Runs `operation` `requests` times with at most `concurrency` in flight and reports latency
 * and throughput. An operation fails by throwing; callers turn a bad response (an HTTP error, a
 * GraphQL `errors` array) into a throw so that it is counted.
 */
export async function run(
  operation: () => Promise<unknown>,
  options: LoadOptions,
): Promise<LoadResult> {
  if (options.warmup) await drive(operation, options.warmup, options.concurrency);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const outcome = await drive(operation, options.requests, options.concurrency);
  const durationMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const { latencies, errors, firstError } = outcome;
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    mean: mean(latencies),
    rps: latencies.length / (durationMs / 1000),
    errors,
    requests: options.requests,
    concurrency: options.concurrency,
    durationMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...(firstError === undefined ? {} : { firstError }),
  };
}

async function drive(operation: () => Promise<unknown>, count: number, concurrency: number) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let started = 0;
  // Each worker takes the next operation as soon as its previous one settles: a closed loop
  // that keeps exactly `concurrency` operations in flight until `count` have started.
  const worker = async () => {
    while (started < count) {
      started += 1;
      const start = performance.now();
      try {
        await operation();
        latencies.push(performance.now() - start);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return { latencies, errors, firstError };
}
