import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { domainEventSchema } from '../core/shared/events';
import type { EventDispatcher } from '../core/worker/event-dispatcher';

export interface WorkerDeps {
  readonly reactions: EventDispatcher;
  readonly log: { error(message: string, details: Record<string, unknown>): void };
}

/** Leaves this much of the invocation for reporting back to the event source mapping. */
const safetyMarginMs = 30_000;

/**
 * The stream worker: each new DomainEvent item is dispatched to its reactions; other records
 * are ignored. A failure reports that record (and, by Lambda's rules, the ones after it) as
 * failed so it is retried; reactions are idempotent, so a retry is harmless.
 */
export function createWorkerHandler(deps: WorkerDeps) {
  return async (
    event: DynamoDBStreamEvent,
    context?: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<DynamoDBBatchResponse> => {
    const remaining = context?.getRemainingTimeInMillis?.() ?? 15 * 60_000;
    const deadline = Date.now() + Math.max(remaining - safetyMarginMs, 10_000);
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      if (record.eventName !== 'INSERT' || !image || image.entity?.S !== 'DomainEvent') continue;
      const parsed = domainEventSchema.safeParse(
        unmarshall(image as Record<string, AttributeValue>),
      );
      if (!parsed.success || !deps.reactions.handles(parsed.data.type)) continue;
      try {
        await deps.reactions.dispatch(parsed.data, { deadline });
      } catch (error) {
        deps.log.error('Worker reaction failed', {
          eventType: parsed.data.type,
          eventId: parsed.data.id,
          error,
        });
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  };
}
