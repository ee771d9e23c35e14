import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { DeliveryAttempts } from '../core/notifications/delivery';

export interface DeliveryHandlerDeps {
  readonly deliveries: Pick<DeliveryAttempts, 'attempt'>;
  readonly log: { error(message: string, details: Record<string, unknown>): void };
}

/**
 * The delivery function: each SQS message names one delivery of the outbox, which is attempted
 * (sent, or rescheduled with back-off by the attempt itself). Only an unexpected failure (the
 * table unreachable) reports the message as failed, so SQS retries it and, past its receive
 * limit, moves it to the dead-letter queue.
 */
export function createDeliveryHandler(deps: DeliveryHandlerDeps) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failures: { itemIdentifier: string }[] = [];
    for (const record of event.Records) {
      try {
        await deps.deliveries.attempt(record.body.trim());
      } catch (error) {
        deps.log.error('Delivery attempt failed', { deliveryId: record.body, error });
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  };
}
