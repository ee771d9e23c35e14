import { UpdateCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import {
  statusListSize,
  type StatusEntry,
  type StatusPurpose,
} from '../../core/credential/credential';
import type { PublishedStatusList, StatusListRepository } from '../../core/issuance/ports';
import { statusPosition } from '../../core/credential/status-list';
import { primaryKey } from './entity';
import { isConditionFailure, translateDynamoError } from './errors';
import { publishedStatusListEntity, statusAllocationEntity, statusBitEntity } from './keys';
import type { DynamoTable } from './table';

const publishedListSchema = z.object({
  institutionId: z.string(),
  purpose: z.enum(['revocation', 'suspension']),
  listNumber: z.int().positive(),
  /** Stored as JSON text, served exactly as signed. */
  credential: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
  publishedAt: z.iso.datetime(),
});
const allocationSchema = z.object({ counter: z.int().min(0) });

export class DynamoDbStatusListRepository implements StatusListRepository {
  constructor(private readonly table: DynamoTable) {}

  /** An atomic counter per institution and purpose; the position comes from statusPosition. */
  async allocate(institutionId: string, purpose: StatusPurpose): Promise<StatusEntry> {
    const [entry] = await this.allocateBlock(institutionId, purpose, 1);
    return entry!;
  }

  /**
   * Moves the counter on by `count` in one atomic write: the block is the `count` counter
   * values up to the new one, so concurrent allocations never share a position.
   */
  async allocateBlock(
    institutionId: string,
    purpose: StatusPurpose,
    count: number,
  ): Promise<StatusEntry[]> {
    if (!Number.isInteger(count) || count < 1 || count > 1_000)
      throw new RangeError(`cannot allocate ${count} status positions at once`);
    try {
      const { Attributes } = await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: primaryKey(statusAllocationEntity.primary, { institutionId, purpose }),
          UpdateExpression:
            'ADD #counter :count SET #entity = :entity, #version = if_not_exists(#version, :one)',
          ExpressionAttributeNames: {
            '#counter': 'counter',
            '#entity': 'entity',
            '#version': 'version',
          },
          ExpressionAttributeValues: {
            ':count': count,
            ':one': 1,
            ':entity': statusAllocationEntity.name,
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const last = Number(Attributes?.counter);
      return Array.from({ length: count }, (_, index) =>
        statusPosition(institutionId, purpose, last - count + 1 + index),
      );
    } catch (error) {
      return translateDynamoError(error, 'status list allocation');
    }
  }

  async exists(
    institutionId: string,
    purpose: StatusPurpose,
    listNumber: number,
  ): Promise<boolean> {
    const allocation = await this.table.get(
      primaryKey(statusAllocationEntity.primary, { institutionId, purpose }),
      allocationSchema,
    );
    return (allocation?.counter ?? 0) > (listNumber - 1) * statusListSize;
  }

  /** Indices of the set bits, read from the bit items' sort keys (a keys-only query). */
  async setPositions(
    institutionId: string,
    purpose: StatusPurpose,
    listNumber: number,
  ): Promise<number[]> {
    const prefix = statusBitEntity.primary.skPrefix;
    try {
      const indices: number[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const result = await this.table.documents.send(
          new QueryCommand({
            TableName: this.table.tableName,
            KeyConditionExpression: 'pk = :p AND begins_with(sk, :bit)',
            ExpressionAttributeValues: {
              ':p': statusBitEntity.primary.pk({ institutionId, purpose, listNumber }),
              ':bit': prefix,
            },
            ProjectionExpression: 'sk',
            ExclusiveStartKey: start,
          }),
        );
        for (const item of result.Items ?? []) {
          indices.push(Number(String(item.sk).slice(prefix.length)));
        }
        start = result.LastEvaluatedKey;
      } while (start);
      return indices;
    } catch (error) {
      return translateDynamoError(error, 'status list');
    }
  }

  async getPublished(
    institutionId: string,
    purpose: StatusPurpose,
    listNumber: number,
  ): Promise<PublishedStatusList | null> {
    return this.table.get(
      primaryKey(publishedStatusListEntity.primary, { institutionId, purpose, listNumber }),
      publishedListSchema,
      true,
    );
  }

  async putPublished(list: PublishedStatusList): Promise<void> {
    try {
      await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: primaryKey(publishedStatusListEntity.primary, list),
          UpdateExpression:
            'SET #entity = :entity, #version = :one, institutionId = :i, purpose = :p, listNumber = :n, credential = :c, publishedAt = :at',
          // A slower publisher must not overwrite a newer list.
          ConditionExpression: 'attribute_not_exists(publishedAt) OR publishedAt <= :at',
          ExpressionAttributeNames: { '#entity': 'entity', '#version': 'version' },
          ExpressionAttributeValues: {
            ':entity': publishedStatusListEntity.name,
            ':one': 1,
            ':i': list.institutionId,
            ':p': list.purpose,
            ':n': list.listNumber,
            ':c': JSON.stringify(list.credential),
            ':at': list.publishedAt,
          },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return;
      translateDynamoError(error, 'status list');
    }
  }
}
