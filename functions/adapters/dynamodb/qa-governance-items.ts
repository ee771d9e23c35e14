import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  dueStepSchema,
  type DueStep,
  type ReviewComment,
  type ReviewRound,
  type VoteRecord,
} from '../../core/qa/model';
import { currentStep, type Review } from '../../core/qa/model';
import { ConflictError } from '../../core/shared/errors';
import { cancellationReasons, translateDynamoError } from './errors';
import { primaryKey, storedKeys } from './entity';
import { dueStepEntity, reviewCommentEntity, reviewRoundEntity, reviewVoteEntity } from './keys';
import { parseItem, type DynamoTable, type TransactItem } from './table';
import { indexAttributes } from './table-design';

const createOnly = 'attribute_not_exists(pk)';

/** The round, vote and comment of a change: each created once, never overwritten. */
export function governancePuts(
  TableName: string,
  change: { round?: ReviewRound; vote?: VoteRecord; comment?: ReviewComment },
): { items: TransactItem[]; voteIndex: number | null } {
  const items: TransactItem[] = [];
  let voteIndex: number | null = null;
  if (change.round) {
    const Item = { ...storedKeys(reviewRoundEntity, change.round), version: 1, ...change.round };
    items.push({ Put: { TableName, Item, ConditionExpression: createOnly } });
  }
  if (change.vote) {
    voteIndex = items.length;
    const Item = { ...storedKeys(reviewVoteEntity, change.vote), version: 1, ...change.vote };
    items.push({ Put: { TableName, Item, ConditionExpression: createOnly } });
  }
  if (change.comment) {
    const Item = {
      ...storedKeys(reviewCommentEntity, change.comment),
      version: 1,
      ...change.comment,
    };
    items.push({ Put: { TableName, Item, ConditionExpression: createOnly } });
  }
  return { items, voteIndex };
}

/** Keeps the due-date register in step with the review: present only while a dated step waits. */
export function dueStepWrite(TableName: string, review: Review): TransactItem {
  if (review.status !== 'IN_PROGRESS' || !review.currentStepDueAt) {
    return {
      Delete: { TableName, Key: primaryKey(dueStepEntity.primary, { reviewId: review.id }) },
    };
  }
  const step = currentStep(review);
  const due: DueStep = {
    reviewId: review.id,
    institutionId: review.institutionId,
    microCredentialId: review.microCredentialId,
    designName: review.designName,
    stepKey: step.key,
    stepName: step.name,
    role: step.role,
    dueAt: review.currentStepDueAt,
  };
  return { Put: { TableName, Item: { ...storedKeys(dueStepEntity, due), version: 1, ...due } } };
}

/**
 * A refused vote becomes ALREADY_VOTED: the vote item's create-only condition failed, so this
 * member has voted on this step in this round already (even if two of their votes raced).
 */
export function alreadyVoted(error: unknown, voteIndex: number | null, offset: number): never {
  const cause = error instanceof ConflictError ? error.cause : undefined;
  if (
    voteIndex !== null &&
    cancellationReasons(cause)[offset + voteIndex] === 'ConditionalCheckFailed'
  ) {
    throw new ConflictError('ALREADY_VOTED', 'You have already voted on this step.', {
      cause: error,
    });
  }
  throw error;
}

/** Waiting steps of every institution due before `until`, earliest first. */
export async function queryDueBefore(
  table: DynamoTable,
  until: string,
  limit: number,
): Promise<DueStep[]> {
  const byDueDate = dueStepEntity.indexes.byDueDate;
  const { partitionKey, sortKey } = indexAttributes(byDueDate.index);
  try {
    const steps: DueStep[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await table.documents.send(
        new QueryCommand({
          TableName: table.tableName,
          IndexName: byDueDate.index,
          KeyConditionExpression: '#p = :p AND #s < :until',
          ExpressionAttributeNames: { '#p': partitionKey, '#s': sortKey },
          ExpressionAttributeValues: { ':p': byDueDate.pk(), ':until': until },
          Limit: Math.min(limit - steps.length, 500),
          ExclusiveStartKey: start,
        }),
      );
      steps.push(...(result.Items ?? []).map((item) => parseItem(dueStepSchema, item)));
      start = result.LastEvaluatedKey;
    } while (start && steps.length < limit);
    return steps;
  } catch (error) {
    return translateDynamoError(error, 'QA due steps');
  }
}
