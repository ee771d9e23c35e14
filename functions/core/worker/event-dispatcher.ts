import type { DomainEvent } from '../shared/events';

/** What a worker invocation allows a handler (the time left, for long jobs). */
export interface WorkContext {
  /** Epoch ms by which a handler should stop and leave the rest to a later pass. */
  readonly deadline: number;
}

export type EventHandler = (event: DomainEvent, context: WorkContext) => Promise<void>;

/**
 * Routes domain events read from the table's stream to the capabilities that react to them.
 * Every handler must be idempotent: streams deliver at least once.
 */
export class EventDispatcher {
  private readonly handlers = new Map<string, EventHandler[]>();

  on(type: string, handler: EventHandler): this {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
    return this;
  }

  handles(type: string): boolean {
    return this.handlers.has(type);
  }

  async dispatch(event: DomainEvent, context: WorkContext): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(event, context);
  }
}
