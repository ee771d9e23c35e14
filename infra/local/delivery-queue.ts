import type { DeliveryQueue } from '../../functions/core/notifications/ports';

/**
 * The local stand-in for the SQS delivery queue: ids handed over are passed to the delivery
 * handler in the background, a few at a time, so the stream worker that enqueued them never
 * waits on a receiver (as in AWS, where the delivery function reads the queue).
 */
export class LocalDeliveryQueue implements DeliveryQueue {
  private readonly waiting: string[] = [];
  private running = 0;
  private handler: ((id: string) => Promise<unknown>) | undefined;
  private idle: (() => void)[] = [];

  constructor(private readonly concurrency = 4) {}

  /** The function that takes each id (the delivery handler), set once the container exists. */
  attach(handler: (id: string) => Promise<unknown>): void {
    this.handler = handler;
    this.pump();
  }

  enqueue(ids: readonly string[]): Promise<void> {
    this.waiting.push(...ids);
    this.pump();
    return Promise.resolve();
  }

  /** Resolves once nothing is waiting or running. */
  drained(): Promise<void> {
    if (this.waiting.length === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.handler && this.running < this.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      this.running += 1;
      // A failed attempt stays pending in the outbox; the schedule's sweep takes it again.
      void this.handler(id)
        .catch(() => undefined)
        .finally(() => {
          this.running -= 1;
          this.pump();
          if (this.waiting.length === 0 && this.running === 0) {
            const waiters = this.idle;
            this.idle = [];
            for (const resolve of waiters) resolve();
          }
        });
    }
  }
}
