import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Fault injection on the real DynamoDB client: the next `times` calls of `commandName` fail
 * with an error named `errorName` before reaching DynamoDB Local (as a throttle or a dropped
 * connection would). Returns a function that removes the fault.
 */
export function failDynamoDb(
  client: DynamoDBClient,
  commandName: string,
  options: { times?: number; errorName?: string } = {},
): () => void {
  let remaining = options.times ?? 1;
  const name = `fault-${commandName}-${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === commandName && remaining > 0) {
        remaining -= 1;
        const error = new Error(`Injected failure of ${commandName}`);
        error.name = options.errorName ?? 'InternalServerError';
        return Promise.reject(error);
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return () => client.middlewareStack.remove(name);
}
