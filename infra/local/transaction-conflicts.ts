import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Makes DynamoDB Local cancel colliding transactions as DynamoDB does: a TransactWriteItems
 * that touches an item another transaction in flight also touches is cancelled with
 * `TransactionConflict`. DynamoDB Local runs transactions one after the other and never
 * reports it, so code that loses such a race would pass every local test and fail in AWS.
 * (DynamoDB also cancels a single-item write to an item a transaction holds; that is not
 * emulated.) Returns how many it cancelled so far, and a function that stops the emulation.
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
      if (!/^TransactWrite(Items)?Command$/.test(context.commandName ?? '')) return next(args);
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

/** `table/pk/sk` of every item of a TransactWriteItems input, marshalled or not. */
function transactionItemKeys(input: unknown): string[] {
  const attribute = (value: unknown) =>
    typeof value === 'object' && value !== null && 'S' in value ? String(value.S) : String(value);
  const items = (input as { TransactItems?: Record<string, Record<string, unknown>>[] })
    .TransactItems;
  return (items ?? []).map((item) => {
    const action = Object.values(item)[0]!;
    const key = (action.Key ?? action.Item) as Record<string, unknown>;
    return `${String(action.TableName)}/${attribute(key.pk)}/${attribute(key.sk)}`;
  });
}
