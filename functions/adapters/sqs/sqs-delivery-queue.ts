import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryQueue } from '../../core/notifications/ports';
import { sdkSession, type ClientSource } from '../aws-clients';

/** SQS takes at most ten messages a batch. */
const batchSize = 10;

/**
 * Hands delivery ids to the delivery function through SQS (its DLQ catches a message the
 * function fails on repeatedly). Each message is only an id: the outbox item holds the rest.
 */
export class SqsDeliveryQueue implements DeliveryQueue {
  private readonly session;

  constructor(
    client: ClientSource<SQSClient>,
    private readonly queueUrl: string,
  ) {
    this.session = sdkSession(client, () => import('@aws-sdk/client-sqs'));
  }

  async enqueue(ids: readonly string[]): Promise<void> {
    const { client, sdk } = await this.session();
    for (let start = 0; start < ids.length; start += batchSize) {
      const batch = ids.slice(start, start + batchSize);
      const result = await client.send(
        new sdk.SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((id, index) => ({ Id: `m${index}`, MessageBody: id })),
        }),
      );
      // A refused entry is still in the outbox: the schedule's sweep hands it over later.
      if (result.Failed?.length && result.Failed.length === batch.length)
        throw new Error(`SQS refused ${result.Failed.length} delivery messages.`);
    }
  }
}
