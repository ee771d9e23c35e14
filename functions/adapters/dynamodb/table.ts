import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { ConflictError } from '../../core/shared/errors';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { decodeCursor, encodeCursor } from './cursor';
import { cancellationReasons, isConditionFailure, translateDynamoError } from './errors';
import { indexAttributes, keyAttributeNames, tableDesign, type IndexName } from './table-design';

/** Primary key of an item. */
export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** Index keys an item may set (sparse: unset keys keep it out of that index). */
export type IndexKeys = Partial<Record<`gsi${1 | 2 | 3}${'pk' | 'sk'}`, string>>;

/** What every stored item carries besides its payload. */
export interface ItemEnvelope extends ItemKey, IndexKeys {
  readonly entity: string;
  readonly version: number;
  readonly expiresAt?: number;
}

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Commands that change items (the document client's and the low-level client's names). */
const writeCommand = /^(Put|Update|Delete|TransactWrite|BatchWrite)(Item|Items)?Command$/;

const envelopeAttributes = new Set([
  ...keyAttributeNames,
  'entity',
  tableDesign.timeToLiveAttribute,
]);

/** Builds the document client used by every repository (one per process). */
export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/**
 * Thin, typed access to the single table. Every read validates the item with a zod schema
 * (never `item as T`); every write of an existing item is conditional on its version.
 */
export class DynamoTable {
  private writeCount = 0;

  constructor(
    readonly documents: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {
    // Every write through this client (the repositories also send commands of their own),
    // counted whether it succeeded or not: caches of reads use it to see this process's writes.
    documents.middlewareStack.add(
      (next, context) => async (args) => {
        try {
          return await next(args);
        } finally {
          if (writeCommand.test(context.commandName ?? '')) this.writeCount += 1;
        }
      },
      { step: 'initialize' },
    );
  }

  /** Writes this process sent to the table so far (see `ReadCache`'s `writes`). */
  get writes(): number {
    return this.writeCount;
  }

  /** Reads one item (only `attributes`, when given) and validates it; null when absent. */
  async get<S extends z.ZodType>(
    key: ItemKey,
    schema: S,
    consistent = false,
    attributes?: readonly string[],
  ): Promise<z.output<S> | null> {
    try {
      const { Item } = await this.documents.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: key.pk, sk: key.sk },
          ConsistentRead: consistent,
          // Placeholders throughout: several attribute names (status, version) are reserved words.
          ...projection(attributes),
        }),
      );
      return Item ? parseItem(schema, Item) : null;
    } catch (error) {
      return translateDynamoError(error, key.pk);
    }
  }

  /** Writes a new item; ConflictError(`code`) when an item with the same key exists. */
  async putNew(
    item: ItemEnvelope & Record<string, unknown>,
    code = 'ALREADY_EXISTS',
  ): Promise<void> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ConflictError(code, `${item.entity} ${item.pk} already exists.`, {
          cause: error,
        });
      }
      translateDynamoError(error, item.pk);
    }
  }

  /**
   * Replaces an item only if its stored `version` equals `expectedVersion` (optimistic
   * concurrency). A stale version, or an item that vanished, is a VERSION_CONFLICT.
   */
  async putVersioned(
    item: ItemEnvelope & Record<string, unknown>,
    expectedVersion: number,
  ): Promise<void> {
    try {
      await this.documents.send(
        new PutCommand(versionedPut(this.tableName, item, expectedVersion)),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ConflictError(
          'VERSION_CONFLICT',
          `${item.entity} changed since version ${expectedVersion}; reload it and try again.`,
          { cause: error },
        );
      }
      translateDynamoError(error, item.pk);
    }
  }

  /** One page of a query over a partition, validated item by item. */
  async queryPage<S extends z.ZodType>(options: {
    readonly index?: IndexName;
    readonly partitionValue: string;
    readonly sortKeyPrefix?: string;
    /** Only items whose sort key is at least this (instead of `sortKeyPrefix`). */
    readonly sortKeyFrom?: string;
    readonly newestFirst?: boolean;
    readonly page: PageRequest;
    readonly schema: S;
    /** Only these attributes of each item (the item's keys still page the query). */
    readonly attributes?: readonly string[];
    /** A strongly consistent read: every write acknowledged before it (base table only). */
    readonly consistent?: boolean;
  }): Promise<Page<z.output<S>>> {
    const { partitionKey: partitionAttribute, sortKey: sortAttribute } = indexAttributes(
      options.index,
    );
    const cursorAttributes = options.index
      ? ['pk', 'sk', partitionAttribute, sortAttribute]
      : ['pk', 'sk'];
    const exclusiveStartKey = decodeCursor(options.page.cursor, {
      partitionAttribute,
      partitionValue: options.partitionValue,
      attributes: cursorAttributes,
    });
    const sortKey = options.sortKeyPrefix ?? options.sortKeyFrom;
    const condition = options.sortKeyPrefix
      ? '#p = :p AND begins_with(#s, :s)'
      : options.sortKeyFrom
        ? '#p = :p AND #s >= :s'
        : '#p = :p';
    const projected = projection(options.attributes);
    try {
      const result = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: options.index,
          KeyConditionExpression: condition,
          ProjectionExpression: projected.ProjectionExpression,
          ExpressionAttributeNames: {
            '#p': partitionAttribute,
            ...(sortKey ? { '#s': sortAttribute } : {}),
            ...projected.ExpressionAttributeNames,
          },
          ExpressionAttributeValues: {
            ':p': options.partitionValue,
            ...(sortKey ? { ':s': sortKey } : {}),
          },
          ...(options.consistent ? { ConsistentRead: true } : {}),
          ScanIndexForward: !options.newestFirst,
          Limit: options.page.limit,
          ExclusiveStartKey: exclusiveStartKey,
        }),
      );
      const items = (result.Items ?? []).map((item) => parseItem(options.schema, item));
      return { items, nextCursor: encodeCursor(result.LastEvaluatedKey) };
    } catch (error) {
      return translateDynamoError(error, options.partitionValue);
    }
  }

  /** Every item of a partition (or index partition), page after page, validated item by item. */
  async queryAll<S extends z.ZodType>(options: {
    readonly index?: IndexName;
    readonly partitionValue: string;
    readonly sortKeyPrefix?: string;
    readonly sortKeyFrom?: string;
    readonly newestFirst?: boolean;
    readonly schema: S;
    readonly consistent?: boolean;
  }): Promise<z.output<S>[]> {
    const items: z.output<S>[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<z.output<S>> = await this.queryPage({
        ...options,
        page: { limit: 100, cursor },
      });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  /**
   * Runs a transaction; a failed condition becomes ConflictError(`conflictCode`).
   *
   * DynamoDB cancels a transaction with `TransactionConflict` when another transaction holds one
   * of its items at that moment (a bulk job's counters, a status list, a design under review),
   * and the SDK does not retry that cancellation. Nothing was written, so it is sent again after
   * a jittered backoff; conditions are checked afresh each time. DynamoDB Local serialises
   * transactions and never reports the conflict.
   */
  async transact(items: TransactItem[], conflictCode: string, what: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.documents.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (reasons.includes('ConditionalCheckFailed')) {
          throw new ConflictError(
            conflictCode,
            `${what} changed at the same time; nothing was written.`,
            {
              cause: error,
            },
          );
        }
        if (reasons.includes('TransactionConflict') && attempt < transactionConflictAttempts) {
          await new Promise((resolve) => setTimeout(resolve, conflictBackoffMs(attempt)));
          continue;
        }
        translateDynamoError(error, what);
      }
    }
  }
}

