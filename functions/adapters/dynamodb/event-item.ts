import type { DomainEvent } from '../../core/shared/events';
import { storedKeys } from './entity';
import { domainEventEntity } from './keys';
import type { TransactItem } from './table';

/** The stored item of a domain event (the stream worker dispatches on `entity`). */
export function eventItem(event: DomainEvent) {
  return {
    ...storedKeys(domainEventEntity, event),
    version: 1,
    ...event,
  };
}

/** Transaction items that record events, each at most once. */
export function eventPuts(tableName: string, events: readonly DomainEvent[]): TransactItem[] {
  return events.map((event) => ({
    Put: {
      TableName: tableName,
      Item: eventItem(event),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }));
}
