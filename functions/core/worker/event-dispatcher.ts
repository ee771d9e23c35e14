import type { EventDefinition, TypedEvent } from '../shared/domain-events';
import type { DomainEvent } from '../shared/events';

/** What a worker invocation allows a handler (the time left, for long jobs). */
export interface WorkContext {
  /** Epoch ms by which a handler should stop and leave the rest to a later pass. */
  readonly deadline: number;
}

export type EventHandler<Event = DomainEvent> = (
  event: Event,
  context: WorkContext,
) => Promise<void>;

/**
 * Routes domain events read from the table's stream to the capabilities that react to them.
 * Each handler receives the event as its definition reads it, so producer and consumer share
 * one payload shape. Every handler must be idempotent: streams deliver at least once.
 */
export class EventDispatcher {
  private readonly handlers = new Map<string, EventHandler[]>();
  private readonly everyEvent: EventHandler[] = [];

  on<Name extends string, Data>(
    definition: EventDefinition<Name, Data>,
    handler: EventHandler<TypedEvent<Name, Data>>,
  ): this {
    const typed: EventHandler = (event, context) => handler(definition.parse(event), context);
    this.handlers.set(definition.name, [...(this.handlers.get(definition.name) ?? []), typed]);
    return this;
  }

  /** A handler of every event, whatever its type (notifications: any event may be subscribed to). */
  onEvery(handler: EventHandler): this {
    this.everyEvent.push(handler);
    return this;
  }

  handles(type: string): boolean {
    return this.everyEvent.length > 0 || this.handlers.has(type);
  }

  async dispatch(event: DomainEvent, context: WorkContext): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(event, context);
    for (const handler of this.everyEvent) await handler(event, context);
  }
}
