import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  bulkJobSchema,
  bulkRowSchema,
  type BulkJob,
  type BulkJobRepository,
  type BulkRow,
} from '../../core/issuance/bulk-issuance';
import { ConflictError } from '../../core/shared/errors';
import type { DomainEvent } from '../../core/shared/events';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { isConditionFailure, translateDynamoError } from './errors';
import { partitionOf, primaryKey, storedKeys } from './entity';
import { eventPuts } from './event-item';
import { bulkJobCounterEntity, bulkJobEntity, bulkRowEntity } from './keys';
import { parseItem, type DynamoTable } from './table';

function rowItem(row: BulkRow) {
  return { ...storedKeys(bulkRowEntity, row), version: 1, ...row };
}

/**
 * Row outcomes are counted on this many counter items beside the job item, row `n` on counter
 * `n % 16`, not on the job item itself: DynamoDB cancels a transaction while another one in
 * flight holds one of its items, and a job's rows finish 8 at a time. Rows in flight are
 * consecutive, so they count on different items and do not collide.
 */
const counterShards = 16;
const counted = ['processed', 'succeeded', 'failed'] as const;

/**
 * Bulk issuance jobs: the job item, its row-outcome counters (added to the job's own counts,
 * which hold the rows that failed at intake) and one item per row.
 */
export class DynamoDbBulkJobRepository implements BulkJobRepository {
  constructor(private readonly table: DynamoTable) {}

  async create(
    job: BulkJob,
    rows: readonly BulkRow[],
    event: DomainEvent,
  ): Promise<'created' | 'exists'> {
    if (await this.get(job.id)) return 'exists';
    // Rows first (each created at most once), then the job and its event atomically: a job
    // visible to the worker always has all its rows.
    const queue = [...rows];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let row = queue.shift(); row; row = queue.shift()) {
          try {
            await this.table.documents.send(
              new PutCommand({
                TableName: this.table.tableName,
                Item: rowItem(row),
                ConditionExpression: 'attribute_not_exists(pk)',
              }),
            );
          } catch (error) {
            if (!isConditionFailure(error)) translateDynamoError(error, 'bulk issuance row');
          }
        }
      }),
    );
    const TableName = this.table.tableName;
    try {
      await this.table.transact(
        [
          {
            Put: {
              TableName,
              Item: { ...storedKeys(bulkJobEntity, job), ...job },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...(job.status === 'QUEUED' ? eventPuts(TableName, [event]) : []),
        ],
        'BULK_JOB_EXISTS',
        `Bulk issuance job ${job.id}`,
      );
      return 'created';
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'BULK_JOB_EXISTS') return 'exists';
      throw error;
    }
  }

  async get(id: string): Promise<BulkJob | null> {
    const job = primaryKey(bulkJobEntity.primary, { id });
    let items: Record<string, unknown>[];
    try {
      // The counters and the job item, in one strongly consistent read (rows sort after).
      ({ Items: items = [] } = await this.table.documents.send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: '#pk = :pk AND #sk < :rows',
          ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
          ExpressionAttributeValues: { ':pk': job.pk, ':rows': bulkRowEntity.primary.skPrefix },
          ConsistentRead: true,
        }),
      ));
    } catch (error) {
      return translateDynamoError(error, job.pk);
    }
    const jobItem = items.find((item) => item.sk === job.sk);
    if (!jobItem) return null;
    const counts = parseItem(bulkJobSchema, jobItem);
    for (const counter of items)
      if (counter !== jobItem)
        for (const name of counted) counts[name] += Number(counter[name] ?? 0);
    return counts;
  }

  async rows(jobId: string, page: PageRequest, status?: BulkRow['status']): Promise<Page<BulkRow>> {
    return status
      ? this.table.queryPage({
          ...partitionOf(bulkRowEntity.indexes.byStatus, { jobId, status }),
          page,
          schema: bulkRowSchema,
        })
      : this.table.queryPage({
          ...partitionOf(bulkRowEntity.primary, { jobId }),
          page,
          schema: bulkRowSchema,
        });
  }

  async finishRow(
    row: BulkRow,
    outcome: Pick<BulkRow, 'status' | 'credentialId' | 'errorCode' | 'errorMessage'>,
  ): Promise<boolean> {
    const TableName = this.table.tableName;
    const next: BulkRow = { ...row, ...outcome, attempts: row.attempts + 1 };
    try {
      await this.table.transact(
        [
          {
            Put: {
              TableName,
              Item: rowItem(next),
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':pending': 'PENDING' },
            },
          },
          {
            Update: {
              TableName,
              Key: primaryKey(bulkJobCounterEntity.primary, {
                jobId: row.jobId,
                shard: row.row % counterShards,
              }),
              UpdateExpression: 'ADD #processed :one, #outcome :one SET #entity = :entity',
              ExpressionAttributeNames: {
                '#processed': 'processed',
                '#outcome': outcome.status === 'ISSUED' ? 'succeeded' : 'failed',
                '#entity': 'entity',
              },
              ExpressionAttributeValues: { ':one': 1, ':entity': bulkJobCounterEntity.name },
            },
          },
        ],
        'ROW_ALREADY_FINISHED',
        `Row ${row.row}`,
      );
      return true;
    } catch (error) {
      // Another pass finished this row first: counted once already.
      if (error instanceof ConflictError && error.code === 'ROW_ALREADY_FINISHED') return false;
      throw error;
    }
  }

  async countAttempt(row: BulkRow): Promise<void> {
    try {
      await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: primaryKey(bulkRowEntity.primary, row),
          UpdateExpression: 'ADD #attempts :one',
          ExpressionAttributeNames: { '#attempts': 'attempts' },
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    } catch (error) {
      translateDynamoError(error, 'bulk issuance row');
    }
  }

  /** Updates status and pass bookkeeping only; the counters belong to finishRow. */
  async updateJob(
    job: BulkJob,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Update: {
            TableName,
            Key: primaryKey(bulkJobEntity.primary, job),
            UpdateExpression:
              'SET #status = :status, #passes = :passes, #updatedAt = :updated, #version = :next' +
              (job.completedAt ? ', #completedAt = :completed' : ''),
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: {
              '#status': 'status',
              '#version': 'version',
              '#passes': 'passes',
              '#updatedAt': 'updatedAt',
              ...(job.completedAt ? { '#completedAt': 'completedAt' } : {}),
            },
            ExpressionAttributeValues: {
              ':status': job.status,
              ':passes': job.passes,
              ':updated': job.updatedAt,
              ':next': job.version,
              ':expected': expectedVersion,
              ...(job.completedAt ? { ':completed': job.completedAt } : {}),
            },
          },
        },
        ...eventPuts(TableName, events),
      ],
      'VERSION_CONFLICT',
      `Bulk issuance job ${job.id}`,
    );
  }
}
