import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  designVersionSchema,
  type DesignVersion,
  type MicroCredential,
} from '../../core/designs/model';
import { domainEventSchema, type DomainEvent } from '../../core/shared/events';
import type {
  DesignChange,
  DesignUnitOfWork,
  EventRepository,
  QaWorkflowRepository,
  ReviewRepository,
} from '../../core/qa/ports';
import {
  currentStep,
  historyEntrySchema,
  qaWorkflowSchema,
  reviewSchema,
  type HistoryEntry,
  type QaWorkflow,
  type Review,
  type ReviewStatus,
} from '../../core/qa/model';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { translateDynamoError } from './errors';
import { eventPuts } from './event-item';
import { partitionOf, primaryKey, storedKeys } from './entity';
import {
  designVersionEntity,
  publishedDesignEntity,
  qaWorkflowEntity,
  reviewEntity,
  reviewHistoryEntity,
  domainEventEntity,
  reviewCommentEntity,
  reviewRoundEntity,
} from './keys';
import {
  reviewCommentSchema,
  reviewRoundSchema,
  type DueStep,
  type ReviewComment,
  type ReviewRound,
} from '../../core/qa/model';
import { alreadyVoted, dueStepWrite, governancePuts, queryDueBefore } from './qa-governance-items';
import { designItem } from './micro-credential-repository';
import { parseItem, versionedPut, type DynamoTable, type TransactItem } from './table';
import { indexAttributes } from './table-design';

function reviewItem(review: Review) {
  const waiting = review.status === 'IN_PROGRESS';
  return {
    ...storedKeys(reviewEntity, {
      ...review,
      waitingOnRole: waiting ? currentStep(review).role : null,
      dueAt: waiting ? (review.currentStepDueAt ?? null) : null,
    }),
    ...review,
  };
}

function historyItem(entry: HistoryEntry) {
  return { ...storedKeys(reviewHistoryEntity, entry), version: 1, ...entry };
}

function snapshotItem(snapshot: DesignVersion) {
  return { ...storedKeys(designVersionEntity, snapshot), ...snapshot };
}

function publishedItem(projection: MicroCredential, listed: boolean) {
  const publishedAt = projection.published?.publishedAt ?? projection.updatedAt;
  return {
    ...storedKeys(publishedDesignEntity, { ...projection, publishedAt, listed }),
    ...projection,
  };
}

