import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
import { keys } from './keys';
import { eventPuts } from './event-item';
import type { DynamoTable } from './table';

function rowItem(row: BulkRow) {
  return {
    ...keys.bulkRow(row.jobId, row.row),
    gsi1pk: keys.bulkRowsByStatus(row.jobId, row.status),
    gsi1sk: keys.bulkRow(row.jobId, row.row).sk,
    entity: 'BulkIssuanceRow',
    version: 1,
    ...row,
  };
}

/** Bulk issuance jobs: the job item with atomic counters, one item per row. */
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
              Item: {
                ...keys.bulkJob(job.id),
                gsi2pk: `INSTITUTION#${job.institutionId}#BULKJOBS`,
                gsi2sk: `${job.createdAt}#${job.id}`,
                entity: 'BulkIssuanceJob',
                ...job,
              },
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
    return this.table.get(keys.bulkJob(id), bulkJobSchema, true);
  }

  async rows(jobId: string, page: PageRequest, status?: BulkRow['status']): Promise<Page<BulkRow>> {
    return status
      ? this.table.queryPage({
          index: 'gsi1',
          partitionValue: keys.bulkRowsByStatus(jobId, status),
          page,
          schema: bulkRowSchema,
        })
      : this.table.queryPage({
          partitionValue: keys.bulkJob(jobId).pk,
          sortKeyPrefix: 'ROW#',
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
              Key: keys.bulkJob(row.jobId),
              UpdateExpression: 'ADD #processed :one, #outcome :one',
              ExpressionAttributeNames: {
                '#processed': 'processed',
                '#outcome': outcome.status === 'ISSUED' ? 'succeeded' : 'failed',
              },
              ExpressionAttributeValues: { ':one': 1 },
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
          Key: keys.bulkRow(row.jobId, row.row),
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
            Key: keys.bulkJob(job.id),
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
