import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DependencyUnavailableError } from '../../core/shared/errors';
import { partKey, stackSchema, type Stack } from '../../core/stacking/model';
import type {
  JustHeld,
  RecordedHoldings,
  StackingHoldings,
  StackRepository,
} from '../../core/stacking/ports';
import type { DomainEvent } from '../../core/shared/events';
import { translateDynamoError } from './errors';
import { eventPuts } from './event-item';
import { partitionOf, primaryKey, storedKeys } from './entity';
import { stackEntity, stackingHoldingsEntity, stackPartEntity, stackTargetEntity } from './keys';
import { parseItem, versionedPut, type DynamoTable, type TransactItem } from './table';

const stackItem = (stack: Stack) => ({ ...storedKeys(stackEntity, stack), ...stack });
const stackKey = (id: string) => primaryKey(stackEntity.primary, { id });

/** A part or target item: the id of the stack it indexes. */
const stackRefSchema = z.object({ stackId: z.string() });

/**
 * Stacks: one item per stack (indexed by its target design and its institution), one target
 * item beside it, and, while the stack is active, one index item per part, so the worker finds
 * the stacks a new credential may complete with one consistent query. Retiring a stack deletes
 * its part items in the same transaction.
 */
export class DynamoDbStackRepository implements StackRepository {
  constructor(private readonly table: DynamoTable) {}

  async add(stack: Stack, events: readonly DomainEvent[]): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Put: {
            TableName,
            Item: stackItem(stack),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName,
            Item: {
              ...storedKeys(stackTargetEntity, { ...stack, stackId: stack.id }),
              version: 1,
              stackId: stack.id,
            },
          },
        },
        ...this.partItems(stack),
        ...eventPuts(TableName, events),
      ],
      'STACK_EXISTS',
      `Stack ${stack.id}`,
    );
  }

  async update(
    next: Stack,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<void> {
    const TableName = this.table.tableName;
    const parts: TransactItem[] =
      next.status === 'ACTIVE'
        ? this.partItems(next)
        : next.parts.map((part) => ({
            Delete: {
              TableName,
              Key: primaryKey(stackPartEntity.primary, {
                partKey: partKey(part),
                stackId: next.id,
              }),
            },
          }));
    await this.table.transact(
      [
        { Put: versionedPut(TableName, stackItem(next), expectedVersion) },
        ...parts,
        ...eventPuts(TableName, events),
      ],
      'VERSION_CONFLICT',
      `Stack ${next.id}`,
    );
  }

  async get(id: string): Promise<Stack | null> {
    return this.table.get(stackKey(id), stackSchema);
  }

  async listByInstitution(institutionId: string): Promise<Stack[]> {
    return this.table.queryAll({
      ...partitionOf(stackEntity.indexes.byInstitution, { institutionId }),
      schema: stackSchema,
    });
  }

  async listByPart(key: string): Promise<Stack[]> {
    // Consistent reads: a stack stored before this call is listed (see `backfillStacks`).
    const parts = await this.table.queryAll({
      ...partitionOf(stackPartEntity.primary, { partKey: key }),
      schema: stackRefSchema,
      consistent: true,
    });
    const stacks = await this.batchGet(parts.map((item) => item.stackId));
    return stacks.filter((stack) => stack.status === 'ACTIVE');
  }

  async listByTarget(microCredentialId: string, consistent = false): Promise<Stack[]> {
    // The index lists every stack, those defined before target items were written too; the
    // target items, read consistently, add any stack defined a moment ago that it lacks.
    const [listed, targets] = await Promise.all([
      this.table.queryAll({
        ...partitionOf(stackEntity.indexes.byTarget, { microCredentialId }),
        schema: stackSchema,
      }),
      consistent
        ? this.table.queryAll({
            ...partitionOf(stackTargetEntity.primary, { microCredentialId }),
            schema: stackRefSchema,
            consistent: true,
          })
        : [],
    ]);
    const known = new Set(listed.map((stack) => stack.id));
    const unlisted = targets.map((item) => item.stackId).filter((id) => !known.has(id));
    return [...listed, ...(await this.batchGet(unlisted))];
  }

  private partItems(stack: Stack): TransactItem[] {
    return stack.parts.map((part) => ({
      Put: {
        TableName: this.table.tableName,
        Item: {
          ...storedKeys(stackPartEntity, { partKey: partKey(part), stackId: stack.id }),
          version: 1,
          stackId: stack.id,
        },
      },
    }));
  }

  private async batchGet(ids: readonly string[]): Promise<Stack[]> {
    if (ids.length === 0) return [];
    const stacks: Stack[] = [];
    // BatchGetItem takes at most 100 keys; unprocessed keys (throttling) are retried with backoff.
    for (let start = 0; start < ids.length; start += 100) {
      let pending: Record<string, unknown>[] = ids
        .slice(start, start + 100)
        .map((id) => stackKey(id));
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt >= 8)
          throw new DependencyUnavailableError(
            'STORAGE_UNAVAILABLE',
            'Storage is busy; try again shortly.',
          );
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 25));
        try {
          const result = await this.table.documents.send(
            new BatchGetCommand({
              RequestItems: { [this.table.tableName]: { Keys: pending, ConsistentRead: true } },
            }),
          );
          for (const item of result.Responses?.[this.table.tableName] ?? [])
            stacks.push(parseItem(stackSchema, item));
          pending = result.UnprocessedKeys?.[this.table.tableName]?.Keys ?? [];
        } catch (error) {
          translateDynamoError(error, 'stacks');
        }
      }
    }
    return stacks;
  }
}

/**
 * One item per learner holding string sets of credential ids and of imports (`[ownerId, id]`
 * as JSON). `ADD` to a set is atomic and idempotent (a redelivered event adds nothing), and
 * `ALL_NEW` returns the sets as written.
 */
export class DynamoDbStackingHoldings implements StackingHoldings {
  constructor(private readonly table: DynamoTable) {}

  async record(learnerEmailHash: string, held: JustHeld): Promise<RecordedHoldings> {
    const added: [attribute: string, element: string][] = [];
    if (held.credentialId) added.push(['credentialIds', held.credentialId]);
    if (held.imported)
      added.push(['importRefs', JSON.stringify([held.imported.ownerId, held.imported.id])]);
    if (added.length === 0) return { credentialIds: [], imports: [] };
    try {
      const { Attributes } = await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: primaryKey(stackingHoldingsEntity.primary, { learnerEmailHash }),
          UpdateExpression: `ADD ${added.map((_, index) => `#set${index} :element${index}`).join(', ')} SET #entity = :entity, #version = if_not_exists(#version, :one)`,
          ExpressionAttributeNames: {
            ...Object.fromEntries(added.map(([attribute], index) => [`#set${index}`, attribute])),
            '#entity': 'entity',
            '#version': 'version',
          },
          ExpressionAttributeValues: {
            ...Object.fromEntries(
              added.map(([, element], index) => [`:element${index}`, new Set([element])]),
            ),
            ':entity': stackingHoldingsEntity.name,
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const recorded = holdingsSchema.parse(Attributes);
      return {
        credentialIds: [...(recorded.credentialIds ?? [])],
        imports: [...(recorded.importRefs ?? [])].map((ref) => {
          const [ownerId, id] = importRefSchema.parse(JSON.parse(ref));
          return { ownerId, id };
        }),
      };
    } catch (error) {
      return translateDynamoError(error, 'stacking holdings');
    }
  }
}

const holdingsSchema = z.object({
  credentialIds: z.set(z.string()).optional(),
  importRefs: z.set(z.string()).optional(),
});
const importRefSchema = z.tuple([z.string(), z.string()]);