/** QA workflows, reviews, their audit trails, and the atomic design lifecycle writes. */
export class DynamoDbQaRepository
  implements QaWorkflowRepository, ReviewRepository, DesignUnitOfWork, EventRepository
{
  constructor(private readonly table: DynamoTable) {}

  async latest(institutionId: string): Promise<QaWorkflow | null> {
    const page = await this.table.queryPage({
      ...partitionOf(qaWorkflowEntity.primary, { institutionId }),
      newestFirst: true,
      page: { limit: 1 },
      schema: qaWorkflowSchema,
    });
    return page.items[0] ?? null;
  }

  async add(workflow: QaWorkflow): Promise<void> {
    await this.table.putNew(
      { ...storedKeys(qaWorkflowEntity, workflow), version: 1, ...workflow },
      'VERSION_CONFLICT',
    );
  }

  async get(id: string): Promise<Review | null> {
    return this.table.get(primaryKey(reviewEntity.primary, { id }), reviewSchema, true);
  }

  async history(reviewId: string): Promise<HistoryEntry[]> {
    return this.table.queryAll({
      ...partitionOf(reviewHistoryEntity.primary, { reviewId }),
      schema: historyEntrySchema,
    });
  }

  async listByInstitution(
    institutionId: string,
    page: PageRequest,
    status?: ReviewStatus,
  ): Promise<Page<Review>> {
    return status
      ? this.table.queryPage({
          ...partitionOf(reviewEntity.indexes.byStatus, { institutionId, status }),
          newestFirst: true,
          page,
          schema: reviewSchema,
        })
      : this.table.queryPage({
          ...partitionOf(reviewEntity.indexes.byInstitution, { institutionId }),
          newestFirst: true,
          page,
          schema: reviewSchema,
        });
  }

  async queue(institutionId: string, role: string, page: PageRequest): Promise<Page<Review>> {
    return this.table.queryPage({
      ...partitionOf(reviewEntity.indexes.queue, { institutionId, waitingOnRole: role }),
      page,
      schema: reviewSchema,
    });
  }

  async decisionsSince(
    institutionId: string,
    since: string,
    limit: number,
  ): Promise<HistoryEntry[]> {
    const decisions = reviewHistoryEntity.indexes.decisions;
    const { partitionKey, sortKey } = indexAttributes(decisions.index);
    try {
      const entries: HistoryEntry[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const result = await this.table.documents.send(
          new QueryCommand({
            TableName: this.table.tableName,
            IndexName: decisions.index,
            KeyConditionExpression: '#p = :p AND #s >= :since',
            ExpressionAttributeNames: { '#p': partitionKey, '#s': sortKey },
            ExpressionAttributeValues: { ':p': decisions.pk({ institutionId }), ':since': since },
            ScanIndexForward: false,
            Limit: Math.min(limit - entries.length, 500),
            ExclusiveStartKey: start,
          }),
        );
        entries.push(...(result.Items ?? []).map((item) => parseItem(historyEntrySchema, item)));
        start = result.LastEvaluatedKey;
      } while (start && entries.length < limit);
      return entries;
    } catch (error) {
      return translateDynamoError(error, 'QA decisions');
    }
  }

  async getSnapshot(
    microCredentialId: string,
    designVersion: number,
  ): Promise<DesignVersion | null> {
    return this.table.get(
      primaryKey(designVersionEntity.primary, { microCredentialId, designVersion }),
      designVersionSchema,
      true,
    );
  }

  async list(institutionId: string, page: PageRequest): Promise<Page<DomainEvent>> {
    return this.table.queryPage({
      ...partitionOf(domainEventEntity.primary, { institutionId }),
      newestFirst: true,
      page,
      schema: domainEventSchema,
    });
  }

  /**
   * One transaction for the whole change. The design and review are conditional on the
   * versions read; the audit entry may only be created, never overwritten — so of two
   * concurrent decisions on one step exactly one is stored.
   */
  async commit(change: DesignChange): Promise<void> {
    const TableName = this.table.tableName;
    const items: TransactItem[] = [];
    if (change.design) {
      items.push({
        Put: versionedPut(TableName, designItem(change.design.next), change.design.expectedVersion),
      });
    }
    for (const snapshot of change.snapshots ?? []) {
      items.push({ Put: { TableName, Item: snapshotItem(snapshot) } });
    }
    if (change.review) {
      const item = reviewItem(change.review.next);
      items.push({
        Put:
          change.review.expectedVersion === null
            ? { TableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }
            : versionedPut(TableName, item, change.review.expectedVersion),
      });
    }
    if (change.review) items.push(dueStepWrite(TableName, change.review.next));
    const governance = governancePuts(TableName, change);
    const governanceOffset = items.length;
    items.push(...governance.items);
    if (change.history) {
      items.push({
        Put: {
          TableName,
          Item: historyItem(change.history),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    if (change.published) {
      const { projection, listed } = change.published;
      items.push({ Put: { TableName, Item: publishedItem(projection, listed) } });
    }
    items.push(...eventPuts(TableName, change.events));
    await this.table
      .transact(items, 'CONCURRENT_UPDATE', 'The design or its review')
      .catch((error: unknown) => alreadyVoted(error, governance.voteIndex, governanceOffset));
  }

  async rounds(reviewId: string): Promise<ReviewRound[]> {
    return this.table.queryAll({
      ...partitionOf(reviewRoundEntity.primary, { reviewId }),
      schema: reviewRoundSchema,
    });
  }

  async comments(reviewId: string, limit: number): Promise<ReviewComment[]> {
    const page = await this.table.queryPage({
      ...partitionOf(reviewCommentEntity.primary, { reviewId }),
      page: { limit },
      schema: reviewCommentSchema,
    });
    return [...page.items];
  }

  async dueBefore(until: string, limit: number): Promise<DueStep[]> {
    return queryDueBefore(this.table, until, limit);
  }
}
