import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Makes DynamoDB Local refuse colliding writes as DynamoDB does: a TransactWriteItems that
 * touches an item another transaction in flight also touches is cancelled with
 * `TransactionConflict`, and a PutItem, UpdateItem or DeleteItem of an item a transaction in
 * flight holds fails with `TransactionConflictException`. DynamoDB Local runs them one after
 * the other and never reports either, so code that loses such a race would pass every local
 * test and fail in AWS. Returns how many writes it refused so far, and a function that stops
 * the emulation.
 */
export function emulateTransactionConflicts(client: DynamoDBClient): {
  readonly cancelled: () => number;
  readonly stop: () => void;
} {
  const inFlight = new Map<string, number>();
  let cancelled = 0;
  const name = `transaction-conflicts-${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      if (singleWrite.test(command)) {
        if (inFlight.has(itemKey(args.input as Record<string, unknown>))) {
          cancelled += 1;
          throw Object.assign(new Error('Transaction is ongoing for the item'), {
            name: 'TransactionConflictException',
          });
        }
        return next(args);
      }
      if (!transactWrite.test(command)) return next(args);
      const keys = transactionItemKeys(args.input);
      if (keys.some((key) => inFlight.has(key))) {
        cancelled += 1;
        const reasons = keys.map((key) => (inFlight.has(key) ? 'TransactionConflict' : 'None'));
        throw Object.assign(
          new Error(
            `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.join(', ')}]`,
          ),
          {
            name: 'TransactionCanceledException',
            CancellationReasons: reasons.map((Code) => ({ Code })),
          },
        );
      }
      for (const key of keys) inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      try {
        return await next(args);
      } finally {
        for (const key of keys) {
          const left = inFlight.get(key)! - 1;
          if (left === 0) inFlight.delete(key);
          else inFlight.set(key, left);
        }
      }
    },
    { step: 'initialize', name },
  );
  return { cancelled: () => cancelled, stop: () => client.middlewareStack.remove(name) };
}

/** Command names through the raw client or the document client. */
const singleWrite = /^(Put|Update|Delete)(Item)?Command$/;
const transactWrite = /^TransactWrite(Items)?Command$/;

/** `table/pk/sk` of the item of one write (or one action of a transaction), marshalled or not. */
function itemKey(action: Record<string, unknown>): string {
  const attribute = (value: unknown) =>
    typeof value === 'object' && value !== null && 'S' in value ? String(value.S) : String(value);
  const key = (action.Key ?? action.Item) as Record<string, unknown>;
  return `${String(action.TableName)}/${attribute(key.pk)}/${attribute(key.sk)}`;
}

/** The item keys of a TransactWriteItems input, in request order. */
function transactionItemKeys(input: unknown): string[] {
  const items = (input as { TransactItems?: Record<string, Record<string, unknown>>[] })
    .TransactItems;
  return (items ?? []).map((item) => itemKey(Object.values(item)[0]!));
}
