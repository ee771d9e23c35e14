import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';

/**
 * Fault injection on the real DynamoDB (or DynamoDB Streams) client: calls of `commandName` (whose input satisfies
 * `matching`, when given) fail with an error named `errorName` before reaching DynamoDB Local,
 * as a throttle or a dropped connection would: the first `after` such calls go through, the
 * next `times` fail. Returns a function that removes the fault.
 */
export function failDynamoDb(
  client: DynamoDBClient | DynamoDBStreamsClient,
  commandName: string,
  options: {
    times?: number;
    after?: number;
    errorName?: string;
    matching?: (input: unknown) => boolean;
  } = {},
): () => void {
  let passing = options.after ?? 0;
  let remaining = options.times ?? 1;
  const name = `fault-${commandName}-${Math.random().toString(36).slice(2)}`;
  // The middleware reads only the command's name and input, the same for both clients.
  const stack = client.middlewareStack as DynamoDBClient['middlewareStack'];
  stack.add(
    (next, context) => (args) => {
      if (
        context.commandName !== commandName ||
        remaining <= 0 ||
        (options.matching && !options.matching(args.input))
      )
        return next(args);
      if (passing > 0) {
        passing -= 1;
        return next(args);
      }
      remaining -= 1;
      const error = new Error(`Injected failure of ${commandName}`);
      error.name = options.errorName ?? 'InternalServerError';
      return Promise.reject(error);
    },
    { step: 'initialize', name },
  );
  return () => stack.remove(name);
}

/**
 * Makes the `n`th DynamoDB call through `client` (any command, counted from now; 1 is the next
 * one) fail once, as a throttle would, so a test can break an operation at each of its steps.
 * Returns a function that removes the fault and tells whether it fired.
 */
export function failNthDynamoDbCall(
  client: DynamoDBClient,
  n: number,
  errorName = 'ProvisionedThroughputExceededException',
): () => boolean {
  let seen = 0;
  let fired = false;
  const name = `fault-nth-${n}-${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next, context) => (args) => {
      seen += 1;
      if (seen === n) {
        fired = true;
        const error = new Error(`Injected failure of call ${n} (${context.commandName})`);
        error.name = errorName;
        return Promise.reject(error);
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return () => {
    client.middlewareStack.remove(name);
    return fired;
  };
}

/** Counts the DynamoDB calls made through `client` while `run` runs. */
export async function countDynamoDbCalls(
  client: DynamoDBClient,
  run: () => Promise<unknown>,
): Promise<number> {
  let count = 0;
  const name = `count-${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next) => (args) => {
      count += 1;
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await run();
  } finally {
    client.middlewareStack.remove(name);
  }
  return count;
}

/**
 * Leaves out of the next `times` Query results through `client` that `matching` accepts the
 * items `hide` picks (every item unless given), as an index that has not caught up with the
 * latest writes does: DynamoDB updates indexes a moment after the write, DynamoDB Local at
 * once. Returns a function that stops it.
 */
export function lagIndexReads(
  client: DynamoDBClient,
  options: {
    readonly times: number;
    readonly matching: (input: unknown) => boolean;
    readonly hide?: (item: unknown) => boolean;
  },
): () => void {
  let remaining = options.times;
  const hide = options.hide ?? (() => true);
  const name = `lag-${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'QueryCommand' || remaining <= 0 || !options.matching(args.input))
        return next(args);
      remaining -= 1;
      const result = await next(args);
      const output = result.output as { Items?: unknown[]; Count?: number };
      output.Items = (output.Items ?? []).filter((item) => !hide(item));
      output.Count = output.Items.length;
      return result;
    },
    { step: 'initialize', name },
  );
  return () => client.middlewareStack.remove(name);
}
