import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VerificationBudget } from '../../core/verification/model';
import { DependencyUnavailableError, ValidationError } from '../../core/shared/errors';
import { VerificationProblem } from '../../core/shared/errors';
import type { HashAnswer, HashRequest } from './canonicalization-worker';
import type { JsonObject } from './eddsa-rdfc-2022';

/** Where a worker thread's code is, and what it is started with. */
export interface WorkerScript {
  /** The module: the bundle's `canonicalization-worker.mjs`, or a loader for the source. */
  readonly url: URL;
  readonly workerData?: unknown;
}

export interface CanonicalizationPoolOptions {
  readonly script: WorkerScript;
  /** Threads at most. @default 2, or fewer processors */
  readonly size?: number;
  /**
   * Old-generation heap of a thread, in MB; a thread that needs more is ended and its job
   * refused. Its resting heap (jsonld.js and the contexts) is about 15 MB of it. @default 48
   */
  readonly heapMb?: number;
  /** Jobs waiting for a thread at most; beyond them a job is refused as busy. @default 64 */
  readonly maxQueued?: number;
  /** Longest wait for a thread, in ms; a job that waited longer is refused as busy. @default 5000 */
  readonly maxWaitMs?: number;
}

/** Canonicalizing the document would overrun the request's time or the memory allowed. */
export class CanonicalizationLimitError extends VerificationProblem {}

interface Job {
  readonly request: HashRequest;
  readonly budget: VerificationBudget;
  readonly queuedAt: number;
  resolve(data: Buffer): void;
  reject(error: Error): void;
}

interface Thread {
  readonly worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/**
 * Canonicalization of documents presented by anyone, in worker threads with a hard stop: a job
 * runs for at most what is left of its request's budget and is then ended with its thread (the
 * only way to stop jsonld.js's expansion, which no signal reaches), a thread whose heap outgrows
 * `heapMb` is ended too, and the event loop that serves other requests never runs it. One
 * request runs one job at a time, so a request's jobs add up to at most its budget and a request
 * with many endorsements cannot hold every thread; waiting jobs are bounded in number and time
 * (refused as busy: SERVICE_UNAVAILABLE, retryable). Threads start on first use and keep the
 * process from exiting only while they work.
 */
export class CanonicalizationPool {
  private readonly threads: Thread[] = [];
  private readonly queue: Job[] = [];
  /** Budgets (requests) with a job running. */
  private readonly running = new Set<VerificationBudget>();
  private nextId = 0;
  private readonly size: number;

  constructor(private readonly options: CanonicalizationPoolOptions) {
    this.size = options.size ?? Math.max(1, Math.min(2, availableParallelism()));
  }

  /** The hashData of `document` under `proofConfig`, charged to `budget`. */
  hashData(
    document: JsonObject,
    proofConfig: JsonObject,
    budget: VerificationBudget,
  ): Promise<Buffer> {
    if (budget.canonicalizationMs <= 0) return Promise.reject(timeUp());
    if (this.queue.length >= (this.options.maxQueued ?? 64)) return Promise.reject(busy());
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({
        request: { id: (this.nextId += 1), document, proofConfig },
        budget,
        queuedAt: performance.now(),
        resolve,
        reject,
      });
      this.dispatch();
    });
  }

  /** Ends every thread (jobs in flight are refused). */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }

  private dispatch(): void {
    const maxWaitMs = this.options.maxWaitMs ?? 5_000;
    for (let index = 0; index < this.queue.length;) {
      const job = this.queue[index]!;
      if (performance.now() - job.queuedAt > maxWaitMs) {
        this.queue.splice(index, 1);
        job.reject(busy());
        continue;
      }
      if (this.running.has(job.budget)) {
        index += 1;
        continue;
      }
      const thread = this.idleThread();
      if (!thread) return;
      this.queue.splice(index, 1);
      this.run(thread, job);
    }
  }

  /** A ready thread with no job, or none (starting one if the pool is not full). */
  private idleThread(): Thread | undefined {
    const idle = this.threads.find((thread) => thread.ready && !thread.job);
    if (idle) return idle;
    if (this.threads.length < this.size) this.start();
    return undefined;
  }

  private start(): void {
    const heapMb = this.options.heapMb ?? 48;
    const worker = new Worker(this.options.script.url, {
      workerData: this.options.script.workerData,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 },
    });
    const thread: Thread = { worker, ready: false };
    worker.unref();
    worker.on('message', (answer: HashAnswer) => this.answered(thread, answer));
    worker.on('error', (error: Error & { code?: string }) =>
      this.lost(
        thread,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new CanonicalizationLimitError(
              `Canonicalizing the credential needs more than the ${heapMb} MB allowed; it was stopped.`,
            )
          : new VerificationProblem('The credential could not be canonicalized.'),
      ),
    );
    worker.on('exit', () =>
      this.lost(thread, new VerificationProblem('The credential could not be canonicalized.')),
    );
    this.threads.push(thread);
  }

  private run(thread: Thread, job: Job): void {
    thread.job = job;
    this.running.add(job.budget);
    thread.worker.ref();
    const allowed = job.budget.canonicalizationMs;
    const started = performance.now();
    thread.timer = setTimeout(() => {
      job.budget.canonicalizationMs -= performance.now() - started;
      this.lost(thread, timeUp());
    }, allowed);
    thread.worker.postMessage(job.request);
  }

  private answered(thread: Thread, answer: HashAnswer): void {
    if (answer.kind === 'ready') {
      thread.ready = true;
      this.dispatch();
      return;
    }
    const job = thread.job;
    if (!job || job.request.id !== answer.id) return;
    this.release(thread);
    if (answer.kind === 'hash') {
      job.budget.canonicalizationMs -= answer.ms;
      job.resolve(Buffer.from(answer.data));
    } else {
      job.reject(
        answer.code
          ? new ValidationError(answer.message, [], answer.code)
          : new VerificationProblem(answer.message),
      );
    }
    this.dispatch();
  }

  /** The thread is gone (ended, crashed or out of memory): its job is refused with `error`. */
  private lost(thread: Thread, error: Error): void {
    const index = this.threads.indexOf(thread);
    if (index === -1) return;
    this.threads.splice(index, 1);
    const job = thread.job;
    this.release(thread);
    void thread.worker.terminate();
    job?.reject(error);
    // A thread that never became ready cannot load its code: the jobs waiting for it are
    // refused rather than starting thread after thread.
    if (!thread.ready) for (const waiting of this.queue.splice(0)) waiting.reject(error);
    this.dispatch();
  }

  private release(thread: Thread): void {
    clearTimeout(thread.timer);
    if (thread.job) this.running.delete(thread.job.budget);
    thread.job = undefined;
    thread.worker.unref();
  }
}

const timeUp = () =>
  new CanonicalizationLimitError(
    'Canonicalizing the credential takes longer than a verification may spend; it was stopped.',
  );
const busy = () =>
  new DependencyUnavailableError(
    'VERIFIER_BUSY',
    'Too many credentials are being verified at once; try again shortly.',
  );