/** Sends of one transaction while DynamoDB cancels it for a conflict with another one. */
export const transactionConflictAttempts = 8;

/**
 * 10 ms, 20 ms, 40 ms… capped at 500 ms, each with its upper half jittered: the sends spread
 * out, and together they wait out a collision of 0.56 s to 1.1 s.
 */
function conflictBackoffMs(attempt: number): number {
  const step = Math.min(500, 10 * 2 ** (attempt - 1));
  return step / 2 + (Math.random() * step) / 2;
}

/** A projection of `attributes`, with placeholders: several names (status, version) are reserved words. */
function projection(attributes: readonly string[] | undefined): {
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
} {
  if (!attributes) return {};
  return {
    ProjectionExpression: attributes.map((_, index) => `#a${index}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(
      attributes.map((name, index) => [`#a${index}`, name]),
    ),
  };
}

/** A Put that succeeds only when the stored item still has `expectedVersion`. */
export function versionedPut(
  tableName: string,
  item: ItemEnvelope & Record<string, unknown>,
  expectedVersion: number,
) {
  return {
    TableName: tableName,
    Item: item,
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':expected': expectedVersion },
  };
}

/** Strips the envelope (keys, entity, TTL) and validates the payload against `schema`. */
export function parseItem<S extends z.ZodType>(
  schema: S,
  item: Record<string, unknown>,
): z.output<S> {
  const payload = Object.fromEntries(
    Object.entries(item).filter(([name]) => !envelopeAttributes.has(name)),
  );
  const result = schema.safeParse(payload);
  if (!result.success) {
    throw new Error(`Stored item ${String(item.pk)}/${String(item.sk)} does not match its schema`, {
      cause: result.error,
    });
  }
  return result.data;
}
