import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createDocumentClient,
  DynamoTable,
  transactionConflictAttempts,
} from '../../functions/adapters/dynamodb/table';
import { ConflictError } from '../../functions/core/shared/errors';
import { emulateTransactionConflicts } from '../../infra/local/transaction-conflicts';
import { createTestTable } from '../support/table';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * DynamoDB cancels a transaction while another one in flight holds one of its items; the SDK
 * does not retry that cancellation, `DynamoTable.transact` does.
 */
describe('DynamoTable.transact when DynamoDB cancels colliding transactions', () => {
  let client: DynamoDBClient;
  let table: DynamoTable;

  beforeAll(async () => {
    const created = await createTestTable('transactions');
    client = created.client;
    table = new DynamoTable(createDocumentClient(client), created.tableName);
  });

  /** Counts one on the item `pk`, and writes a marker item beside it. */
  const countOn = (pk: string, marker: string): TransactItem[] => [
    {
      Update: {
        TableName: table.tableName,
        Key: { pk, sk: 'COUNTER' },
        UpdateExpression: 'ADD #count :one',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
    {
      Put: {
        TableName: table.tableName,
        Item: { pk, sk: `MARKER#${marker}`, entity: 'Marker', version: 1 },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  const countOf = async (pk: string) =>
    (
      await table.documents.send(
        new GetCommand({ TableName: table.tableName, Key: { pk, sk: 'COUNTER' } }),
      )
    ).Item?.count as number | undefined;
  /** Runs `middleware` on every transaction sent through the client while `run` runs. */
  const withTransactionMiddleware = async <T>(
    middleware: (input: { TransactItems?: unknown[] }) => Promise<void>,
    run: () => Promise<T>,
  ): Promise<T> => {
    const name = `transaction-middleware-${Math.random().toString(36).slice(2)}`;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (/^TransactWrite(Items)?Command$/.test(context.commandName ?? ''))
          await middleware(args.input as { TransactItems?: unknown[] });
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      return await run();
    } finally {
      client.middlewareStack.remove(name);
    }
  };

  it('sends a cancelled transaction again until it goes through, writing it once', async () => {
    const pk = `collide-${Math.random().toString(36).slice(2)}`;
    const conflicts = emulateTransactionConflicts(client);
    try {
      // The first transaction holds the counter for 150 ms; the second, sent meanwhile,
      // collides with it and is cancelled until the first is done.
      let first = true;
      await withTransactionMiddleware(
        async () => {
          if (!first) return;
          first = false;
          await new Promise((resolve) => setTimeout(resolve, 150));
        },
        () =>
          Promise.all([
            table.transact(countOn(pk, 'a'), 'MARKER_EXISTS', 'The counter'),
            new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
              table.transact(countOn(pk, 'b'), 'MARKER_EXISTS', 'The counter'),
            ),
          ]),
      );
    } finally {
      conflicts.stop();
    }
    expect(conflicts.cancelled()).toBeGreaterThan(0);
    expect(await countOf(pk)).toBe(2);
  });

  it('gives up with a retryable CONCURRENT_UPDATE when the collision outlasts its sends, writing nothing', async () => {
    const pk = `stuck-${Math.random().toString(36).slice(2)}`;
    let sends = 0;
    const failure = await withTransactionMiddleware(
      () => {
        sends += 1;
        const error = Object.assign(new Error('Transaction cancelled'), {
          name: 'TransactionCanceledException',
          CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
        });
        return Promise.reject(error);
      },
      () =>
        table
          .transact(countOn(pk, 'a'), 'MARKER_EXISTS', 'The counter')
          .catch((error: unknown) => error),
    );
    expect(failure).toBeInstanceOf(ConflictError);
    expect(failure).toMatchObject({ code: 'CONCURRENT_UPDATE', retryable: true });
    expect(sends).toBe(transactionConflictAttempts);
    expect(await countOf(pk)).toBeUndefined();
  });

  it('reports a failed condition at once, without sending it again', async () => {
    const pk = `condition-${Math.random().toString(36).slice(2)}`;
    await table.transact(countOn(pk, 'a'), 'MARKER_EXISTS', 'The counter');
    let sends = 0;
    const failure = await withTransactionMiddleware(
      () => {
        sends += 1;
        return Promise.resolve();
      },
      () =>
        table
          .transact(countOn(pk, 'a'), 'MARKER_EXISTS', 'The counter')
          .catch((error: unknown) => error),
    );
    expect(failure).toMatchObject({ code: 'MARKER_EXISTS' });
    expect(sends).toBe(1);
    expect(await countOf(pk)).toBe(1);
  });
});
